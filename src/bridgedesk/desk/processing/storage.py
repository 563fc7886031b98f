"""Attachment bytes on the desk's file storage, content-addressed: one file per distinct content.

Saved before the database transaction that references them: content addressing makes a repeat
harmless, and a file without a row is only unreferenced bytes, never a lost message. A file the
guard found a secret in (a picture that shows one, a PDF or document or archive that holds one)
keeps its row and loses its bytes: the secret is in the bytes and cannot be cut out of them.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from bridgedesk.guard.secrets.scan import GuardedAttachment, quarantine_verdict


def store_attachment_bytes(data: bytes) -> tuple[str, str]:
    """Keep ``data``; returns (sha256, storage name)."""
    digest = hashlib.sha256(data).hexdigest()
    name = f"{digest[:2]}/{digest}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return digest, name


def keep_guarded_bytes(guarded: GuardedAttachment, mail_reason: str | None) -> tuple[str, str, str]:
    """(sha256, storage name, quarantine reason) of one guarded attachment; storage name "" when no bytes are kept."""
    reason = quarantine_verdict(mail_reason, guarded)
    if guarded.holds_secret:
        return hashlib.sha256(guarded.data).hexdigest(), "", reason
    digest, name = store_attachment_bytes(guarded.data)
    return digest, name, reason
