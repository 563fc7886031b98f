"""What customers do to their tickets (portal today, chat tomorrow): reply, close; and the
leaked-secret escalation that applies however a secret arrived.
"""

from __future__ import annotations

from django.db import transaction

from bridgedesk.desk.actions.tickets import _touch
from bridgedesk.desk.models import Customer, Message, Ticket
from bridgedesk.desk.models.events import ClosedByCustomerPayload, RedactedSecret, SecretRedactedPayload, record_event
from bridgedesk.desk.sla.deadlines import note_customer_reply, recompute_deadlines
from bridgedesk.guard.secrets.scan import guard_message
from bridgedesk.triage.vocabulary import QueueSlug


def customer_reply(ticket: Ticket, customer: Customer, *, text: str) -> Message:
    """A portal reply: guarded like inbound mail (secrets removed before storage), then on the ticket."""
    guarded = guard_message(subject="", text=text, html=None, attachments=(), ocr=False)
    secrets = [{"type": s.type, "location": s.location} for s in guarded.secrets]
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket, direction=Message.Direction.IN, sender=customer.email, sender_name=customer.name[:200],
            subject=f"Re: {ticket.subject}"[:500], text=guarded.text, visible_text=guarded.text, secrets=secrets,
            flags=["portal"],
        )
        if secrets:
            record_event(ticket, SecretRedactedPayload(message.pk, RedactedSecret.all_of(guarded.secrets), ocr="portal"))
            mark_leaked_secrets(ticket, [s["type"] for s in secrets])
        ticket.status = Ticket.Status.OPEN if ticket.status in (Ticket.Status.PENDING, Ticket.Status.SOLVED) else ticket.status
        sla_fields = note_customer_reply(ticket)     # after an answer, a next response is owed, as for mail
        _touch(ticket, status=ticket.status, **{name: getattr(ticket, name) for name in sla_fields})
    return message


def mark_leaked_secrets(ticket: Ticket, kinds: list[str]) -> None:
    """A leaked secret makes the case urgent and the security team's, however it arrived (mail or portal):
    the same tags, priority and queue the pipeline sets, with deadlines recomputed for the new priority."""
    tags = [f"secret_leaked:{kind}" for kind in dict.fromkeys(kinds) if f"secret_leaked:{kind}" not in ticket.tags]
    if not tags:
        return
    ticket.tags = [*ticket.tags, *tags]
    ticket.priority, ticket.queue = Ticket.Priority.URGENT, QueueSlug.SECURITY
    fields = ["tags", "priority", "queue", *recompute_deadlines(ticket)]
    _touch(ticket, **{name: getattr(ticket, name) for name in dict.fromkeys(fields)})


def close_by_customer(ticket: Ticket, customer: Customer) -> None:
    with transaction.atomic():
        record_event(ticket, ClosedByCustomerPayload(customer=customer.email, before=ticket.status))
        _touch(ticket, status=Ticket.Status.CLOSED)
