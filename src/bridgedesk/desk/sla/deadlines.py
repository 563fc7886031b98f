"""Keep a ticket's SLA deadlines in step with what happens to it, and find breaches.

Targets per priority come from ``[sla.policies]``, working time from the calendar of the
ticket's queue (:mod:`bridgedesk.sla`, 24x7 without one):

- a new ticket owes a first response and a resolution, counted from its creation (imported
  history: from the mail's own date; a deadline already past on arrival is recorded as
  breached then, without a breach event or escalation);
- a customer writing again after we answered owes a next response; an agent reply pays it;
- solving or closing meets the resolution target (``sla_due`` becomes NULL);
- a priority or queue change recomputes every running deadline from when it started.

No pause: a ticket waiting on the customer (pending) keeps its resolution clock running,
because the exchange's promise to customers is in elapsed working time, and "pending" is
set by our own reply. ``sla_due`` is the nearest unmet deadline of an open ticket (a
breached one included, so overdue work sorts first).

The breach scan (worker housekeeping) records one ``sla_breach`` event per target per
ticket — per cycle for next response — and moves the ticket to the escalation queue with an
``sla_escalated`` event. It claims a breach by stamping ``<target>_breached_at`` with its own
timestamp where it is still NULL, so two workers scanning at once never record it twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from bridgedesk.config import Config, SlaPolicy
from bridgedesk.desk.models import Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import SlaBreachPayload, SlaEscalatedPayload, new_event
from bridgedesk.desk.runtime import get_config
from bridgedesk.sla import BusinessCalendar, add_business_time
from bridgedesk.triage.vocabulary import QueueSlug

log = logging.getLogger("bridgedesk.sla")
TARGETS = ("first_response", "next_response", "resolution")
SCAN_BATCH = 500   # ids per IN (...): under the 999 parameters old SQLite builds allow
MAX_SCAN_BATCHES = 1000   # 500,000 new breaches per pass at most; the next pass takes the rest


def _clock(ticket: Ticket, config: Config) -> tuple[SlaPolicy, BusinessCalendar | None]:
    return config.sla.policy_for(ticket.priority), config.sla.calendar_for(ticket.queue)


def _due(start: datetime, hours: int, calendar: BusinessCalendar | None) -> datetime:
    return add_business_time(start, timedelta(hours=hours), calendar)


def nearest_due(ticket: Ticket) -> datetime | None:
    """The nearest unmet deadline of an open ticket; None when it is not open or nothing is due."""
    if not ticket.is_open:
        return None
    candidates = [ticket.next_response_due, ticket.resolution_due]
    if ticket.first_responded_at is None:
        candidates.append(ticket.first_response_due)
    dues = [due for due in candidates if due is not None]
    return min(dues) if dues else None


def set_new_ticket_deadlines(ticket: Ticket, config: Config, *, now: datetime) -> None:
    """Fill the deadlines of an unsaved new ticket (it may go into a bulk insert: nothing is saved)."""
    policy, calendar = _clock(ticket, config)
    ticket.first_response_due = _due(now, policy.first_response_hours, calendar)
    ticket.resolution_due = _due(now, policy.resolution_hours, calendar)
    ticket.next_response_due = None
    ticket.sla_due = nearest_due(ticket)


def record_deadlines_already_past(ticket: Ticket, *, now: datetime) -> list[str]:
    """Stamp as breached, now, the deadlines an unsaved new ticket had missed before it reached us.

    Only imported history can be created past a deadline (its clocks start at the mail's own
    date). Its breaches are real and stay visible (``sla_breached``), but they are not news: the
    breach scan must not record them as fresh ``sla_breach`` events nor move a few hundred old
    tickets into the escalation queue, which is for work slipping on this desk. The scan skips
    a target whose ``<target>_breached_at`` is set. Returns the targets stamped.
    """
    past = []
    for target in TARGETS:
        due = getattr(ticket, f"{target}_due")
        if due is not None and due <= now and getattr(ticket, f"{target}_breached_at") is None:
            setattr(ticket, f"{target}_breached_at", now)
            past.append(target)
    return past


# What ``note_customer_reply`` reads from the row: the caller's copy may be a group read,
# older than the last reply.
CUSTOMER_REPLY_FIELDS = ("first_responded_at", "next_response_due", "first_response_due", "resolution_due", "created_at")


def note_customer_reply(ticket: Ticket, *, retriaged: bool = False, config: Config | None = None,
                        fresh: bool = False) -> list[str]:
    """A customer wrote again: once we have answered, a next response is owed. Returns the fields to save.

    ``retriaged``: the same message changed priority or queue (a leaked secret), so recompute.
    ``fresh``: the caller has just read ``CUSTOMER_REPLY_FIELDS`` from the row (one query, not two).
    """
    config = config or get_config()
    if not fresh:
        ticket.refresh_from_db(fields=list(CUSTOMER_REPLY_FIELDS))
    fields = ["sla_due"]
    if retriaged:
        fields += recompute_deadlines(ticket, config=config)
    if ticket.first_responded_at is not None and ticket.next_response_due is None:
        policy, calendar = _clock(ticket, config)
        ticket.next_response_due = _due(timezone.now(), policy.next_response_hours, calendar)
        fields.append("next_response_due")
    ticket.sla_due = nearest_due(ticket)
    return sorted(set(fields))


def note_agent_reply(ticket: Ticket) -> list[str]:
    """An agent answered: the next response is paid and its breach cycle ends. Returns the fields to save.

    The caller sets ``first_responded_at`` (the first response is paid by the same reply).
    """
    ticket.next_response_due = None
    ticket.next_response_breached_at = None
    ticket.sla_due = nearest_due(ticket)
    return ["next_response_due", "next_response_breached_at", "sla_due"]


def recompute_deadlines(ticket: Ticket, *, config: Config | None = None) -> list[str]:
    """Priority or queue changed: recount each running deadline from when it started. Returns the fields to save.

    A breach already recorded stays recorded; a later deadline only changes what is still due.
    """
    config = config or get_config()
    policy, calendar = _clock(ticket, config)
    ticket.first_response_due = _due(ticket.created_at, policy.first_response_hours, calendar)
    ticket.resolution_due = _due(ticket.created_at, policy.resolution_hours, calendar)
    fields = ["first_response_due", "resolution_due", "sla_due"]
    if ticket.next_response_due is not None:
        owed_since = _last_customer_message_at(ticket) or ticket.created_at
        ticket.next_response_due = _due(owed_since, policy.next_response_hours, calendar)
        fields.append("next_response_due")
    ticket.sla_due = nearest_due(ticket)
    return fields


def deadline_changes(ticket: Ticket, *, config: Config | None = None) -> dict[str, object]:
    """``recompute_deadlines`` as field -> new value, for callers that save through a changes mapping."""
    return {name: getattr(ticket, name) for name in recompute_deadlines(ticket, config=config)}


def _last_customer_message_at(ticket: Ticket) -> datetime | None:
    return (Message.objects.filter(ticket=ticket, direction=Message.Direction.IN)
            .order_by("-created_at", "-id").values_list("created_at", flat=True).first())


def promised_first_response_hours(priority: str, config: Config) -> int:
    """The hours the acknowledgement promises: the first-response target of the ticket's priority."""
    return config.sla.policy_for(priority).first_response_hours


@dataclass(frozen=True)
class ScanResult:
    breaches: int
    escalated: int
    cleared: int
    repaired: int = 0


def scan_breaches(*, now: datetime | None = None, config: Config | None = None) -> ScanResult:
    """Record new breaches, escalate their tickets, and clear ``sla_due`` on tickets no longer open."""
    now = now or timezone.now()
    config = config or get_config()
    cleared = Ticket.objects.filter(sla_due__isnull=False).exclude(status__in=Ticket.OPEN_STATUSES).update(sla_due=None)
    repaired = _repair_reopened()
    breaches = escalated = 0
    after: tuple[datetime, int] | None = None
    for _ in range(MAX_SCAN_BATCHES):
        candidates = _breach_candidates(now, after)
        if not candidates:
            break
        found, moved = _record_batch(candidates, now, config.sla.escalation_queue)
        breaches, escalated = breaches + found, escalated + moved
        if len(candidates) < SCAN_BATCH:
            break
        after = (candidates[-1]["sla_due"], candidates[-1]["id"])
    if breaches:
        log.info("sla: %d breach(es) recorded, %d ticket(s) escalated", breaches, escalated)
    return ScanResult(breaches=breaches, escalated=escalated, cleared=cleared, repaired=repaired)


def _repair_reopened() -> int:
    """Open tickets with deadlines but no ``sla_due`` (reopened by a status change that did not
    recompute it) get it back, so they sort by SLA and the scan sees their breaches."""
    stale = list(Ticket.objects.filter(status__in=Ticket.OPEN_STATUSES, sla_due__isnull=True)
                 .filter(Q(resolution_due__isnull=False) | Q(next_response_due__isnull=False)
                         | Q(first_response_due__isnull=False, first_responded_at__isnull=True))
                 .only("id", "status", "first_response_due", "first_responded_at", "next_response_due", "resolution_due")
                 [:SCAN_BATCH])
    for ticket in stale:
        ticket.sla_due = nearest_due(ticket)
    Ticket.objects.bulk_update(stale, ["sla_due"])
    return len(stale)


def _unrecorded_breach(now: datetime) -> Q:
    return (Q(first_response_due__lte=now, first_responded_at__isnull=True, first_response_breached_at__isnull=True)
            | Q(next_response_due__lte=now, next_response_breached_at__isnull=True)
            | Q(resolution_due__lte=now, resolution_breached_at__isnull=True))


# One ``values()`` row of a breach candidate: id, priority, sla_due and each target's
# ``*_due`` / ``*_breached_at`` (read by target name, so a Mapping rather than a TypedDict).
BreachRow = Mapping[str, Any]


def _breach_candidates(now: datetime, after: tuple[datetime, int] | None) -> list[BreachRow]:
    """Open tickets with a deadline passed and not yet recorded, in (sla_due, id) order after ``after``.

    ``sla_due`` narrows the search first; the keyset ``after`` makes a pass read each row once.
    """
    tickets = Ticket.objects.filter(status__in=Ticket.OPEN_STATUSES, sla_due__lte=now).filter(_unrecorded_breach(now))
    if after is not None:
        tickets = tickets.filter(Q(sla_due__gt=after[0]) | Q(sla_due=after[0], id__gt=after[1]))
    return list(tickets.values("id", "priority", "sla_due", "first_response_due", "first_responded_at", "first_response_breached_at",
                        "next_response_due", "next_response_breached_at", "resolution_due", "resolution_breached_at")
                .order_by("sla_due", "id")[:SCAN_BATCH])


def _targets_breached(row: BreachRow, now: datetime) -> list[str]:
    targets = []
    for target in TARGETS:
        due = row[f"{target}_due"]
        answered = target == "first_response" and row["first_responded_at"] is not None
        if due is not None and due <= now and not answered and row[f"{target}_breached_at"] is None:
            targets.append(target)
    return targets


def _record_batch(candidates: list[BreachRow], now: datetime, escalation_queue: str) -> tuple[int, int]:
    """Claim, record and escalate one batch in one transaction; returns (breaches, escalated tickets)."""
    by_target: dict[str, list[int]] = defaultdict(list)
    rows = {row["id"]: row for row in candidates}
    for row in candidates:
        for target in _targets_breached(row, now):
            by_target[target].append(row["id"])
    with transaction.atomic():
        claimed = {target: _claim(target, ids, now) for target, ids in by_target.items()}
        events = [new_event(pk, SlaBreachPayload(target=target, due=rows[pk][f"{target}_due"], priority=rows[pk]["priority"]),
                            created_at=now)
                  for target, ids in claimed.items() for pk in ids]
        TicketEvent.objects.bulk_create(events)
        escalated = _escalate({pk for ids in claimed.values() for pk in ids}, claimed, now, escalation_queue)
    return len(events), escalated


def _claim(target: str, ids: list[int], now: datetime) -> list[int]:
    """Stamp the breach where no one has yet; the rows carrying our exact stamp are ours to record."""
    field = f"{target}_breached_at"
    Ticket.objects.filter(pk__in=ids, **{f"{field}__isnull": True}).update(**{field: now})
    return list(Ticket.objects.filter(pk__in=ids, **{field: now}).values_list("id", flat=True))


def _escalate(ticket_ids: set[int], claimed: dict[str, list[int]], now: datetime, escalation_queue: str) -> int:
    """Move newly breached tickets to the escalation queue; the event keeps the queue they left.

    Security tickets stay where they are: only the security role may see that queue, and
    escalating must not show a leaked-secret case to every supervisor. Their breach is recorded.
    """
    leaving: dict[str, list[int]] = defaultdict(list)
    staying = (escalation_queue, QueueSlug.SECURITY)
    for pk, queue in Ticket.objects.filter(pk__in=ticket_ids).exclude(queue__in=staying).values_list("id", "queue"):
        leaving[queue].append(pk)
    targets_of = _targets_by_ticket(claimed)
    events = []
    for queue, ids in leaving.items():
        Ticket.objects.filter(pk__in=ids).update(queue=escalation_queue, updated_at=now)
        events += [new_event(pk, SlaEscalatedPayload(from_queue=queue, to_queue=escalation_queue, targets=tuple(targets_of[pk])),
                             created_at=now) for pk in ids]
    TicketEvent.objects.bulk_create(events)
    return len(events)


def _targets_by_ticket(claimed: Mapping[str, Iterable[int]]) -> dict[int, list[str]]:
    targets: dict[int, list[str]] = defaultdict(list)
    for target, ids in claimed.items():
        for pk in ids:
            targets[pk].append(target)
    return targets
