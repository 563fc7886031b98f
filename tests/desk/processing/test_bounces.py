"""Bounces, and mail that only looks like one: a bounce of our own mail is recorded on its
ticket, a standard delivery report of mail we never sent is only counted, and anything else
(a person writing from postmaster@, an empty Return-Path with an alarming subject, a
non-standard bounce naming none of our mail) becomes a ticket flagged ``possible_bounce``,
never acknowledged, never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from bridgedesk.desk.models import InboundMessage, Message, OutboxMail, Ticket, TicketEvent
from bridgedesk.desk.outbox.queue import queue_agent_reply
from bridgedesk.desk.runtime import get_config
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

# Real bounces from the shared corpus, with the Message-ID of the message each one returns.
STANDARD_REPORTS = {                                        # RFC 3464 multipart/report
    "mime/cpython/msg_16.txt": "002001c144a6$8752e060$56104586@oxy.edu",   # no report-type parameter
    "mime/cpython/msg_25.txt": "01040616033903.00962@server",
}
EXCHANGE_NDR = "mime/spamassassin/spam-2/00169.86268e75abd1bd4bda4d6c129681df34.txt"   # copy attached, no DSN
EXCHANGE_NDR_RETURNS = "N1msdrbJXNPfV4wg9"


def fixture_mail(shared_data: Path, name: str) -> bytes:
    raw = (shared_data / name).read_bytes()
    return raw.split(b"\n", 1)[1] if raw.startswith(b"From ") else raw     # the mbox "From " line is no header


def our_sent_message(message_id: str) -> Ticket:
    """A ticket whose acknowledgement went out under ``message_id``: the mail a bounce returns."""
    receive(build_mail(sender="customer@example.org", subject="Withdrawal pending", body="My BTC withdrawal is still pending."))
    drain()
    ticket = Ticket.objects.get(requester__email="customer@example.org")
    Message.objects.filter(ticket=ticket, direction="out").update(message_id=message_id)
    return ticket


@pytest.mark.parametrize(("sender", "subject", "headers"), [
    ("postmaster@corp-mail.example", "Cannot withdraw my BTC", None),                   # the company's mail admin, a customer
    ("MAILER-DAEMON@smallshop.example", "Deposit not credited", None),                  # a one-person shop's odd address
    ("mail-daemon@family.example", "Returned mail: my USDT deposit came back", None),   # even with a bounce-like subject
    ("alice@example.com", "My withdrawal could not be delivered to my wallet", {"Return-Path": "<>"}),
])
def test_a_person_who_only_looks_like_a_bounce_gets_a_flagged_ticket_and_no_answer(desk_config, sender, subject, headers):
    # Taken for a bounce, such mail matched nothing we sent and was erased unseen. It names
    # none of our mail, so it is a person's: a ticket an agent sees, flagged, never auto-acknowledged.
    [inbound_id] = receive(build_mail(sender=sender, subject=subject, body="I sent 0.5 BTC yesterday and it has not arrived.",
                                       headers=headers))
    drain()
    row = InboundMessage.objects.get(pk=inbound_id)
    assert row.outcome == "new_ticket", row.outcome
    ticket = Ticket.objects.get()
    assert "possible_bounce" in ticket.flags
    message = ticket.messages.get(direction="in")
    assert "possible_bounce" in message.flags and "has not arrived" in message.text
    assert not OutboxMail.objects.exists(), "the loop rules still hold: never answer a possible bounce"
    assert TicketEvent.objects.filter(ticket=ticket, kind="auto_reply_suppressed").exists()


def test_a_person_at_postmaster_answering_our_reply_stays_on_the_ticket(desk_config):
    # Their answer references our reply, as every reply does; that makes it a reply, not a
    # bounce of our reply (a bounce says so in its subject).
    receive(build_mail(sender="postmaster@corp-mail.example", subject="Cannot withdraw my BTC", body="Withdrawal stuck since Monday."))
    drain()
    ticket = Ticket.objects.get()
    agent = get_user_model().objects.create_user("agent", password="pw-agent-1", is_staff=True)
    queue_agent_reply(ticket, text="Please send us the withdrawal ID.", author=agent, config=get_config())
    ours = Message.objects.get(direction="out").message_id
    [inbound_id] = receive(build_mail(sender="postmaster@corp-mail.example", subject=f"Re: [{ticket.number}] Cannot withdraw my BTC",
                                       body="The withdrawal ID is W-2026-118.", headers={"In-Reply-To": f"<{ours}>"}))
    drain()
    assert InboundMessage.objects.get(pk=inbound_id).outcome == "references"
    assert ticket.messages.filter(direction="in").count() == 2
    assert "W-2026-118" in ticket.messages.filter(direction="in").latest("id").text
    assert not TicketEvent.objects.filter(kind="bounce").exists()


@pytest.mark.parametrize("name", sorted(STANDARD_REPORTS))
def test_a_real_delivery_report_of_our_mail_is_recorded_on_its_ticket(desk_config, shared_data, name):
    ticket = our_sent_message(STANDARD_REPORTS[name])
    [inbound_id] = receive(fixture_mail(shared_data, name))
    drain()
    assert InboundMessage.objects.get(pk=inbound_id).outcome == "bounce"
    assert TicketEvent.objects.filter(ticket=ticket, kind="bounce").count() == 1
    assert Ticket.objects.count() == 1 and OutboxMail.objects.count() == 1   # no ticket, no answer


@pytest.mark.parametrize("name", [*sorted(STANDARD_REPORTS), "mime/cpython/msg_43.txt"])
def test_a_real_delivery_report_of_mail_we_never_sent_is_only_counted(desk_config, shared_data, name):
    # Backscatter: an RFC 3464 report is surely a bounce, so naming no mail of ours it opens nothing.
    [inbound_id] = receive(fixture_mail(shared_data, name))
    drain()
    assert InboundMessage.objects.get(pk=inbound_id).outcome == "bounce_unmatched"
    assert not Ticket.objects.exists() and not OutboxMail.objects.exists()


def test_a_real_non_standard_bounce_of_our_mail_is_recorded_by_its_attached_copy(desk_config, shared_data):
    # Exchange 5.5's "Undeliverable:" has no delivery-status part; the returned message is attached.
    ticket = our_sent_message(EXCHANGE_NDR_RETURNS)
    [inbound_id] = receive(fixture_mail(shared_data, EXCHANGE_NDR))
    drain()
    assert InboundMessage.objects.get(pk=inbound_id).outcome == "bounce"
    event = TicketEvent.objects.get(ticket=ticket, kind="bounce")
    assert event.data["recipient"] == "75@tfi.kpn.com"
    assert Ticket.objects.count() == 1 and OutboxMail.objects.count() == 1


def test_the_same_non_standard_bounce_naming_none_of_our_mail_becomes_a_flagged_ticket(desk_config, shared_data):
    [inbound_id] = receive(fixture_mail(shared_data, EXCHANGE_NDR))
    drain()
    assert InboundMessage.objects.get(pk=inbound_id).outcome == "new_ticket"
    ticket = Ticket.objects.get()
    assert "possible_bounce" in ticket.flags and not OutboxMail.objects.exists()


def test_a_free_text_bounce_referencing_our_mail_is_recorded(desk_config):
    # qmail-style "failure notice" that quotes nothing but threads on our acknowledgement.
    ticket = our_sent_message("ack-77@kestrel.exchange")
    bounce = build_mail(sender="MAILER-DAEMON@mx.example.org", subject="failure notice",
                         body="Hi. This is the qmail-send program at mx.example.org.\n"
                              "<customer@example.org>:\n550 5.1.1 mailbox unavailable\n",
                         headers={"In-Reply-To": "<ack-77@kestrel.exchange>"})
    [inbound_id] = receive(bounce)
    drain()
    assert InboundMessage.objects.get(pk=inbound_id).outcome == "bounce"
    event = TicketEvent.objects.get(ticket=ticket, kind="bounce")
    assert event.data["status"] == "5.1.1" and event.data["recipient"] == "customer@example.org"
