"""The console's fast paths give the same answers as the plain queries they replace, on a seeded desk."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from bridgedesk.bench.console_seed import seed_console
from bridgedesk.desk.console.queries import FILTERS, count_views, order_for_work
from bridgedesk.desk.models import Ticket
from bridgedesk.web.auth.access import visible_tickets
from bridgedesk.web.console.views import next_ticket_for

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
RANK = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


@pytest.fixture
def seeded():
    seed_console(400, 1200, now=NOW)
    return get_user_model().objects.get(username="agent")


def _work_key(ticket: Ticket) -> tuple[object, ...]:
    """The documented order: priority, then the nearest SLA due time with nothing due last, then oldest."""
    return (RANK[ticket.priority], ticket.sla_due is None, ticket.sla_due or NOW, ticket.created_at, ticket.id)


@pytest.mark.parametrize("where", [{}, {"status__in": Ticket.OPEN_STATUSES}, {"language": "zh"}, {"status": "closed"},
                                   {"queue": "funding", "status__in": Ticket.OPEN_STATUSES}])
@pytest.mark.parametrize("limit", [1, 30, 500])
def test_work_order_equals_a_full_sort(seeded, where, limit):
    tickets = visible_tickets(seeded).filter(**where)
    expected = sorted(tickets, key=_work_key)[:limit]
    assert [t.pk for t in order_for_work(tickets, limit)] == [t.pk for t in expected]


def test_next_ticket_is_the_first_unassigned_or_own_ticket_in_work_order(seeded):
    candidates = visible_tickets(seeded).filter(status__in=("new", "open"), language__in=("en", "zh"))
    expected = min((t for t in candidates if t.assignee_id in (None, seeded.pk)), key=_work_key)
    assert next_ticket_for(seeded) == expected


def test_view_counts_equal_one_group_by_per_field(seeded):
    tickets = visible_tickets(seeded)
    assert count_views(tickets) == {
        name: list(tickets.values(name).annotate(n=Count("id")).order_by(name)) for name in FILTERS}


def test_seeded_console_pages_render_for_an_agent(seeded, client):
    client.force_login(seeded)
    listing = client.get("/tickets/?open=1&sort=sla")
    assert listing.status_code == 200
    number = Ticket.objects.exclude(queue="security").filter(language="zh").values_list("number", flat=True).first()
    page = client.get(f"/tickets/{number}/")
    assert page.status_code == 200 and number in page.content.decode()


def test_queue_page_cuts_long_subjects_and_shows_creation_time(seeded, client):
    ticket = Ticket.objects.exclude(queue="security").order_by("-created_at", "-id").first()
    Ticket.objects.filter(pk=ticket.pk).update(subject="充值" * 60)
    client.force_login(seeded)
    html = client.get("/tickets/").content.decode()
    assert "充值" * 44 + "充…" in html and "充值" * 45 not in html
    assert timezone.localtime(ticket.created_at).strftime("%Y-%m-%d %H:%M") in html
