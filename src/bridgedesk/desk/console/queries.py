"""The console's reads, over tickets the caller already scoped to what the agent may see.

Each function is one screen's question, written so the database answers it from an index at
100,000 tickets and 1,000,000 messages (``bridgedesk bench console``); the views only render.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from bridgedesk.desk.models import Message, Ticket, TicketEvent
from bridgedesk.triage.vocabulary import PRIORITY_ORDER

if TYPE_CHECKING:
    from django.contrib.auth.models import User

FILTERS = ("queue", "status", "priority", "language")
TimelineEntry = tuple[str, datetime, Message | TicketEvent]


def filter_tickets(tickets: QuerySet[Ticket], params: dict[str, str], user: User) -> QuerySet[Ticket]:
    """The queue page's filters (one value per column of FILTERS, "mine", "open") over visible tickets."""
    for name in FILTERS:
        if params.get(name):
            tickets = tickets.filter(**{name: params[name]})
    if params.get("mine"):
        tickets = tickets.filter(assignee=user)
    if params.get("open"):
        tickets = tickets.filter(status__in=Ticket.OPEN_STATUSES)
    return tickets


def count_views(tickets: QuerySet[Ticket]) -> dict[str, object]:
    """Counts per queue, status, priority and language over what this user may see.

    One GROUP BY over all four, summed here: the database answers it in one pass over the
    (queue, status, priority, language) index, where four GROUP BYs cost four scans and sorts.
    """
    totals: dict[str, Counter[str]] = {name: Counter() for name in FILTERS}
    for row in tickets.values(*FILTERS).annotate(n=Count("id")).order_by():
        for name in FILTERS:
            totals[name][row[name]] += row["n"]
    return {name: [{name: value, "n": n} for value, n in sorted(totals[name].items())] for name in FILTERS}


def order_for_work(tickets: QuerySet[Ticket], limit: int) -> list[Ticket]:
    """The first ``limit`` tickets most urgent first, then nearest SLA due time (nothing due last), then oldest.

    Asked as up to eight small queries — per priority, the tickets with a due time, then those
    without — each answered from the (priority, sla_due, status, created_at) index and stopped
    at what is still missing. One ORDER BY over a priority CASE made the database sort every
    ticket (190 ms at 100,000 tickets). Tickets without a due time are closed or waiting, so
    their part is only read when the open ones do not fill the page.
    """
    found: list[Ticket] = []
    for part, order in work_parts():
        if len(found) >= limit:
            break
        found += tickets.filter(part).order_by(*order)[: limit - len(found)]
    return found


def work_parts() -> list[tuple[Q, tuple[str, ...]]]:
    return [(Q(priority=priority) & due, order) for priority in PRIORITY_ORDER for due, order in (
        (Q(sla_due__isnull=False), ("sla_due", "created_at", "id")), (Q(sla_due__isnull=True), ("created_at", "id")))]


def attach_message_counts(tickets: list[Ticket]) -> list[Ticket]:
    """Message counts for one page of tickets only (a join over every ticket costs seconds at 1M messages)."""
    counts = dict(Message.objects.filter(ticket_id__in=[t.pk for t in tickets]).values_list("ticket_id").annotate(n=Count("id")))
    for ticket in tickets:
        ticket.message_count = counts.get(ticket.pk, 0)   # type: ignore[attr-defined]  # template-only attribute
    return tickets


def build_timeline(ticket: Ticket) -> list[TimelineEntry]:
    timeline: list[TimelineEntry] = [
        ("message", m.created_at, m) for m in ticket.messages.prefetch_related("attachments").select_related("author")]
    timeline += [("event", e.created_at, e) for e in ticket.events.select_related("actor")]
    return sorted(timeline, key=lambda item: item[1])


def ticket_version(ticket: Ticket) -> str:
    """Changes whenever a message or event is added: what the page's poller compares."""
    return f"{ticket.messages.count()}-{ticket.events.count()}-{ticket.status}"


def sealed_messages(ticket: Ticket) -> set[int]:
    """The ticket's messages whose raw original is kept sealed (retention on): only those get a link."""
    return set(ticket.messages.filter(inbound__raw_encrypted__isnull=False).values_list("pk", flat=True))
