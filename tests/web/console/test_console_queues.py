"""Queue views, counts per view, "my tickets" and the next-ticket button."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from bridgedesk.desk.models import Ticket, TicketEvent
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def four_tickets(desk_config):
    tickets = make_tickets(
        mail("Deposit not credited", "My USDT deposit has not arrived.", sender="a@example.com"),
        mail("充值没到账", "我的 USDT 充值没到账，用户ID 27351856", sender="b@example.com"),
        mail("API error", "Error 50111 on every request.", sender="c@example.com"),
        mail("提现失败", "提现一直失败，订单号 612389471205893", sender="d@example.com"),
    )
    now = timezone.now()
    layout = [("funding", "normal", "en", 5), ("funding", "high", "zh", 9), ("api", "high", "en", 2), ("funding", "urgent", "zh", 30)]
    for ticket, (queue, priority, language, hours) in zip(tickets, layout):
        due = now + timedelta(hours=hours)   # sla_due is what the console orders by (the nearest unmet deadline)
        Ticket.objects.filter(pk=ticket.pk).update(queue=queue, priority=priority, language=language, status="new",
                                                   first_response_due=due, sla_due=due, assignee=None)
    return list(Ticket.objects.order_by("id"))


def _numbers_in(html: str, tickets: list[Ticket]) -> set[str]:
    return {t.number for t in tickets if f"/tickets/{t.number}/" in html}


def test_filters_by_queue_status_priority_and_language(make_agent, four_tickets):
    client = make_agent("ann")
    a, b, c, d = four_tickets
    assert _numbers_in(client.get("/tickets/?queue=funding").content.decode(), four_tickets) == {a.number, b.number, d.number}
    assert _numbers_in(client.get("/tickets/?priority=high").content.decode(), four_tickets) == {b.number, c.number}
    assert _numbers_in(client.get("/tickets/?language=zh").content.decode(), four_tickets) == {b.number, d.number}
    assert _numbers_in(client.get("/tickets/?status=solved").content.decode(), four_tickets) == set()


def test_counts_per_view_are_shown(make_agent, four_tickets):
    html = make_agent("ann").get("/tickets/").content.decode()
    assert "funding (3)" in html and "api (1)" in html
    assert "high (2)" in html and "urgent (1)" in html
    assert "zh (2)" in html and "en (2)" in html
    assert "My tickets · 我的工单 (0)" in html


def test_my_tickets_lists_only_what_is_assigned_to_me(make_agent, four_tickets):
    ann = make_agent("ann")
    Ticket.objects.filter(pk=four_tickets[2].pk).update(assignee=ann.user)
    html = ann.get("/tickets/?mine=1&open=1").content.decode()
    assert _numbers_in(html, four_tickets) == {four_tickets[2].number}
    assert "My tickets · 我的工单 (1)" in html


def test_next_ticket_takes_priority_then_sla_and_assigns_it(make_agent, four_tickets):
    ann = make_agent("ann")
    urgent = four_tickets[3]
    response = ann.post("/tickets/next/")
    assert response.status_code == 302 and response["Location"] == f"/tickets/{urgent.number}/"
    assert Ticket.objects.get(pk=urgent.pk).assignee == ann.user
    assert TicketEvent.objects.filter(ticket=urgent, kind="assigned").exists()
    Ticket.objects.filter(pk=urgent.pk).update(status="pending")
    high_soonest = four_tickets[2]   # high, due in 2 h beats high due in 9 h
    assert ann.post("/tickets/next/")["Location"] == f"/tickets/{high_soonest.number}/"


def test_next_ticket_respects_language_skills_and_others_assignments(make_agent, four_tickets):
    bob = make_agent("bob", languages=("en",))
    other = make_agent("other")
    Ticket.objects.filter(pk=four_tickets[2].pk).update(assignee=other.user)
    # the urgent and high tickets are Chinese, the high English one belongs to someone else
    assert bob.post("/tickets/next/")["Location"] == f"/tickets/{four_tickets[0].number}/"
    Ticket.objects.filter(pk=four_tickets[0].pk).update(status="solved")
    assert bob.post("/tickets/next/")["Location"] == "/tickets/?empty=1"


def test_next_ticket_needs_post(make_agent, four_tickets):
    assert make_agent("ann").get("/tickets/next/").status_code == 405
