"""Import as a migration: old mail keeps its date and its SLA history, sends nothing, and does not alarm."""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest
from django.utils import timezone

from bridgedesk.desk.models import Message, OutboxMail, Ticket, TicketEvent
from bridgedesk.desk.sla.deadlines import scan_breaches
from bridgedesk.desk.worker import run_housekeeping_once
from bridgedesk.intake.importer import ImportOptions, close_imported_before, import_paths
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

MARCH_2024 = datetime(2024, 3, 7, 10, 0, tzinfo=UTC)


def dated_mail(sender: str, written: datetime, subject: str = "USDT deposit not credited",
               body: str = "My TRC20 deposit has not arrived.") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "support@kestrel.exchange"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(written)
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content(body)
    return msg.as_bytes(policy=policy.SMTP)


def mbox_of(path: Path, *mails: bytes) -> Path:
    box = mailbox.mbox(path)
    for mail in mails:
        box.add(mail)
    box.close()
    return path


def test_old_mail_keeps_its_date_and_sends_nothing(tmp_path, desk_config):
    # History keeps its own time: the ticket and its message are dated by the mail, and nobody is answered.
    summary = import_paths([mbox_of(tmp_path / "old.mbox", dated_mail("march@example.com", MARCH_2024))])
    drain()
    assert summary.imported == 1
    ticket = Ticket.objects.get()
    message = Message.objects.get(ticket=ticket)
    assert ticket.created_at == MARCH_2024 and message.created_at == MARCH_2024
    assert OutboxMail.objects.count() == 0
    assert not TicketEvent.objects.filter(kind="auto_reply_suppressed").exists(), "nothing was tried, so nothing was suppressed"


def test_imported_deadlines_run_from_the_mail_and_past_ones_do_not_alarm(tmp_path, desk_config):
    # A careful team wants the true history (the 2024 ticket was overdue), but the escalation queue
    # is for work slipping on this desk: breaches that happened before the import are recorded,
    # quietly, and never reported or escalated as fresh ones.
    import_paths([mbox_of(tmp_path / "old.mbox", dated_mail("march@example.com", MARCH_2024))])
    drain()
    ticket = Ticket.objects.get()
    queue = ticket.queue
    assert ticket.first_response_due == MARCH_2024 + timedelta(hours=24)
    assert ticket.resolution_due == MARCH_2024 + timedelta(hours=48)
    assert ticket.sla_breached == ["first_response", "resolution"], "the history is kept: it was overdue"
    [imported] = TicketEvent.objects.filter(ticket=ticket, kind="imported")
    assert imported.data == {"written_at": MARCH_2024.isoformat(), "acknowledged": False,
                             "deadlines_already_past": ["first_response", "resolution"]}

    run_housekeeping_once()
    assert scan_breaches().breaches == 0
    assert not TicketEvent.objects.filter(kind__in=("sla_breach", "sla_escalated")).exists()
    ticket.refresh_from_db()
    assert ticket.queue == queue != "supervisor"


def test_recent_imported_mail_still_breaches_like_live_mail(tmp_path, desk_config):
    # Mail from an hour ago is still ours to answer in time: its deadline breaches and escalates as usual.
    written = (timezone.now() - timedelta(hours=1)).replace(microsecond=0)
    import_paths([mbox_of(tmp_path / "recent.mbox", dated_mail("recent@example.com", written))])
    drain()
    ticket = Ticket.objects.get()
    assert ticket.created_at == written and ticket.first_response_due == written + timedelta(hours=24)
    assert ticket.sla_breached == []
    result = scan_breaches(now=written + timedelta(hours=25))
    assert (result.breaches, result.escalated) == (1, 1)
    ticket.refresh_from_db()
    assert ticket.queue == "supervisor"


def test_acknowledge_sends_the_usual_acknowledgement(tmp_path, desk_config):
    # A migration whose customers still wait can ask for the answer live mail gets.
    import_paths([mbox_of(tmp_path / "old.mbox", dated_mail("march@example.com", MARCH_2024))], options=ImportOptions(acknowledge=True))
    drain()
    [ack] = OutboxMail.objects.all()
    assert ack.kind == "auto_ack" and ack.to_addr == "march@example.com"
    assert TicketEvent.objects.get(kind="imported").data["acknowledged"] is True


def test_close_before_closes_quiet_history_with_the_reason_and_spares_live_tickets(tmp_path, desk_config):
    # Settled history goes to the archive with a timeline entry saying why; a live ticket that an old
    # mail threads into is not history, and stays open.
    receive(build_mail(sender="live@example.com", subject="Withdrawal pending", body="My withdrawal is pending."))
    drain()
    live = Ticket.objects.get()
    old_reply = dated_mail("live@example.com", MARCH_2024, subject=f"Re: [{live.number}] Withdrawal pending", body="Still pending.")
    summary = import_paths([mbox_of(tmp_path / "old.mbox", dated_mail("march@example.com", MARCH_2024), old_reply,
                                    dated_mail("may@example.com", datetime(2024, 5, 2, tzinfo=UTC), subject="KYC rejected"))],
                           options=ImportOptions(acknowledge=True))
    drain()
    assert summary.imported == 3 and Ticket.objects.count() == 3, "the old reply threaded into the live ticket"

    closed = close_imported_before(summary, datetime(2024, 4, 1, tzinfo=UTC))
    assert closed == 1, "the acknowledgement the import sent is not activity that keeps a ticket open"
    statuses = dict(Ticket.objects.values_list("requester__email", "status"))
    assert statuses == {"live@example.com": "new", "march@example.com": "closed", "may@example.com": "new"}
    march = Ticket.objects.get(requester__email="march@example.com")
    [event] = TicketEvent.objects.filter(ticket=march, kind="closed_as_history")
    assert event.data["before"] == "new"
    assert event.data["reason"] == "imported history: nothing newer than 2024-04-01 (import --close-before)"
    assert march.sla_due is None
