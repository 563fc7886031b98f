"""The console data set: its shape, its determinism, `bridgedesk seed` and `bench console` from the command line."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import pytest
from django.db.models import Count

from bridgedesk.bench.console_seed import seed_console
from bridgedesk.desk.models import Customer, Message, Ticket, TicketEvent
from tests.conftest import run_cli

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The demo accounts are created with real hashing otherwise (about a second each)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _snapshot() -> list[tuple[object, ...]]:
    tickets = list(Ticket.objects.order_by("id").values_list(
        "number", "subject", "status", "priority", "language", "queue", "assignee__username", "created_at", "sla_due"))
    messages = list(Message.objects.order_by("id").values_list("ticket__number", "direction", "sender", "text", "created_at"))
    return tickets + messages


@pytest.mark.django_db
def test_seed_writes_tickets_messages_and_events_shaped_like_a_busy_desk():
    result = seed_console(120, 900, now=NOW)

    assert (result["tickets"], result["messages"]) == (120, 900)
    assert Ticket.objects.count() == 120 and Message.objects.count() == 900
    assert Customer.objects.count() == result["customers"] == 40
    assert TicketEvent.objects.filter(kind="triage").count() == 120
    per_ticket = dict(Message.objects.values_list("ticket_id").annotate(n=Count("id")))
    assert len(per_ticket) == 120 and min(per_ticket.values()) >= 1 and max(per_ticket.values()) > 15   # long threads too
    languages = set(Ticket.objects.values_list("language", flat=True))
    assert {"en", "zh"} <= languages and languages - {"en", "zh"}, languages
    assert len(set(Ticket.objects.values_list("status", flat=True))) >= 4
    assert set(Message.objects.values_list("direction", flat=True)) == {"in", "out", "note"}
    assert Message.objects.filter(text__contains="充值").exists() and Message.objects.filter(text__contains="deposit").exists()
    assignees = set(Ticket.objects.exclude(assignee=None).values_list("assignee__username", flat=True))
    assert assignees and assignees <= {"admin", "agent", "agent.zh", "security"}
    first = Ticket.objects.order_by("id").first()
    assert first.number == f"KX-{100000 + first.pk}"
    assert not Ticket.objects.filter(status__in=("solved", "closed"), sla_due__isnull=False).exists()
    assert not Ticket.objects.filter(status="new", sla_due__isnull=True).exists()
    assert not Message.objects.filter(created_at__gt=NOW).exists()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data_and_another_seed_does_not():
    seed_console(40, 200, seed=3, now=NOW)
    first = _snapshot()
    Message.objects.all().delete()
    TicketEvent.objects.all().delete()
    Ticket.objects.all().delete()
    Customer.objects.all().delete()
    seed_console(40, 200, seed=3, now=NOW)
    assert _snapshot() == first
    Message.objects.all().delete()
    TicketEvent.objects.all().delete()
    Ticket.objects.all().delete()
    Customer.objects.all().delete()
    seed_console(40, 200, seed=4, now=NOW)
    assert _snapshot() != first


@pytest.mark.django_db
def test_seed_refuses_impossible_sizes():
    with pytest.raises(ValueError, match="one message per ticket"):
        seed_console(10, 5)


def test_seed_command_fills_an_empty_desk_and_refuses_one_with_tickets_unless_forced(cli_env):
    first = run_cli("seed", "--tickets", "30", "--messages", "90", env=cli_env)
    assert first.returncode == 0, first.stderr
    assert "seeded 30 tickets, 90 messages" in first.stdout and "agent / agent-demo" in first.stdout

    again = run_cli("seed", "--tickets", "30", "--messages", "90", env=cli_env)
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "already has 30 tickets" in again.stderr and "--force" in again.stderr

    forced = run_cli("seed", "--tickets", "10", "--messages", "20", "--force", env=cli_env)
    assert forced.returncode == 0, forced.stderr
    listed = run_cli("tickets", "--json", env=cli_env)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 40 and len({row["number"] for row in rows}) == 40

    bad = run_cli("seed", "--tickets", "10", "--messages", "3", env=cli_env)
    assert bad.returncode == 2 and "--messages at least --tickets" in bad.stderr


def test_bench_console_prints_timings_per_view_as_its_last_line(data_dir_with_model):
    environment = {k: v for k, v in os.environ.items() if k not in ("BRIDGEDESK_CONFIG", "BRIDGEDESK_DATABASE_URL")}
    done = run_cli("bench", "console", "--tickets", "60", "--messages", "300", "--requests", "3", env=environment)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert (result["tickets"], result["messages"], result["requests"]) == (60, 300, 3)
    assert set(result["views"]) == {"queue", "queue_admin", "queue_by_queue", "queue_by_status", "queue_by_priority",
                                    "queue_by_language", "mine", "sla_sorted", "next_ticket", "ticket_page"}
    for figures in result["views"].values():
        assert 0 < figures["p50"] <= figures["p95"] <= figures["max"]
