"""Planner statistics: gathered on a large SQLite desk, at most hourly; never on a small one."""

from __future__ import annotations

import pytest
from django.db import connection

from bridgedesk.desk.db import planner
from bridgedesk.desk.models import Customer, Ticket

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL analyzes by itself")]


def stat_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'desk_ticket'")
        return cursor.fetchone()[0]


@pytest.fixture(autouse=True)
def forget_statistics():
    """Statistics from a one-ticket table must not steer the plans of the tests after this one."""
    yield
    with connection.cursor() as cursor:
        if stat_rows():
            cursor.execute("DELETE FROM sqlite_stat1")
            cursor.execute("ANALYZE sqlite_master")   # reloads (now empty) statistics


def test_small_desk_is_left_alone_and_a_large_one_analyzed_once_an_hour(monkeypatch):
    customer = Customer.objects.create(email="wang.fang@example.cn")
    Ticket.objects.create(requester=customer, subject="提现一直在审核中")
    monkeypatch.setattr(planner, "_last_run", {"at": float("-inf")})
    assert planner.refresh_planner_statistics(now=0.0) is False and stat_rows() == 0

    monkeypatch.setattr(planner, "LARGE_DESK_TICKETS", 1)
    assert planner.refresh_planner_statistics(now=60.0) is False, "not again within the hour"
    assert planner.refresh_planner_statistics(now=3700.0) is True
    assert stat_rows() > 0
