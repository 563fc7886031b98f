"""What customers do to their tickets from a signed-in channel (the portal today, chat tomorrow):
reply, with files, and close.

A reply is guarded like inbound mail (secrets removed from the words and the files before
anything is stored) and then changes the ticket by the same rules as a mail reply
(``processing.replies.apply_reply``): reopening, what was missing, a leaked secret sent to the
security team, the next response owed.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from bridgedesk.desk.actions.customer_files import Upload, build_attachment, check_upload, guard_reply, store_upload
from bridgedesk.desk.actions.tickets import _touch
from bridgedesk.desk.models import Attachment, Customer, Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import ClosedByCustomerPayload, RedactedSecret, SecretRedactedPayload, new_event, record_event
from bridgedesk.desk.processing.replies import REPLY_FIELDS, CustomerMessage, apply_reply, inbound_entity_types
from bridgedesk.desk.runtime import get_config
from bridgedesk.triage.entities.extract import extract_entities
from bridgedesk.understanding import ENTITY_CHARS, entity_dicts


def customer_reply(ticket: Ticket, customer: Customer, *, text: str, uploads: Sequence[Upload] = (),
                   ocr: bool = True) -> Message:
    """The customer's words and files on the ticket, guarded, with the mail reply rules applied."""
    config = get_config()
    checked = [check_upload(upload) for upload in uploads]
    guarded = guard_reply(text, checked, ocr=ocr)
    stored = [store_upload(c, g) for c, g in zip(checked, guarded.attachments)]   # files first: see processing/storage.py
    secrets = [{"type": s.type, "location": s.location} for s in guarded.secrets]
    entities = entity_dicts(extract_entities(guarded.text[:ENTITY_CHARS], error_codes=config.triage.error_codes))
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket, direction=Message.Direction.IN, sender=customer.email, sender_name=customer.name[:200],
            subject=f"Re: {ticket.subject}"[:500], text=guarded.text, visible_text=guarded.text, secrets=secrets,
            entities=entities, flags=["portal"],
        )
        Attachment.objects.bulk_create([build_attachment(message, item) for item in stored])
        events = []
        if secrets:
            events.append(new_event(ticket, SecretRedactedPayload(message.pk, RedactedSecret.all_of(guarded.secrets), guarded.ocr)))
        ticket.refresh_from_db(fields=list(REPLY_FIELDS))
        ticket.updated_at = timezone.now()
        fields, more = apply_reply(ticket, CustomerMessage(secret_types=guarded.secret_types),
                                   lambda: inbound_entity_types([ticket.pk]).get(ticket.pk, set()), config)
        TicketEvent.objects.bulk_create([*events, *more])
        ticket.save(update_fields=fields)
    return message


def close_by_customer(ticket: Ticket, customer: Customer) -> None:
    with transaction.atomic():
        record_event(ticket, ClosedByCustomerPayload(customer=customer.email, before=ticket.status))
        _touch(ticket, status=Ticket.Status.CLOSED)
