"""The ticket page: timeline, entity panel, warnings, and every action form."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from bridgedesk.desk.learning.training import agent_labelled_examples
from bridgedesk.desk.models import AuditEvent, Macro, Message, OutboxMail, Ticket, TicketEvent
from tests.desk.helpers import build_mail, drain, receive
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)

TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"


@pytest.fixture
def ticket(desk_config):
    [t] = make_tickets(mail("Deposit not credited · 充值没到账",
                            f"My USDT deposit has not arrived. TxID {TX}\nAPI says error 50111.\n\n> earlier quoted line\n> more quoted"))
    return t


@pytest.fixture
def agent(make_agent):
    return make_agent("ann")


def test_timeline_entities_and_bilingual_labels(agent, ticket):
    html = agent.get(f"/tickets/{ticket.number}/").content.decode()
    assert "My USDT deposit has not arrived." in html
    assert "Customer · 客户" in html and "triage" in html
    assert f"https://etherscan.io/tx/{TX}" in html, "tx hash links to the explorer of its chain"
    assert "Invalid OK-ACCESS-KEY" in html, "error code shows its meaning"
    assert "Send reply · 发送回复" in html and "Internal note · 内部备注" in html


def test_quoted_history_is_folded(agent, ticket):
    html = agent.get(f"/tickets/{ticket.number}/").content.decode()
    message = Message.objects.filter(ticket=ticket, direction="in").get()
    assert "earlier quoted line" in message.quoted_text
    assert "<details><summary>Quoted history · 引用内容</summary>" in html
    assert "earlier quoted line" in html.split("<details><summary>Quoted history")[1]


def test_reply_goes_through_the_outbox_threaded(agent, ticket):
    response = agent.post(f"/tickets/{ticket.number}/reply/", {"text": "Your deposit is credited now. 您的充值已到账。"})
    assert response.status_code == 302
    out = OutboxMail.objects.get(ticket=ticket, kind="reply")
    assert out.to_addr == "alice@example.com" and out.in_reply_to
    assert out.subject.startswith(f"Re: [{ticket.number}]")
    assert Ticket.objects.get(pk=ticket.pk).status == "pending"


@pytest.mark.parametrize("text", ["Please send us your seed phrase so we can check.", "请提供您的助记词，以便核实。"])
def test_reply_asking_for_a_secret_is_refused_with_both_languages(agent, ticket, text):
    response = agent.post(f"/tickets/{ticket.number}/reply/", {"text": text})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Not sent · 未发送" in html and "recovery phrase" in html and "助记词" in html
    assert not OutboxMail.objects.filter(ticket=ticket, kind="reply").exists()


def test_foreign_link_needs_confirmation(agent, ticket):
    text = "See https://kestrel-help.example.net/guide for the steps."
    first = agent.post(f"/tickets/{ticket.number}/reply/", {"text": text})
    assert first.status_code == 200 and "example.net" in first.content.decode()
    assert not OutboxMail.objects.filter(ticket=ticket, kind="reply").exists()
    second = agent.post(f"/tickets/{ticket.number}/reply/", {"text": text, "confirm_links": "1"})
    assert second.status_code == 302
    assert OutboxMail.objects.filter(ticket=ticket, kind="reply").count() == 1


def test_internal_note_is_on_the_timeline_and_never_mailed(agent, ticket):
    outbox_before = OutboxMail.objects.count()
    assert agent.post(f"/tickets/{ticket.number}/note/", {"text": "Checked the chain: 12 confirmations"}).status_code == 302
    assert OutboxMail.objects.count() == outbox_before
    html = agent.get(f"/tickets/{ticket.number}/").content.decode()
    assert "Internal note · 内部备注 · ann" in html and "12 confirmations" in html


def test_status_assign_and_triage_changes_are_recorded(agent, make_agent, ticket):
    make_agent("bob")
    n = ticket.number
    assert agent.post(f"/tickets/{n}/status/", {"status": "on_hold"}).status_code == 302
    assert agent.post(f"/tickets/{n}/assign/", {"assignee": "bob"}).status_code == 302
    assert agent.post(f"/tickets/{n}/assign/", {"assignee": "nobody-here"}).status_code == 400
    assert agent.post(f"/tickets/{n}/status/", {"status": "exploded"}).status_code == 400
    assert agent.post(f"/tickets/{n}/triage/", {"category": "api", "priority": "urgent", "queue": "api"}).status_code == 302
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert (fresh.status, fresh.assignee.username, fresh.category, fresh.priority, fresh.queue) == ("on_hold", "bob", "api", "urgent", "api")
    kinds = set(TicketEvent.objects.filter(ticket=ticket, actor=agent.user).values_list("kind", flat=True))
    assert {"status_set", "assigned", "category_set", "priority_set", "queue_set"} <= kinds
    assert TicketEvent.objects.get(ticket=ticket, kind="category_set").data["category"] == "api"
    texts, labels = agent_labelled_examples()
    assert labels == ["api"] and "My USDT deposit" in texts[0], "bridgedesk train reads the correction"


def test_macro_fills_placeholders_in_the_ticket_language(agent, desk_config):
    [zh] = make_tickets(mail("充值没到账", "我的 USDT 充值没到账，用户ID 27351856，请尽快处理，谢谢", sender="li.wei@example.com"))
    Ticket.objects.filter(pk=zh.pk).update(language="zh")
    m_zh = Macro.objects.create(name="已到账", language="zh", body="{{name}} 您好，工单 {{number}} 的充值已到账。")
    m_ja = Macro.objects.create(name="ja", language="ja", body="こんにちは {{name}}")
    html = agent.get(f"/tickets/{zh.number}/?macro={m_zh.pk}").content.decode()
    assert f"li.wei 您好，工单 {zh.number} 的充值已到账。" in html
    assert "こんにちは" not in agent.get(f"/tickets/{zh.number}/?macro={m_ja.pk}").content.decode()


def test_merge_moves_messages_and_closes_the_source(agent, desk_config):
    first, second = make_tickets(mail("Withdrawal stuck", "My BTC withdrawal is stuck.", sender="x@example.com"),
                                 mail("Withdrawal again", "Still stuck, second mail.", sender="y@example.com"))
    moved = second.messages.count()
    before = first.messages.count()
    assert agent.post(f"/tickets/{second.number}/merge/", {"target": first.number}).status_code == 302
    assert first.messages.count() == before + moved
    assert Ticket.objects.get(pk=second.pk).status == "closed"
    assert TicketEvent.objects.filter(ticket=first, kind="merged_in").exists()
    assert agent.post(f"/tickets/{first.number}/merge/", {"target": first.number}).status_code == 400


def test_secret_ticket_shows_warning_and_is_audited(make_agent, desk_config):
    [t] = make_tickets(mail("Wallet drained", f"My seed phrase is {SEED} please help"))
    agent = make_agent("sec", role="security") if t.queue == "security" else make_agent("ann")
    html = agent.get(f"/tickets/{t.number}/").content.decode()
    assert SEED not in html
    assert "Secrets removed · 已删除敏感信息" in html
    assert "A secret was removed from this ticket" in html
    audit = AuditEvent.objects.get(ticket=t, action="view_ticket_with_secrets")
    assert audit.actor == agent.user and audit.ip == "127.0.0.1"


def test_sender_mismatch_warns_of_a_possible_takeover(agent, ticket):
    Ticket.objects.filter(pk=ticket.pk).update(flags=["sender_mismatch"])
    assert "possible account takeover" in agent.get(f"/tickets/{ticket.number}/").content.decode()


def test_an_out_of_office_from_another_address_shows_as_auto_without_a_takeover_warning(agent, ticket):
    # Exchange answers for the customer from their work address: the agent sees it marked
    # automatic on the timeline, and no "possible account takeover" banner.
    receive(build_mail(sender="alice.work@corp.example", subject=f"Automatic reply: [{ticket.number}] Deposit not credited",
                       body="I am out of the office until 3 March.",
                       headers={"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}))
    drain()
    html = agent.get(f"/tickets/{ticket.number}/").content.decode()
    assert "I am out of the office until 3 March." in html and '<span class="flag">auto</span>' in html
    assert "possible account takeover" not in html


def nested_multipart(text: str, levels: int) -> bytes:
    inner = f"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}".encode()
    for level in range(levels):
        inner = f"Content-Type: multipart/mixed; boundary=L{level}\r\n\r\n--L{level}\r\n".encode() + inner + f"\r\n--L{level}--".encode()
    return (b"From: alice@example.com\r\nTo: support@kestrel.exchange\r\nSubject: Withdrawal screenshots\r\n"
            b"Message-ID: <deep@example.com>\r\nMIME-Version: 1.0\r\n" + inner)


def test_mail_cut_by_the_limits_is_flagged_and_the_page_says_so(agent, desk_config):
    # Accepted with 250 yet partly unread (here: text under twelve multipart levels): the agent
    # must learn that something is missing rather than see less without a word.
    [t] = make_tickets(nested_multipart("my withdrawal W-77 is stuck", 12))
    assert "incomplete" in t.flags and t.messages.get(direction="in").flags == ["incomplete"]
    html = agent.get(f"/tickets/{t.number}/").content.decode()
    assert "Part of this message could not be shown" in html


def test_an_attached_message_is_shown_with_its_headers_and_guarded(make_agent, desk_config):
    # The customer forwards the mail they were sent as an attachment: the agent reads its
    # sender, subject and body on the ticket, with the recovery phrase in it removed before storage.
    suspect = build_mail(sender="Kestrel Support <support@kestreI-exchange.help>", to="alice@example.com",
                         subject="Wallet check required", body=f"To keep your wallet, reply with your phrase, for example {SEED}.")
    report = message_from_bytes(build_mail(subject="Did you send this?", body="I got the attached mail, is it from you?"),
                                policy=policy.default)
    report.add_attachment(message_from_bytes(suspect, policy=policy.default))     # message/rfc822
    [t] = make_tickets(report.as_bytes(policy=policy.SMTP))
    message = t.messages.get(direction="in")
    assert message.visible_text == "I got the attached mail, is it from you?"
    assert message.quoted_text.startswith("---------- Attached message ----------")
    assert "From: Kestrel Support <support@kestreI-exchange.help>" in message.quoted_text
    assert "Subject: Wallet check required" in message.quoted_text and "To keep your wallet" in message.quoted_text
    assert SEED not in message.text + message.quoted_text and message.secrets
    agent = make_agent("sec", role="security") if t.queue == "security" else make_agent("ann")
    html = agent.get(f"/tickets/{t.number}/").content.decode()
    assert "Wallet check required" in html and SEED not in html


def test_a_strangers_reply_raises_the_takeover_banner_once(agent, ticket):
    # The reply leaves a sender_mismatch event and the ticket's possible_hijack flag: one cause, one banner.
    make_tickets(mail(f"Re: [{ticket.number}] {ticket.subject}", "Send the refund to my new wallet.", sender="mallory@example.net"))
    html = agent.get(f"/tickets/{ticket.number}/").content.decode()
    assert html.count("possible account takeover") == 1
