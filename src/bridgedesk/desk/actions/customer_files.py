"""Files a customer attaches to a portal reply, handled exactly like attachments that arrive by mail.

A browser upload is as hostile as a mail attachment: the name, the declared type and the bytes
are the sender's to choose. So the same pure steps run: a safe file name, the type sniffed
from the bytes, the mail layer's quarantine verdict (programs, macros, archives holding
programs), then the guard over text and files together (secrets redacted, images read by OCR
and quarantined when they show one). Bytes are stored content-addressed under the same names
the mail pipeline uses, so a file sent both ways is kept once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from bridgedesk.desk.actions import customers
from bridgedesk.desk.models import Attachment, Customer, Message, Ticket
from bridgedesk.desk.models.events import RedactedSecret, SecretRedactedPayload, record_event
from bridgedesk.guard.secrets.scan import SECRET_IN_IMAGE, GuardedAttachment, GuardResult, guard_message
from bridgedesk.mail.attachments import quarantine_reason, sanitize_filename, sniff_type

FALLBACK_NAME = "attachment"


@dataclass(frozen=True)
class Upload:
    """One uploaded file as plain data (the web layer reads it from the request)."""

    filename: str
    declared_type: str
    data: bytes


@dataclass(frozen=True)
class CheckedUpload:
    """An upload after naming, sniffing and the mail layer's verdict, before the guard."""

    filename: str
    declared_type: str
    sniffed_type: str
    data: bytes
    quarantine_reason: str


def check_upload(upload: Upload) -> CheckedUpload:
    """Safe name, sniffed type and quarantine verdict, as the MIME walk gives a mail attachment."""
    name = sanitize_filename(upload.filename) or FALLBACK_NAME
    sniffed = sniff_type(upload.data)
    reason = quarantine_reason(name, upload.declared_type, sniffed, upload.data) or ""
    return CheckedUpload(name, upload.declared_type[:127], sniffed, upload.data, reason)


def store_attachment_bytes(data: bytes) -> tuple[str, str]:
    """(sha256, storage name): content-addressed like the pipeline's, so a repeat is harmless."""
    digest = hashlib.sha256(data).hexdigest()
    name = f"{digest[:2]}/{digest}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return digest, name


@dataclass(frozen=True)
class StoredUpload:
    """What the row needs once the guarded bytes are on storage (name "" when none are kept)."""

    checked: CheckedUpload
    size: int
    sha256: str
    storage_name: str
    quarantine_reason: str


def store_upload(checked: CheckedUpload, guarded: GuardedAttachment) -> StoredUpload:
    """Keep the guarded bytes, before any transaction; a picture that shows a secret keeps none."""
    reason = checked.quarantine_reason or guarded.quarantine_reason or ""
    if reason == SECRET_IN_IMAGE:
        return StoredUpload(checked, len(guarded.data), hashlib.sha256(guarded.data).hexdigest(), "", reason)
    digest, name = store_attachment_bytes(guarded.data)
    return StoredUpload(checked, len(guarded.data), digest, name, reason)


def build_attachment(message: Message, stored: StoredUpload) -> Attachment:
    return Attachment(
        message=message, filename=stored.checked.filename[:255], declared_type=stored.checked.declared_type,
        sniffed_type=stored.checked.sniffed_type[:127], size=stored.size, sha256=stored.sha256,
        storage_name=stored.storage_name, quarantine_reason=stored.quarantine_reason[:64],
    )


def guard_reply(text: str, checked: Sequence[CheckedUpload], *, ocr: bool = True) -> GuardResult:
    """The guard over the reply's words and files together, as for an inbound mail."""
    return guard_message(
        subject="", text=text, html=None, ocr=ocr,
        attachments=[(c.filename, c.sniffed_type or c.declared_type, c.data) for c in checked],
    )


def customer_reply_with_files(ticket: Ticket, customer: Customer, *, text: str, uploads: Sequence[Upload],
                              ocr: bool = True) -> Message:
    """A portal reply with files: guarded first, then the message, its files and the redaction event.

    The text handed to ``customers.customer_reply`` is already redacted, so that service keeps
    doing everything else a portal reply does (reopening, SLA) while this one records what the
    guard removed from the words and the files in one event.
    """
    checked = [check_upload(upload) for upload in uploads]
    guarded = guard_reply(text, checked, ocr=ocr)
    stored = [store_upload(c, g) for c, g in zip(checked, guarded.attachments)]   # files first: see the pipeline
    secrets = [{"type": s.type, "location": s.location} for s in guarded.secrets]
    with transaction.atomic():
        message = customers.customer_reply(ticket, customer, text=guarded.text)
        Attachment.objects.bulk_create([build_attachment(message, item) for item in stored])
        if secrets:
            message.secrets = [*(message.secrets or []), *secrets]
            message.save(update_fields=["secrets"])
            record_event(ticket, SecretRedactedPayload(message.pk, RedactedSecret.all_of(guarded.secrets), guarded.ocr))
            customers.mark_leaked_secrets(ticket, [s["type"] for s in secrets])
    return message
