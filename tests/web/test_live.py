"""SLA countdown on tickets and the ticket page's live-update poll."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from bridgedesk.desk.models import Ticket
from bridgedesk.web.templatetags.desk_extras import countdown
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)


def test_countdown_reads_left_and_overdue_in_both_languages():
    now = timezone.now()
    assert countdown(now + timedelta(hours=3, minutes=20, seconds=30)) == "3h 20m left · 剩余 3h 20m"
    assert countdown(now - timedelta(hours=1, minutes=5, seconds=10)) == "overdue 1h 05m · 已超时 1h 05m"
    assert countdown(now + timedelta(days=2, hours=1, minutes=1)).startswith("2d 1h left")
    assert countdown(None) == ""


def test_ticket_page_shows_the_countdown_and_loads_only_the_static_script(make_agent, desk_config):
    [ticket] = make_tickets(mail("Deposit", "Deposit missing."))
    Ticket.objects.filter(pk=ticket.pk).update(first_response_due=timezone.now() - timedelta(hours=2, minutes=1))
    html = make_agent("ann").get(f"/tickets/{ticket.number}/").content.decode()
    assert "overdue 2h 0" in html and "已超时" in html
    assert html.count("<script") == 1 and '<script src="/static/bridgedesk/desk.js" defer></script>' in html


def test_state_changes_when_the_customer_replies(make_agent, desk_config):
    [ticket] = make_tickets(mail("Deposit", "Deposit missing.", sender="li@example.com"))
    agent = make_agent("ann")
    before = agent.get(f"/tickets/{ticket.number}/state.json").json()
    page = agent.get(f"/tickets/{ticket.number}/").content.decode()
    assert f'data-version="{before["version"]}"' in page
    out = ticket.messages.filter(direction="out").first()
    reply_headers = {"In-Reply-To": f"<{out.message_id}>"} if out and out.message_id else {}
    from tests.desk.helpers import build_mail, drain, receive
    receive(build_mail(sender="li@example.com", subject=f"Re: [{ticket.number}] Deposit", body="Still missing, 还没到账", headers=reply_headers))
    drain()
    after = agent.get(f"/tickets/{ticket.number}/state.json").json()
    assert after["version"] != before["version"] and after["last_customer_message_at"]


def test_script_is_served_as_javascript(client):
    response = client.get("/static/bridgedesk/desk.js")
    assert response.status_code == 200
    assert "javascript" in response["Content-Type"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"live-state" in body
