"""What a customer's message changes on its ticket: one rule set for every channel.

Mail (one by one, and a persist group's reply lane, which applies it to many tickets with one
read and one insert), the portal, and any channel after them call ``apply_reply`` with the plain
facts of the message (``CustomerMessage``). A reply reopens a waiting ticket, may supply what
was missing, flags a sender other than the requester (possible hijack), escalates a leaked
secret to the security queue (``escalate_leaked_secrets``, also applied to new tickets), and
owes a next response once we have answered (``note_customer_reply``). A duplicate changes
nothing but the ticket's ``updated_at``: it must not reset the ticket's place in the queue.
Nor does an automatic reply (out of office): it is recorded on the timeline, flagged, and is
no sign of the customer writing again, nor of anyone else taking their account over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bridgedesk.config import Config
from bridgedesk.desk.models import Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import MissingUpdatedPayload, new_event
from bridgedesk.desk.sla.deadlines import CUSTOMER_REPLY_FIELDS, note_customer_reply
from bridgedesk.triage.completeness import missing_fields
from bridgedesk.triage.vocabulary import QueueSlug

# What a reply reads fresh before changing its ticket: a ticket read once for the whole group
# (threading evidence) may have been changed since by an agent or another worker.
REPLY_FIELDS = ("status", "missing", "flags", "tags", "priority", "queue", "category", *CUSTOMER_REPLY_FIELDS)


@dataclass(frozen=True)
class CustomerMessage:
    """What the rules need to know of a customer's message, whatever the channel it came by."""

    secret_types: tuple[str, ...] = ()   # kinds of secret the guard removed (words and files)
    sender_mismatch: bool = False        # written by someone other than the ticket's requester
    auto: bool = False                   # an automatic reply (out of office): changes nothing


def escalate_leaked_secrets(ticket: Ticket, secret_types: Iterable[str]) -> list[str]:
    """A leaked secret makes the case urgent and the security team's, however it arrived.

    Tags the ticket ``secret_leaked:<kind>`` once per kind; returns the fields changed (none when
    every kind was already tagged). Deadlines follow the new priority: the caller recomputes them.
    """
    fields: list[str] = []
    for kind in dict.fromkeys(secret_types):
        tag = f"secret_leaked:{kind}"
        if tag not in ticket.tags:
            ticket.tags = [*ticket.tags, tag]
            ticket.priority, ticket.queue = Ticket.Priority.URGENT, QueueSlug.SECURITY
            fields = ["tags", "priority", "queue"]
    return fields


def apply_reply(ticket: Ticket, message: CustomerMessage, entity_types: Callable[[], set[str]],
                config: Config) -> tuple[list[str], list[TicketEvent]]:
    """Change ``ticket`` (read fresh, see ``REPLY_FIELDS``) for one non-duplicate reply.

    Returns the fields to save and the unsaved events to add. ``entity_types``: the entity
    types of the ticket's inbound messages, this reply included; called only when something
    is missing, since it costs a query.
    """
    fields = ["updated_at"]
    events: list[TicketEvent] = []
    if message.auto:    # a robot answering for the customer: no reopening, no SLA clock, no alarm
        return fields, events
    if ticket.status in (Ticket.Status.PENDING, Ticket.Status.SOLVED):
        ticket.status = Ticket.Status.OPEN
        fields.append("status")
    if ticket.missing:
        still = missing_fields(ticket.category, entity_types(), config.triage.requirements)
        if still != ticket.missing:
            events.append(new_event(ticket, MissingUpdatedPayload(before=tuple(ticket.missing), after=tuple(still))))
            ticket.missing = still
            fields.append("missing")
    if message.sender_mismatch and "possible_hijack" not in ticket.flags:
        ticket.flags = [*ticket.flags, "possible_hijack"]
        fields.append("flags")
    fields += escalate_leaked_secrets(ticket, message.secret_types)
    fields += note_customer_reply(ticket, retriaged="priority" in fields, config=config, fresh=True)
    return sorted(set(fields)), events


def refresh_reply_fields(tickets: Sequence[Ticket]) -> None:
    """``refresh_from_db(fields=REPLY_FIELDS)`` for many tickets in one query."""
    if not tickets:
        return
    fresh = {t.pk: t for t in Ticket.objects.filter(pk__in=[t.pk for t in tickets]).only(*REPLY_FIELDS)}
    for ticket in tickets:
        row = fresh[ticket.pk]
        for name in REPLY_FIELDS:
            setattr(ticket, name, getattr(row, name))


def inbound_entity_types(ticket_ids: Iterable[int]) -> dict[int, set[str]]:
    """Entity types found in each ticket's inbound messages, in one query (automatic replies
    left out: what an out-of-office quotes is no answer to what was missing)."""
    found: dict[int, set[str]] = {}
    rows = (Message.objects.filter(ticket_id__in=list(ticket_ids), direction=Message.Direction.IN, is_auto=False)
            .values_list("ticket_id", "entities"))
    for ticket_id, entities in rows:
        found.setdefault(ticket_id, set()).update(e["type"] for e in entities)
    return found
