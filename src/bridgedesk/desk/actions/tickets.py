"""What people do to tickets: the verbs the console and the portal call.

Every change is a small function that records a ``TicketEvent`` on the ticket, so the timeline
tells who did what; category changes are recorded as ``category_set`` because ``bridgedesk
train`` learns from them. Outgoing mail goes through :mod:`bridgedesk.desk.outbox.queue` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from bridgedesk.desk.models import Macro, Message, OutboxMail, Ticket
from bridgedesk.desk.models.events import (
    AssignedPayload,
    CategorySetPayload,
    MergedInPayload,
    MergedIntoPayload,
    PrioritySetPayload,
    QueueSetPayload,
    RedactedSecret,
    SecretRedactedPayload,
    StatusSetPayload,
    record_event,
)
from bridgedesk.desk.outbox.queue import queue_agent_reply
from bridgedesk.desk.runtime import get_config
from bridgedesk.desk.sla.deadlines import deadline_changes
from bridgedesk.guard.outbound.lint import LintProblem, lint_reply
from bridgedesk.guard.secrets.scan import OCR_NOT_NEEDED, guard_text
from bridgedesk.triage.vocabulary import CATEGORIES

if TYPE_CHECKING:
    from django.contrib.auth.models import User

_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


@dataclass(frozen=True)
class ReplyOutcome:
    """Whether a reply left; if not, what blocked it (refusals) or what needs a yes (confirmations)."""

    sent: bool
    refusals: tuple[LintProblem, ...] = ()
    confirmations: tuple[LintProblem, ...] = ()


def _touch(ticket: Ticket, **changes: object) -> None:
    for field, value in changes.items():
        setattr(ticket, field, value)
    ticket.updated_at = timezone.now()
    ticket.save(update_fields=[*changes, "updated_at"])


def reply(ticket: Ticket, *, text: str, author: User | None, confirmed_links: bool = False) -> ReplyOutcome:
    """Send an agent's reply unless it asks for a secret; foreign links need ``confirmed_links``."""
    config = get_config()
    refusals, confirmations = lint_reply(text, official_domains=config.brand.official_domains)
    if refusals:
        return ReplyOutcome(False, tuple(refusals), tuple(confirmations))
    if confirmations and not confirmed_links:
        return ReplyOutcome(False, (), tuple(confirmations))
    queue_agent_reply(ticket, text=text, author=author, config=config)
    return ReplyOutcome(True)


def add_note(ticket: Ticket, *, text: str, author: User | None) -> Message:
    """An internal note: on the agents' timeline, never mailed, never shown in the portal.

    Guarded like mail: an agent pasting what a customer leaked (a recovery phrase read out on
    the phone) must not store it, so it is redacted and the removal recorded on the timeline.
    """
    safe, reports = guard_text(text, "note")
    secrets = [{"type": report.type, "location": report.location} for report in reports]
    with transaction.atomic():
        note = Message.objects.create(ticket=ticket, direction=Message.Direction.NOTE, text=safe, visible_text=safe,
                                      secrets=secrets, author=author, sender=getattr(author, "username", "")[:320])
        if secrets:
            record_event(ticket, SecretRedactedPayload(note.pk, RedactedSecret.all_of(reports), OCR_NOT_NEEDED), actor=author)
        _touch(ticket)
    return note


def change_status(ticket: Ticket, status: str, *, actor: User | None) -> None:
    if status not in Ticket.Status.values:
        raise ValueError(f"unknown status {status!r}")
    with transaction.atomic():
        record_event(ticket, StatusSetPayload(before=ticket.status, status=status), actor=actor)
        _touch(ticket, status=status)


def assign(ticket: Ticket, assignee: User | None, *, actor: User | None) -> None:
    with transaction.atomic():
        record_event(ticket, AssignedPayload(assignee=assignee.username if assignee else None), actor=actor)
        _touch(ticket, assignee=assignee)


def set_category(ticket: Ticket, category: str, *, actor: User | None) -> None:
    """Set or confirm the category; the event is a training label for ``bridgedesk train``."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    with transaction.atomic():
        record_event(ticket, CategorySetPayload(before=ticket.category, category=category), actor=actor)
        _touch(ticket, category=category)


def set_priority(ticket: Ticket, priority: str, *, actor: User | None) -> None:
    if priority not in Ticket.Priority.values:
        raise ValueError(f"unknown priority {priority!r}")
    with transaction.atomic():
        record_event(ticket, PrioritySetPayload(before=ticket.priority, priority=priority), actor=actor)
        ticket.priority = priority   # the new priority's policy sets the deadlines
        _touch(ticket, priority=priority, **deadline_changes(ticket))


def set_queue(ticket: Ticket, queue: str, *, actor: User | None) -> None:
    with transaction.atomic():
        record_event(ticket, QueueSetPayload(before=ticket.queue, queue=queue), actor=actor)
        ticket.queue = queue   # the new queue's calendar counts the working hours
        _touch(ticket, queue=queue, **deadline_changes(ticket))


def merge(source: Ticket, target: Ticket, *, actor: User | None) -> None:
    """Move every message of ``source`` into ``target`` and close ``source`` with a pointer to it."""
    if source.pk == target.pk:
        raise ValueError("a ticket cannot be merged into itself")
    with transaction.atomic():
        moved = Message.objects.filter(ticket=source).update(ticket=target)
        OutboxMail.objects.filter(ticket=source).update(ticket=target)
        record_event(target, MergedInPayload(from_ticket=source.number, messages=moved), actor=actor)
        record_event(source, MergedIntoPayload(into=target.number, messages=moved), actor=actor)
        _touch(source, status=Ticket.Status.CLOSED)
        _touch(target)


def fill_macro(macro: Macro, ticket: Ticket, *, agent_name: str = "") -> str:
    """The macro's body with its placeholders filled; unknown placeholders are left as written."""
    values = {
        "number": ticket.number or "", "name": ticket.requester.name or ticket.requester.email.split("@")[0],
        "email": ticket.requester.email, "subject": ticket.subject, "agent": agent_name,
        "brand": get_config().brand.name,
    }
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), macro.body)
