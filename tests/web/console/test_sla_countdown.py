"""SLA on the console: countdowns from the ticket's deadlines and a breached marker in both languages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from bridgedesk.desk.actions import tickets as ticket_actions
from bridgedesk.desk.models import Ticket
from bridgedesk.desk.sla.deadlines import scan_breaches
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)


def test_breached_ticket_shows_the_marker_on_the_list_and_the_page(make_agent, desk_config):
    agent = make_agent("ann")
    late, fine = make_tickets(mail("Deposit not credited · 充值没到账", "My USDT deposit has not arrived."),
                              mail("API error 50111", "The API answers 50111.", sender="bob@example.com"))
    Ticket.objects.filter(pk=late.pk).update(first_response_due=timezone.now() - timedelta(hours=2),
                                             sla_due=timezone.now() - timedelta(hours=2))
    scan_breaches()
    listing = agent.get("/tickets/").content.decode()
    late_row = next(row for row in listing.split("<tr") if late.number in row)
    fine_row = next(row for row in listing.split("<tr") if fine.number in row)
    assert "breached · 已超时" in late_row and "overdue 2h" in late_row
    assert "breached · 已超时" not in fine_row and "left · 剩余" in fine_row
    page = agent.get(f"/tickets/{late.number}/").content.decode()
    assert "breached · 已超时: first response · 首次回复" in page


def test_ticket_page_counts_down_to_the_next_response(make_agent, desk_config):
    agent = make_agent("ann")
    [ticket] = make_tickets(mail("Withdrawal stuck · 提现卡住", "My BTC withdrawal is pending."))
    ticket_actions.reply(ticket, text="Checking now. 正在核查。", author=agent.user)
    make_tickets(mail(f"Re: [{ticket.number}] {ticket.subject}", "Any news? 有进展吗？"))
    page = agent.get(f"/tickets/{ticket.number}/").content.decode()
    assert "next response · 下次回复 <span class=\"sla\">23h 59m left" in page or "next response · 下次回复 <span class=\"sla\">1d 0h left" in page
    assert "first response · 首次回复 <span" not in page, "the first response was given"
