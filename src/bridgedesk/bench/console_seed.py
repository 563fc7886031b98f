"""A large, realistic console data set (customers, tickets, messages, events) written in bulk.

Why not the pipeline: a million messages through parse, guard and triage would take hours;
the console and search benchmarks need the *shape* of a busy desk — a year of tickets across
queues, statuses, priorities and languages (English, Chinese and a few others), threads of
customer mail, agent replies and notes, the demo agents as assignees, SLA due times — and
need it in minutes. Rows go in with ``executemany`` in one transaction, with explicit ids
after the current maximum, so a seed can sit beside real data. The same seed and ``now``
always give the same rows.
"""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from bridgedesk.bench import corpus
from bridgedesk.bench.console_text import TextPools
from bridgedesk.desk.db.bulk import concrete_column
from bridgedesk.desk.models import Customer, Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import AssignedPayload, EventKind, StatusSetPayload
from bridgedesk.desk.runtime import get_config
from bridgedesk.desk.setup.demo import create_demo_accounts
from bridgedesk.triage.routing import route
from bridgedesk.triage.vocabulary import CATEGORIES, PRIORITY_ORDER

LANGUAGES = ("en", "zh", "ja", "ko", "ru", "es", "vi", "tr")
LANGUAGE_WEIGHTS = (52, 40, 2, 2, 1, 1, 1, 1)
PRIORITY_WEIGHTS = (4, 16, 65, 15)                        # in PRIORITY_ORDER (urgent first)
CATEGORY_WEIGHTS = (10, 12, 22, 18, 10, 7, 8, 5, 3, 5)    # in CATEGORIES order
RECENT_STATUSES = ((Ticket.Status.NEW, Ticket.Status.OPEN, Ticket.Status.PENDING, Ticket.Status.ON_HOLD, Ticket.Status.SOLVED),
                   (30, 30, 15, 5, 20))
OLD_STATUSES = ((Ticket.Status.CLOSED, Ticket.Status.SOLVED, Ticket.Status.PENDING, Ticket.Status.ON_HOLD), (78, 19, 2, 1))
SPAN = timedelta(days=365)
CHUNK = 5000
HEAVY_SHARE = 0.02        # tickets with long threads
HEAVY_PULL = 0.1          # share of extra messages that go to them


@dataclass
class PlannedTicket:
    """What message and event generation need to know about a ticket already written."""

    pk: int
    number: str
    subject: str
    customer: tuple[int, str, str]          # id, email, name
    language: str
    category: str
    status: str
    assignee: int | None
    created: datetime
    messages: int = 1
    extra: dict[str, object] = field(default_factory=dict)


Row = dict[str, Any]   # one row to write: field attname -> SQL parameter


class RowWriter:
    """INSERTs for one model in chunks; columns not given take the model field's default (ids are always given)."""

    def __init__(self, model: type[models.Model]) -> None:
        fields = [f for f in model._meta.concrete_fields if not getattr(f, "generated", False)]
        self.attnames = [f.attname for f in fields]
        self.defaults = {f.attname: f.get_db_prep_save(f.get_default(), connection) for f in fields}
        quote = connection.ops.quote_name
        self.sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(concrete_column(f)) for f in fields)}) "
                    f"VALUES ({', '.join(['%s'] * len(fields))})")
        self.fields = {f.attname: f for f in fields}
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0

    def add(self, values: Row) -> None:
        defaults = self.defaults
        self.rows.append(tuple(values[name] if name in values else defaults[name] for name in self.attnames))
        if len(self.rows) >= CHUNK:
            self.flush()

    def json(self, attname: str, value: object) -> object:
        return self.fields[attname].get_db_prep_save(value, connection)

    def flush(self) -> None:
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.written += len(self.rows)
            self.rows = []


def seed_console(tickets: int, messages: int, seed: int = 7, *, now: datetime | None = None) -> dict:
    """Write ``tickets`` tickets holding ``messages`` messages in all; returns counts and seconds taken."""
    if tickets < 1 or messages < tickets:
        raise ValueError(f"need at least 1 ticket and one message per ticket (got {tickets} tickets, {messages} messages)")
    started = time.perf_counter()
    rng = random.Random(seed)
    now = (now or timezone.now()).replace(microsecond=0)
    create_demo_accounts()
    agents = list(get_user_model().objects.filter(is_staff=True).order_by("id").values_list("id", flat=True))
    pools = TextPools(rng, now, size=max(4, min(400, messages // 50)))
    with transaction.atomic():
        customers = write_customers(rng, max(1, tickets // 3), now)
        planned = write_tickets(rng, tickets, customers, agents, pools, now)
        spread_messages(rng, planned, messages - tickets)
        written = write_messages(rng, planned, pools, agents, now)
        events = write_events(planned, agents)
        reset_sequences()
    analyze()
    return {"customers": len(customers), "tickets": len(planned), "messages": written, "events": events,
            "seconds": round(time.perf_counter() - started, 1)}


def next_id(model: type[models.Model]) -> int:
    return (model._default_manager.aggregate(top=Max("id"))["top"] or 0) + 1


def write_customers(rng: random.Random, count: int, now: datetime) -> list[tuple[int, str, str, str]]:
    writer, first = RowWriter(Customer), next_id(Customer)
    customers = []
    for pk in range(first, first + count):
        language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
        name, email = corpus._person(rng, "zh" if language == "zh" else "en")
        local, domain = email.split("@")
        email = f"{local}.{pk}@{domain}"          # unique however many customers a seed writes
        writer.add({"id": pk, "email": email, "name": name, "language": language,
                    "created_at": stamp(now - SPAN - timedelta(days=30))})
        customers.append((pk, email, name, language))
    writer.flush()
    return customers


def write_tickets(rng: random.Random, count: int, customers: list[tuple[int, str, str, str]], agents: list[int],
                  pools: TextPools, now: datetime) -> list[PlannedTicket]:
    writer, first = RowWriter(Ticket), next_id(Ticket)
    prefix = get_config().brand.ticket_prefix
    has_sla_due = "sla_due" in writer.attnames
    planned = []
    for offset, pk in enumerate(range(first, first + count)):
        created = now - SPAN * (1 - offset / count) - timedelta(minutes=rng.randint(0, 50))
        plan = plan_ticket(rng, pk, f"{prefix}-{100000 + pk}", created, rng.choice(customers), agents, pools, now)
        row = ticket_row(writer, rng, plan)
        if has_sla_due:
            row["sla_due"] = row["first_response_due"] if plan.status == Ticket.Status.NEW else (
                row["resolution_due"] if plan.status in Ticket.OPEN_STATUSES else None)
        writer.add(row)
        planned.append(plan)
    writer.flush()
    return planned


def plan_ticket(rng: random.Random, pk: int, number: str, created: datetime, customer: tuple[int, str, str, str],
                agents: list[int], pools: TextPools, now: datetime) -> PlannedTicket:
    language = customer[3] if rng.random() < 0.9 else rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
    statuses, weights = RECENT_STATUSES if now - created < timedelta(days=10) else OLD_STATUSES
    status = rng.choices(statuses, weights)[0]
    assignee = None if status == Ticket.Status.NEW or rng.random() < 0.1 else rng.choice(agents)
    return PlannedTicket(pk, number, pools.subject(category, language), customer[:3], language, category, status,
                         assignee, created)


def ticket_row(writer: RowWriter, rng: random.Random, plan: PlannedTicket) -> Row:
    priority = rng.choices(PRIORITY_ORDER, PRIORITY_WEIGHTS)[0]
    needs_triage = rng.random() < 0.04
    queue = route(plan.category, plan.language, priority, needs_triage=needs_triage)
    responded = None if plan.status == Ticket.Status.NEW else plan.created + timedelta(minutes=rng.randint(5, 1200))
    plan.extra = {"priority": priority, "queue": queue, "needs_triage": needs_triage}
    return {
        "id": plan.pk, "number": plan.number, "subject": plan.subject, "requester_id": plan.customer[0],
        "status": plan.status, "category": plan.category, "category_confidence": round(rng.uniform(0.2, 0.99), 3),
        "priority": priority, "language": plan.language, "queue": queue, "assignee_id": plan.assignee,
        "flags": writer.json("flags", ["sender_mismatch"] if rng.random() < 0.01 else []),
        "created_at": stamp(plan.created), "updated_at": stamp(responded or plan.created),
        "first_response_due": stamp(plan.created + timedelta(hours=24)),
        "resolution_due": stamp(plan.created + timedelta(hours=48)), "first_responded_at": stamp(responded),
    }


def spread_messages(rng: random.Random, planned: list[PlannedTicket], extra: int) -> None:
    """Every ticket has its first message; the rest go out at random, a few tickets getting long threads."""
    heavy = planned[:: max(1, int(1 / HEAVY_SHARE))]
    for _ in range(extra):
        target = heavy[rng.randrange(len(heavy))] if rng.random() < HEAVY_PULL else planned[rng.randrange(len(planned))]
        target.messages += 1


def write_messages(rng: random.Random, planned: list[PlannedTicket], pools: TextPools, agents: list[int], now: datetime) -> int:
    writer, pk = RowWriter(Message), next_id(Message)
    support = get_config().brand.support_address
    empty = writer.json("entities", [])
    for plan in planned:
        when = plan.created
        for index in range(plan.messages):
            kind = "in" if index == 0 or plan.status == Ticket.Status.NEW else rng.choice(("in", "out", "out", "note"))
            row = message_row(rng, plan, kind, index, pools, agents, support)
            row.update(id=pk, ticket_id=plan.pk, created_at=stamp(min(when, now)),
                       message_id=f"seed-{pk}@{row['sender'].split('@')[-1] or 'kestrel.exchange'}",
                       entities=empty, secrets=empty, flags=empty)
            writer.add(row)
            pk += 1
            when += timedelta(minutes=rng.randint(3, 600))
    writer.flush()
    return writer.written


def message_row(rng: random.Random, plan: PlannedTicket, kind: str, index: int, pools: TextPools, agents: list[int],
                support: str) -> Row:
    if kind == "in":
        body = pools.first_body(plan.category, plan.language) if index == 0 else pools.follow_up(plan.language)
        subject = plan.subject if index == 0 else f"Re: [{plan.number}] {plan.subject}"
        return {"direction": "in", "sender": plan.customer[1], "sender_name": plan.customer[2], "subject": subject,
                "text": body, "visible_text": body}
    author = plan.assignee or rng.choice(agents)
    if kind == "note":
        note = pools.note()
        return {"direction": "note", "sender": "", "author_id": author, "text": note, "visible_text": note}
    reply = pools.reply(plan.language)
    return {"direction": "out", "sender": support, "sender_name": "Kestrel Support", "author_id": author,
            "subject": f"Re: [{plan.number}] {plan.subject}", "text": reply, "visible_text": reply}


def write_events(planned: list[PlannedTicket], agents: list[int]) -> int:
    """A triage event per ticket, as the pipeline writes (its data in a short form: see ``TriagePayload``);
    an assignment and a status change where they happened."""
    writer, pks = RowWriter(TicketEvent), itertools.count(next_id(TicketEvent))
    names = dict(get_user_model().objects.filter(id__in=agents).values_list("id", "username"))
    for plan in planned:
        writer.add({"id": next(pks), "ticket_id": plan.pk, "kind": EventKind.TRIAGE, "created_at": stamp(plan.created), "data": writer.json("data", {
            "language": plan.language, "category": plan.category, "priority": plan.extra["priority"],
            "queue": plan.extra["queue"], "needs_triage": plan.extra["needs_triage"]})})
        if plan.assignee:
            writer.add({"id": next(pks), "ticket_id": plan.pk, "kind": EventKind.ASSIGNED, "actor_id": plan.assignee, "created_at": stamp(plan.created),
                        "data": writer.json("data", AssignedPayload(names.get(plan.assignee)).to_json())})
        if plan.status in (Ticket.Status.SOLVED, Ticket.Status.CLOSED):
            writer.add({"id": next(pks), "ticket_id": plan.pk, "kind": EventKind.STATUS_SET, "actor_id": plan.assignee,
                        "created_at": stamp(plan.created + timedelta(days=2)),
                        "data": writer.json("data", StatusSetPayload(before=Ticket.Status.OPEN, status=plan.status).to_json())})
    writer.flush()
    return writer.written


def stamp(value: datetime | None) -> object:
    """A datetime as the database stores it; SQLite's text form built directly (Django's adapter costs seconds here)."""
    if value is None or connection.vendor != "sqlite":
        return connection.ops.adapt_datetimefield_value(value)
    return str(value.astimezone(UTC).replace(tzinfo=None))


def reset_sequences() -> None:
    """After explicit ids, PostgreSQL's sequences must move past them (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Customer, Ticket, Message, TicketEvent])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze() -> None:
    """Fresh planner statistics, as a database that grew to this size over time would have."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
