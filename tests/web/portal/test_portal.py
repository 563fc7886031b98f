"""Customer portal: one-time signed link, own tickets only, no internal notes, reply, close."""

from __future__ import annotations

import mailbox
import re
from email import message_from_bytes, policy
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client

from bridgedesk.desk.actions import tickets as ticket_actions
from bridgedesk.desk.models import Customer, Message, OutboxMail, Ticket, TicketEvent
from bridgedesk.desk.outbox.signin import LINK_MAX_AGE_SECONDS, make_signin_token
from tests.desk.helpers import drain
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)
SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"


@pytest.fixture
def two_customers(desk_config):
    mine, theirs = make_tickets(mail("充值没到账", "我的 USDT 充值没到账，用户ID 27351856", sender="li@example.com"),
                                mail("Withdrawal failed", "My withdrawal failed twice.", sender="bob@example.com"))
    return mine, theirs


def _link_from_sent_mail(to: str) -> str:
    """The link in the mail as delivered: the outbox row itself holds no token (outbox/signin.py)."""
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    box.clear()
    drain()
    [text] = [message_from_bytes(bytes(raw), policy=policy.default).get_body(("plain",)).get_content()
              for raw in box if str(message_from_bytes(bytes(raw), policy=policy.default)["To"]) == to]
    return re.search(r"http://testserver(/portal/signin/[^/\s]+/)", text).group(1)


def signed_in(customer: Customer) -> Client:
    client = Client()
    assert client.post(f"/portal/signin/{make_signin_token(customer)}/").status_code == 302
    return client


def test_link_is_mailed_and_works_once(client, two_customers):
    assert client.post("/portal/", {"email": "li@example.com"}).status_code == 200
    link = _link_from_sent_mail("li@example.com")
    assert client.get(link).status_code == 200, "GET only shows a button: mail scanners prefetch links"
    assert "portal_customer" not in client.session
    assert client.post(link)["Location"] == "/portal/tickets/"
    assert two_customers[0].number in client.get("/portal/tickets/").content.decode()
    again = Client().post(link)
    assert again.status_code == 400 and "already used" in again.content.decode()


def test_unknown_address_gets_the_same_answer_and_no_mail(client, two_customers):
    known = client.post("/portal/", {"email": "li@example.com"}).content.decode()
    unknown = client.post("/portal/", {"email": "nobody@example.com"}).content.decode()
    assert unknown == known.replace("li@example.com", "nobody@example.com")
    assert not OutboxMail.objects.filter(to_addr="nobody@example.com").exists()


def test_expired_and_forged_links_are_refused(two_customers):
    customer = two_customers[0].requester
    token = make_signin_token(customer)
    import time
    later = time.time() + LINK_MAX_AGE_SECONDS + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert Client().post(f"/portal/signin/{token}/").status_code == 400
    other = two_customers[1].requester
    forged = token.replace(f"{customer.pk}:", f"{other.pk}:", 1)
    assert Client().post(f"/portal/signin/{forged}/").status_code == 400
    assert Client().post(f"/portal/signin/{token}/").status_code == 302, "the genuine, fresh link still works"


def test_customer_sees_only_own_tickets(two_customers):
    mine, theirs = two_customers
    li = signed_in(mine.requester)
    assert theirs.number not in li.get("/portal/tickets/").content.decode()
    for url in (f"/portal/tickets/{theirs.number}/",):
        assert li.get(url).status_code == 404
    assert li.post(f"/portal/tickets/{theirs.number}/reply/", {"text": "hi"}).status_code == 404
    assert li.post(f"/portal/tickets/{theirs.number}/close/").status_code == 404
    assert Ticket.objects.get(pk=theirs.pk).status != "closed"
    assert Client().get(f"/portal/tickets/{mine.number}/").status_code == 404, "signed-out visitors see nothing"


def test_thread_hides_internal_notes_and_staff_pages(make_agent, two_customers):
    mine, _ = two_customers
    agent = make_agent("ann")
    ticket_actions.add_note(mine, text="INTERNAL: customer looks like a scammer", author=agent.user)
    li = signed_in(mine.requester)
    html = li.get(f"/portal/tickets/{mine.number}/").content.decode()
    assert "我的 USDT 充值没到账" in html and "INTERNAL" not in html
    assert li.get(f"/tickets/{mine.number}/").status_code == 302, "the console is not for customers"


def test_reply_is_guarded_and_reopens_the_ticket(two_customers):
    mine, _ = two_customers
    Ticket.objects.filter(pk=mine.pk).update(status="pending")
    li = signed_in(mine.requester)
    response = li.post(f"/portal/tickets/{mine.number}/reply/", {"text": f"还没到账。我的助记词是 {SEED}"})
    assert response.status_code == 302
    reply = Message.objects.filter(ticket=mine, direction="in").latest("id")
    assert "还没到账" in reply.text and SEED not in reply.text and "abandon abandon" not in reply.text
    assert reply.secrets and reply.secrets[0]["type"] == "seed_phrase"
    after = Ticket.objects.get(pk=mine.pk)
    assert after.status == "open"
    assert (after.queue, after.priority, after.tags) == ("security", "urgent", ["secret_leaked:seed_phrase"]), \
        "a secret leaked through the portal goes to the security team, as one leaked by mail does"
    assert TicketEvent.objects.filter(ticket=mine, kind="secret_redacted", data__message=reply.pk).exists()
    assert "我们已删除您发送的敏感信息" in li.get(f"/portal/tickets/{mine.number}/").content.decode()


def test_customer_closes_a_ticket(two_customers):
    mine, _ = two_customers
    li = signed_in(mine.requester)
    assert li.post(f"/portal/tickets/{mine.number}/close/").status_code == 302
    assert Ticket.objects.get(pk=mine.pk).status == "closed"
    assert TicketEvent.objects.filter(ticket=mine, kind="closed_by_customer").exists()
    assert "Close this ticket" not in li.get(f"/portal/tickets/{mine.number}/").content.decode()


def test_link_requests_are_limited_per_address(client, two_customers):
    for _ in range(5):
        assert client.post("/portal/", {"email": "li@example.com"}).status_code == 200
    assert OutboxMail.objects.filter(kind="portal_link", to_addr="li@example.com").count() == 3
    client.post("/portal/", {"email": "bob@example.com"})
    assert OutboxMail.objects.filter(kind="portal_link", to_addr="bob@example.com").count() == 1



def test_customer_chooses_the_anti_phishing_code_and_our_mail_shows_it(two_customers):
    from bridgedesk.desk.outbox.deliver import render_outbox_mail
    from bridgedesk.desk.outbox.queue import queue_agent_reply
    from bridgedesk.desk.runtime import get_config

    mine, _ = two_customers
    client = signed_in(mine.requester)
    assert "防钓鱼码" in client.get("/portal/tickets/").content.decode()
    bad = client.post("/portal/anti-phishing-code/", {"code": "<b>x</b>"})
    assert bad.status_code == 400 and "4-32" in bad.content.decode()
    assert client.post("/portal/anti-phishing-code/", {"code": "蓝色 kestrel 42"}).status_code == 302
    mine.requester.refresh_from_db()
    assert mine.requester.anti_phishing_code == "蓝色 kestrel 42"
    outbox = queue_agent_reply(mine, text="We are checking your deposit.", author=None, config=get_config())
    from email import message_from_bytes, policy

    sent = message_from_bytes(render_outbox_mail(outbox), policy=policy.default)
    assert "蓝色 kestrel 42" in sent.get_content()


def test_setting_a_code_needs_a_portal_session(client):
    assert client.post("/portal/anti-phishing-code/", {"code": "blue sky 42"}).status_code == 302
    assert not Customer.objects.exclude(anti_phishing_code="").exists()
