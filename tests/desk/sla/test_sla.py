"""SLA on real tickets: deadlines from the pipeline, next response, breach events, escalation, calendars."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from bridgedesk.desk.actions import customers as customer_actions
from bridgedesk.desk.actions import tickets as ticket_actions
from bridgedesk.desk.models import OutboxMail, Ticket, TicketEvent
from bridgedesk.desk.sla.deadlines import nearest_due, scan_breaches
from bridgedesk.desk.worker import run_housekeeping_once
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

ALL_QUEUES = '["funding", "compliance", "trading", "general", "triage", "security"]'
MONDAY_ONE_HOUR = f"""
[sla.policies.normal]
first_response_hours = 1
[sla.policies.high]
first_response_hours = 1
[sla.policies.low]
first_response_hours = 1
[sla.calendars.mondays]
timezone = "Asia/Shanghai"
hours = {{ mon = "09:00-10:00" }}
queues = {ALL_QUEUES}
"""


def new_ticket(subject: str = "USDT deposit not credited", body: str = "My TRC20 deposit has not arrived after 3 hours.",
               **mail: str) -> Ticket:
    receive(build_mail(subject=subject, body=body, **mail))
    drain()
    return Ticket.objects.order_by("-id").first()


def customer_writes_again(ticket: Ticket, body: str = "Any news? 还没到账。") -> None:
    receive(build_mail(subject=f"Re: [{ticket.number}] {ticket.subject}", body=body))
    drain()


def agent():
    return get_user_model().objects.create_user("ann", password="ann-copper-lantern-47", is_staff=True)


def overdue(ticket: Ticket, **fields: object) -> None:
    """Move deadlines into the past, as if time had passed."""
    Ticket.objects.filter(pk=ticket.pk).update(**fields)
    ticket.refresh_from_db()
    Ticket.objects.filter(pk=ticket.pk).update(sla_due=nearest_due(ticket))


def test_new_ticket_gets_default_deadlines_through_the_pipeline(desk_config):
    before = timezone.now()
    ticket = new_ticket()
    assert ticket.first_response_due - ticket.created_at == timedelta(hours=24)
    assert ticket.resolution_due - ticket.created_at == timedelta(hours=48)
    assert ticket.next_response_due is None and ticket.sla_breached == []
    assert ticket.sla_due == ticket.first_response_due and ticket.created_at >= before


def test_priority_policy_and_queue_calendar_set_the_deadlines(desk_config):
    desk_config(MONDAY_ONE_HOUR)
    ticket = new_ticket()
    local = ticket.first_response_due.astimezone(timezone.get_fixed_timezone(8 * 60))
    assert ticket.priority != "urgent" and (local.weekday(), local.hour, local.minute) == (0, 10, 0)
    assert timedelta(0) < ticket.first_response_due - ticket.created_at <= timedelta(days=7, hours=1)
    assert ticket.sla_due == ticket.first_response_due < ticket.resolution_due


def test_acknowledgement_promises_the_priority_policy_hours(desk_config):
    desk_config("[sla.policies.normal]\nfirst_response_hours = 6\n[sla.policies.high]\nfirst_response_hours = 6\n"
                "[sla.policies.low]\nfirst_response_hours = 6\n")
    ticket = new_ticket(sender="li@example.cn", subject="充值没到账", body="你好，我的 USDT TRC20 充值两个小时了还没到账，麻烦帮忙查一下。")
    ack = OutboxMail.objects.get(ticket=ticket, kind="auto_ack")
    assert ticket.priority != "urgent" and "6 小时内回复" in ack.text


def test_agent_reply_meets_first_response_and_a_customer_reply_owes_the_next(desk_config):
    ticket = new_ticket()
    assert ticket_actions.reply(ticket, text="We are checking your deposit. 正在核查。", author=agent()).sent
    ticket.refresh_from_db()
    assert ticket.first_responded_at is not None and ticket.next_response_due is None
    assert ticket.sla_due == ticket.resolution_due
    customer_writes_again(ticket)
    ticket.refresh_from_db()
    assert ticket.status == "open"
    assert timedelta(hours=23, minutes=59) < ticket.next_response_due - timezone.now() <= timedelta(hours=24)
    assert ticket.sla_due == min(ticket.next_response_due, ticket.resolution_due)
    ticket_actions.reply(ticket, text="Credited now. 已到账。", author=ticket.assignee)
    ticket.refresh_from_db()
    assert ticket.next_response_due is None and ticket.sla_due == ticket.resolution_due


def test_customer_writing_before_any_answer_owes_no_next_response(desk_config):
    ticket = new_ticket()
    customer_writes_again(ticket)
    ticket.refresh_from_db()
    assert ticket.next_response_due is None and ticket.sla_due == ticket.first_response_due


def test_breach_scan_records_each_breach_once_and_escalates_keeping_the_old_queue(desk_config):
    ticket = new_ticket()
    old_queue = ticket.queue
    overdue(ticket, first_response_due=timezone.now() - timedelta(minutes=5))
    first = scan_breaches()
    second = scan_breaches()
    assert (first.breaches, first.escalated) == (1, 1) and (second.breaches, second.escalated) == (0, 0)
    [breach] = TicketEvent.objects.filter(ticket=ticket, kind="sla_breach")
    assert breach.data["target"] == "first_response"
    [escalation] = TicketEvent.objects.filter(ticket=ticket, kind="sla_escalated")
    assert escalation.data == {"from_queue": old_queue, "to_queue": "supervisor", "targets": ["first_response"]}
    ticket.refresh_from_db()
    assert ticket.queue == "supervisor" and ticket.sla_breached == ["first_response"]
    assert ticket.sla_due == ticket.first_response_due, "a breached deadline still sorts first"


def test_a_later_breach_of_an_escalated_ticket_is_recorded_without_moving_it_again(desk_config):
    desk_config('[sla]\nescalation_queue = "leads"\n')
    ticket = new_ticket()
    overdue(ticket, first_response_due=timezone.now() - timedelta(hours=2))
    scan_breaches()
    overdue(ticket, resolution_due=timezone.now() - timedelta(minutes=1))
    result = scan_breaches()
    assert (result.breaches, result.escalated) == (1, 0)
    assert TicketEvent.objects.filter(ticket=ticket, kind="sla_escalated").count() == 1
    assert sorted(e.data["target"] for e in TicketEvent.objects.filter(ticket=ticket, kind="sla_breach")) == ["first_response", "resolution"]
    ticket.refresh_from_db()
    assert ticket.queue == "leads"


def test_housekeeping_runs_the_scan_and_solved_tickets_never_breach(desk_config):
    late, solved = new_ticket(), new_ticket(subject="API key error 50111", body="My API returns 50111 since today.",
                                            sender="bob@example.com")
    past = timezone.now() - timedelta(hours=1)
    overdue(late, first_response_due=past)
    overdue(solved, first_response_due=past, resolution_due=past)
    ticket_actions.change_status(solved, "solved", actor=None)
    run_housekeeping_once()
    assert TicketEvent.objects.filter(kind="sla_breach").count() == 1
    assert TicketEvent.objects.get(kind="sla_breach").ticket_id == late.pk
    solved.refresh_from_db()
    assert solved.sla_due is None and solved.sla_breached == []


def test_next_response_breaches_once_per_cycle(desk_config):
    ticket = new_ticket()
    user = agent()
    for cycle in (1, 2):
        ticket_actions.reply(ticket, text="Looking into it. 处理中。", author=user)
        customer_writes_again(ticket, body=f"Still waiting ({cycle}). 还在等。")
        overdue(ticket, next_response_due=timezone.now() - timedelta(minutes=1))
        scan_breaches()
        scan_breaches()
        assert TicketEvent.objects.filter(ticket=ticket, kind="sla_breach", data__target="next_response").count() == cycle


def test_priority_and_queue_changes_recompute_the_deadlines(desk_config):
    desk_config("[sla.policies.urgent]\nfirst_response_hours = 1\nresolution_hours = 4\n"
                '[sla.calendars.mondays]\ntimezone = "Asia/Shanghai"\nhours = { mon = "09:00-10:00" }\nqueues = ["compliance"]\n')
    ticket = new_ticket()
    user = agent()
    ticket_actions.set_priority(ticket, "urgent", actor=user)
    ticket.refresh_from_db()
    assert ticket.first_response_due - ticket.created_at == timedelta(hours=1)
    assert ticket.resolution_due - ticket.created_at == timedelta(hours=4)
    assert ticket.sla_due == ticket.first_response_due
    ticket_actions.set_queue(ticket, "compliance", actor=user)
    ticket.refresh_from_db()
    local = ticket.first_response_due.astimezone(timezone.get_fixed_timezone(8 * 60))
    assert (local.weekday(), local.hour) == (0, 10)


def test_a_leaked_secret_in_a_reply_makes_the_ticket_urgent_with_urgent_deadlines(desk_config):
    desk_config("[sla.policies.urgent]\nfirst_response_hours = 1\nresolution_hours = 4\n")
    ticket = new_ticket()
    customer_writes_again(ticket, body="My seed phrase is abandon abandon abandon abandon abandon abandon abandon "
                                       "abandon abandon abandon abandon about")
    ticket.refresh_from_db()
    assert ticket.priority == "urgent"
    assert ticket.first_response_due - ticket.created_at == timedelta(hours=1)


def test_one_scan_pages_through_more_breaches_than_a_batch(desk_config, monkeypatch):
    from bridgedesk.desk.models import Customer
    from bridgedesk.desk.sla import deadlines as sla

    monkeypatch.setattr(sla, "SCAN_BATCH", 2)
    customer = Customer.objects.create(email="wang@example.cn", name="王先生")
    past = timezone.now() - timedelta(hours=1)
    tickets = [Ticket.objects.create(requester=customer, subject=f"提现 {n}", queue="funding", first_response_due=past,
                                     resolution_due=past + timedelta(hours=24), sla_due=past) for n in range(5)]
    result = scan_breaches()
    assert (result.breaches, result.escalated) == (5, 5)
    assert set(TicketEvent.objects.filter(kind="sla_breach").values_list("ticket_id", flat=True)) == {t.pk for t in tickets}


def test_a_ticket_reopened_by_an_agent_gets_its_sla_due_back_and_can_breach(desk_config):
    ticket = new_ticket()
    ticket_actions.change_status(ticket, "solved", actor=None)
    scan_breaches()
    ticket.refresh_from_db()
    assert ticket.sla_due is None
    ticket_actions.change_status(ticket, "open", actor=None)
    Ticket.objects.filter(pk=ticket.pk).update(first_response_due=timezone.now() - timedelta(minutes=1))
    result = scan_breaches()
    ticket.refresh_from_db()
    assert result.repaired == 1 and result.breaches == 1 and ticket.sla_due == ticket.first_response_due


def test_a_breached_security_ticket_is_recorded_but_never_moved_out_of_the_security_queue(desk_config):
    ticket = new_ticket(subject="助记词泄露", body="我把助记词发给了假客服：abandon abandon abandon abandon abandon abandon "
                                                  "abandon abandon abandon abandon abandon about")
    assert ticket.queue == "security"
    overdue(ticket, first_response_due=timezone.now() - timedelta(minutes=1))
    result = scan_breaches()
    ticket.refresh_from_db()
    assert (result.breaches, result.escalated) == (1, 0) and ticket.queue == "security"
    assert ticket.sla_breached == ["first_response"]


def test_a_portal_reply_after_our_answer_owes_a_next_response_like_mail(desk_config):
    ticket = new_ticket()
    assert ticket_actions.reply(ticket, text="Please send the TxID. 请提供交易哈希。", author=agent()).sent
    ticket.refresh_from_db()
    customer_actions.customer_reply(ticket, ticket.requester, text="TxID 已经发了，还是没有到账。")
    ticket.refresh_from_db()
    assert ticket.status == "open" and ticket.next_response_due is not None
    assert ticket.sla_due == min(ticket.next_response_due, ticket.resolution_due)
