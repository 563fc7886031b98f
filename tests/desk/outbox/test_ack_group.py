"""Acknowledgements written for a whole group at once must keep the one-by-one rules: one
auto-reply per sender per window (also inside the group), RFC 3834 refusals recorded on the
ticket, threading headers, and every acknowledgement delivered by the group's single job."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from bridgedesk.desk.models import Customer, Message, OutboxMail, TicketEvent
from bridgedesk.desk.outbox.queue import queue_acknowledgements
from bridgedesk.desk.processing import pipeline
from bridgedesk.desk.runtime import get_config
from bridgedesk.understanding import understand_message
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

DEPOSIT = "My 500 USDT deposit via TRC20 has not arrived after 3 hours."


def new_ticket(raw: bytes):  # type: ignore[no-untyped-def]
    """A saved new ticket and the understanding of the mail that opened it, as the pipeline makes them."""
    config = get_config()
    understanding = understand_message(raw, model=None, ocr=False)
    sender = understanding.parsed.from_addr
    customer, _ = Customer.objects.get_or_create(email=sender)
    ticket = pipeline.build_ticket(understanding, sender, customer, config)
    ticket.save()
    return ticket, understanding


def test_group_acknowledges_each_sender_once_and_records_every_refusal(desk_config):
    items = [
        new_ticket(build_mail(sender="alice@example.com", body=DEPOSIT, message_id="<a1@example.com>")),
        new_ticket(build_mail(sender="bob@example.com", subject="提现没到账", body="我的提现一直没到账。")),
        new_ticket(build_mail(sender="alice@example.com", subject="again", body=DEPOSIT)),      # same sender, same group
        new_ticket(build_mail(sender="robot@example.com", body=DEPOSIT, headers={"Auto-Submitted": "auto-generated"})),
    ]
    queued = queue_acknowledgements(items, get_config())
    assert [mail.to_addr for mail in queued] == ["alice@example.com", "bob@example.com"]
    reasons = {e.ticket_id: e.data["reason"] for e in TicketEvent.objects.filter(kind="auto_reply_suppressed")}
    assert reasons[items[2][0].pk] == "rate_window"
    assert items[3][0].pk in reasons and reasons[items[3][0].pk] != "rate_window"
    first = OutboxMail.objects.get(to_addr="alice@example.com")
    assert first.in_reply_to == "a1@example.com" and first.references == ["a1@example.com"]
    assert first.timeline_message.message_id == first.message_id and first.timeline_message.direction == "out"
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_outbox_batch").count() == 1


def test_sender_acknowledged_before_the_group_is_in_the_window(desk_config):
    earlier = new_ticket(build_mail(sender="carol@example.com", body=DEPOSIT))
    queue_acknowledgements([earlier], get_config())
    later = new_ticket(build_mail(sender="carol@example.com", subject="any news?", body=DEPOSIT))
    assert queue_acknowledgements([later], get_config()) == []
    assert TicketEvent.objects.get(kind="auto_reply_suppressed").data == {"reason": "rate_window"}


def test_bulk_lane_acknowledgements_are_delivered_by_one_job(desk_config):
    receive(*(build_mail(sender=f"user{n}@example.com", subject=f"充值问题 {n}", body=DEPOSIT) for n in range(5)))
    drain()
    acks = OutboxMail.objects.filter(kind="auto_ack")
    assert acks.count() == 5 and set(acks.values_list("state", flat=True)) == {"sent"}
    assert Message.objects.filter(direction="out", is_auto=True).count() == 5
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_outbox_batch").count() == 1
