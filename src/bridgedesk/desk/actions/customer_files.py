"""Files a customer attaches to a portal reply, handled exactly like attachments that arrive by mail.

A browser upload is as hostile as a mail attachment: the name, the declared type and the bytes
are the sender's to choose. So the same pure steps run: a safe file name, the type sniffed
from the bytes, the mail layer's quarantine verdict (programs, macros, archives holding
programs), then the guard over text and files together (secrets redacted from text files and
file names; images read by OCR, PDFs, Office files and archives read within bounds, and
quarantined without their bytes when they show one). Bytes are stored content-addressed under
the same names the mail pipeline uses, so a file sent both ways is kept once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.desk.models import Attachment, Message
from bridgedesk.desk.processing.storage import keep_guarded_bytes
from bridgedesk.guard.secrets.scan import GuardedAttachment, GuardResult, guard_message
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


@dataclass(frozen=True)
class StoredUpload:
    """What the row needs once the guarded bytes are on storage (name "" when none are kept)."""

    checked: CheckedUpload
    filename: str            # the guarded name: a secret in it redacted
    size: int
    sha256: str
    storage_name: str
    quarantine_reason: str


def store_upload(checked: CheckedUpload, guarded: GuardedAttachment) -> StoredUpload:
    """Keep the guarded bytes, before any transaction; a file that shows a secret keeps none."""
    digest, name, reason = keep_guarded_bytes(guarded, checked.quarantine_reason)
    return StoredUpload(checked, guarded.filename, len(guarded.data), digest, name, reason)


def build_attachment(message: Message, stored: StoredUpload) -> Attachment:
    return Attachment(
        message=message, filename=stored.filename[:255], declared_type=stored.checked.declared_type,
        sniffed_type=stored.checked.sniffed_type[:127], size=stored.size, sha256=stored.sha256,
        storage_name=stored.storage_name, quarantine_reason=stored.quarantine_reason[:64],
    )


def guard_reply(text: str, checked: Sequence[CheckedUpload], *, ocr: bool = True) -> GuardResult:
    """The guard over the reply's words and files together, as for an inbound mail."""
    return guard_message(
        subject="", text=text, html=None, ocr=ocr,
        attachments=[(c.filename, c.sniffed_type or c.declared_type, c.data) for c in checked],
    )
