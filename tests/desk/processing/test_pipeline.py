"""The processing job, end to end through the real task engine: tickets, threading, duplicates,
acknowledgements and their loop rules, failures that park, and idempotency."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest
from django.conf import settings

from bridgedesk.desk.models import InboundMessage, Message, Ticket, TicketEvent
from bridgedesk.desk.processing.pipeline import process_inbound
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


def sent_mail() -> list:
    """What the sender job delivered (no SMTP relay configured: the data dir's Maildir)."""
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    return [box.get_message(key) for key in box.iterkeys()]


@pytest.fixture(autouse=True)
def clean_sent_box():
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    box.clear()
    yield


def test_new_mail_becomes_a_numbered_ticket_with_an_acknowledgement(desk_config):
    [inbound_id] = receive(build_mail(subject="Deposit not credited", body="My 500 USDT deposit via TRC20 has not arrived after 3 hours."))
    drain()
    ticket = Ticket.objects.get()
    assert ticket.number.startswith("KX-") and len(ticket.number) == len("KX-100001")
    assert ticket.requester.email == "alice@example.com"
    assert ticket.messages.filter(direction="in").count() == 1
    row = InboundMessage.objects.get(pk=inbound_id)
    assert row.state == "done" and row.raw is None and row.outcome == "new_ticket"
    [ack] = sent_mail()
    assert f"[{ticket.number}]" in ack["Subject"]
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["In-Reply-To"].strip("<>") == Message.objects.get(direction="in").message_id
    body = ack.get_payload(decode=True).decode()
    assert "never ask for your password" in body and ticket.number in body


def test_chinese_mail_gets_a_chinese_acknowledgement(desk_config):
    receive(build_mail(sender="li@example.cn", subject="充值没到账", body="你好，我的 USDT TRC20 充值两个小时了还没到账，麻烦帮忙查一下。"))
    drain()
    ticket = Ticket.objects.get()
    assert ticket.language == "zh"
    [ack] = sent_mail()
    body = ack.get_payload(decode=True).decode("utf-8")
    assert "工单编号" in body and ticket.number in body and "助记词" in body


def test_reply_with_subject_tag_threads_onto_the_ticket(desk_config):
    receive(build_mail(subject="Withdrawal stuck", body="My BTC withdrawal is pending since yesterday."))
    drain()
    ticket = Ticket.objects.get()
    receive(build_mail(subject=f"Re: [{ticket.number}] Withdrawal stuck", body="Any news? It is still pending."))
    drain()
    assert Ticket.objects.count() == 1
    assert ticket.messages.filter(direction="in").count() == 2
    assert len(sent_mail()) == 1, "a reply to an existing ticket is not acknowledged again"


def test_reply_to_our_message_id_threads_even_without_a_tag(desk_config):
    receive(build_mail(subject="KYC rejected", body="My identity verification was rejected twice, why?"))
    drain()
    ack_id = Message.objects.get(direction="out").message_id
    receive(build_mail(subject="answer", body="Here is more detail about my documents.", headers={"In-Reply-To": f"<{ack_id}>"}))
    drain()
    assert Ticket.objects.count() == 1
    assert Message.objects.filter(direction="in").count() == 2


def test_reply_from_another_address_is_added_but_flagged(desk_config):
    receive(build_mail(subject="Account locked", body="My account is locked after a password reset."))
    drain()
    ticket = Ticket.objects.get()
    receive(build_mail(sender="mallory@example.net", subject=f"Re: [{ticket.number}] Account locked", body="Please change the email on this account to mine."))
    drain()
    ticket.refresh_from_db()
    reply = ticket.messages.filter(direction="in").order_by("-id").first()
    assert "sender_mismatch" in reply.flags
    assert "possible_hijack" in ticket.flags
    assert TicketEvent.objects.filter(ticket=ticket, kind="sender_mismatch").exists()


def test_same_text_resent_is_a_duplicate_not_a_new_ticket(desk_config):
    body = "Hello, I sent 2 ETH to my deposit address four hours ago and it is still not credited. Please check."
    receive(build_mail(subject="ETH deposit missing", body=body))
    drain()
    ticket = Ticket.objects.get()
    due = ticket.first_response_due
    receive(build_mail(subject="ETH deposit missing!!", body=body + "\n"))
    drain()
    assert Ticket.objects.count() == 1
    ticket.refresh_from_db()
    assert ticket.first_response_due == due, "a duplicate does not reset the ticket's place in the queue"
    assert "duplicate" in ticket.messages.order_by("-id").filter(direction="in").first().flags
    assert len(sent_mail()) == 1


def test_different_question_from_same_sender_is_a_new_ticket(desk_config):
    receive(build_mail(subject="ETH deposit missing", body="My ETH deposit from yesterday is not credited."))
    receive(build_mail(subject="API key error", body="The API answers 50111 Invalid OK-ACCESS-KEY for every private call."))
    drain()
    assert Ticket.objects.count() == 2


@pytest.mark.parametrize("headers, reason", [
    ({"Auto-Submitted": "auto-replied"}, "auto-submitted"),
    ({"Precedence": "bulk"}, "precedence"),
    ({"List-Id": "<crypto.lists.example.com>"}, "list"),
])
def test_no_auto_reply_to_automatic_mail(desk_config, headers, reason):
    receive(build_mail(subject="Out of office", body="I am away until Monday.", headers=headers))
    drain()
    ticket = Ticket.objects.get()
    assert sent_mail() == []
    assert TicketEvent.objects.get(ticket=ticket, kind="auto_reply_suppressed").data["reason"] == reason


def test_no_auto_reply_to_our_own_address(desk_config):
    receive(build_mail(sender="support@kestrel.exchange", subject="loop?", body="This came from ourselves."))
    drain()
    assert sent_mail() == []


def test_at_most_one_auto_reply_per_sender_in_the_window(desk_config):
    receive(build_mail(subject="Deposit", body="My deposit of 100 USDT is missing."))
    drain()
    receive(build_mail(subject="KYC", body="Also my KYC verification failed with a selfie error."))
    drain()
    assert Ticket.objects.count() == 2
    assert len(sent_mail()) == 1


def test_processing_twice_changes_nothing(desk_config):
    [inbound_id] = receive(build_mail())
    drain()
    assert process_inbound(inbound_id).result == "already_done"
    assert Message.objects.filter(direction="in").count() == 1


def test_same_bytes_delivered_twice_make_one_message(desk_config):
    raw = build_mail(message_id="<same-one@example.com>")
    receive(raw)
    receive(raw)
    drain()
    assert Message.objects.filter(direction="in").count() == 1
    assert sorted(InboundMessage.objects.values_list("outcome", flat=True)) == ["new_ticket", "repeat_delivery"]


def test_unparseable_message_still_becomes_a_flagged_ticket(desk_config):
    receive(b"\x00\x01\x02\xff\xfe binary garbage without headers \x00")
    drain()
    ticket = Ticket.objects.get()
    assert "unparseable" in ticket.flags


def test_failing_stage_retries_then_parks_where_agents_see_it(desk_config, monkeypatch):
    desk_config("[processing]\nmax_attempts = 2\n")
    import bridgedesk.desk.processing.failures as failures
    import bridgedesk.desk.processing.pipeline as pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("triage exploded")

    monkeypatch.setattr(pipeline, "understand_with_config", broken)
    monkeypatch.setattr(failures, "RETRY_BASE_SECONDS", 0)
    [inbound_id] = receive(build_mail())
    drain()
    row = InboundMessage.objects.get(pk=inbound_id)
    assert row.state == "parked" and row.attempts == 2
    assert row.stage == "understand" and "RuntimeError" in row.last_error
    assert row.raw is not None, "a parked message keeps its bytes for a person to retry"
    assert Ticket.objects.count() == 0


def test_bounce_for_our_acknowledgement_is_recorded_on_the_ticket(desk_config):
    receive(build_mail(sender="gone@example.org", subject="Help", body="My withdrawal failed."))
    drain()
    ticket = Ticket.objects.get()
    ack_id = Message.objects.get(direction="out").message_id
    dsn = (
        "From: MAILER-DAEMON@mx.example.org\r\nTo: support@kestrel.exchange\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <bounce-1@mx.example.org>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nThis is the mail system. Your message could not be delivered.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
        "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n"
        f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <{ack_id}>\r\nTo: gone@example.org\r\n--B--\r\n"
    ).encode()
    receive(dsn)
    drain()
    assert Ticket.objects.count() == 1
    event = TicketEvent.objects.get(ticket=ticket, kind="bounce")
    assert event.data["status"] == "5.1.1"
    assert len(sent_mail()) == 1, "never auto-reply to a bounce"


def test_routing_rules_from_config_pick_the_queue(desk_config):
    desk_config('[[triage.routes]]\nqueue = "funding-zh"\ncategories = ["deposit", "withdrawal"]\nlanguages = ["zh"]\n')
    receive(build_mail(sender="zh@example.cn", subject="充值没到账", body="我昨天充值的 200 USDT（TRC20）到现在还没到账，麻烦查一下。"))
    receive(build_mail(sender="en@example.com", subject="Deposit missing", body="My deposit of 200 USDT on TRC20 has not been credited since yesterday."))
    drain()
    queues = dict(Ticket.objects.values_list("language", "queue"))
    assert queues == {"zh": "funding-zh", "en": "funding"}


def test_reply_that_supplies_the_missing_tx_hash_clears_it(desk_config):
    receive(build_mail(subject="Deposit not credited", body="I deposited 0.5 ETH yesterday and it is still not in my account."))
    drain()
    ticket = Ticket.objects.get()
    assert ticket.category == "deposit" and ticket.missing == ["tx_hash"]
    tx = "0x" + "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
    receive(build_mail(subject=f"Re: [{ticket.number}] Deposit not credited", body=f"Here is the TxID: {tx}"))
    drain()
    ticket.refresh_from_db()
    assert ticket.missing == []
    assert TicketEvent.objects.filter(ticket=ticket, kind="missing_updated").exists()


def test_phishing_report_gets_the_verdict_in_the_reply(desk_config):
    forward = (
        "Is this email really from you?\n\n---------- Forwarded message ---------\n"
        "From: Kestrel Security <no-reply@kestrel-exchange-verify.io>\nDate: Tue, Nov 24, 2026 at 9:02 AM\n"
        "Subject: Urgent: verify your wallet\nTo: <bob@example.com>\n\n"
        "Your account will be suspended in 24 hours. Verify your wallet at http://kestrel-exchange-verify.io/login "
        "and enter your recovery phrase.\n"
    )
    receive(build_mail(sender="bob@example.com", to="security@kestrel.exchange", subject="Fwd: Urgent: verify your wallet", body=forward))
    drain()
    ticket = Ticket.objects.get()
    event = TicketEvent.objects.get(ticket=ticket, kind="phishing_analysis")
    assert event.data["verdict"] == "phishing"
    [reply] = sent_mail()
    body = reply.get_payload(decode=True).decode()
    assert "kestrel-exchange-verify.io" in body or "phishing" in body.lower()
    assert ticket.number in reply["Subject"]
