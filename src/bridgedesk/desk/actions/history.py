"""Closing imported history: old conversations brought in by ``bridgedesk import --close-before``.

An operator moving a mailbox's years of mail onto the desk wants the history searchable and
threaded, but not hundreds of long-settled conversations in the agents' queues. Each ticket
closed here gets a ``status_set`` event with the reason, like a person's status change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from bridgedesk.desk.models import Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import ClosedAsHistoryPayload, new_event

CHUNK = 500   # ids per IN (...): under the 999 parameters old SQLite builds allow


def close_quiet_tickets(inbound_ids: Sequence[int], *, before: datetime, reason: str) -> int:
    """Close the open tickets that these inbound rows went to and that nobody has written on since ``before``.

    "Written on" counts every message but our automatic ones (an acknowledgement queued by
    the same import is not activity), so a live ticket an old mail threaded into stays open.
    Returns how many were closed.
    """
    ticket_ids: set[int] = set()
    for start in range(0, len(inbound_ids), CHUNK):
        chunk = list(inbound_ids[start:start + CHUNK])
        ticket_ids.update(Message.objects.filter(inbound_id__in=chunk).values_list("ticket_id", flat=True))
    closed = 0
    ordered = sorted(ticket_ids)
    for start in range(0, len(ordered), CHUNK):
        closed += _close_chunk(ordered[start:start + CHUNK], before, reason)
    return closed


def _close_chunk(ticket_ids: list[int], before: datetime, reason: str) -> int:
    quiet = (Ticket.objects.filter(pk__in=ticket_ids, status__in=Ticket.OPEN_STATUSES)
             .annotate(last_written=Max("messages__created_at", filter=Q(messages__is_auto=False)))
             .filter(last_written__lt=before).values_list("pk", "status", "last_written"))
    now = timezone.now()
    with transaction.atomic():
        rows = list(quiet)
        TicketEvent.objects.bulk_create([
            new_event(pk, ClosedAsHistoryPayload(before=status, reason=reason, last_written=last), created_at=now)
            for pk, status, last in rows
        ])
        Ticket.objects.filter(pk__in=[pk for pk, _, _ in rows], status__in=Ticket.OPEN_STATUSES).update(status=Ticket.Status.CLOSED, sla_due=None, updated_at=now)
    return len(rows)
