"""Attachment bytes on the desk's file storage, content-addressed: one file per distinct content.

Saved before the database transaction that references them: content addressing makes a repeat
harmless, and a file without a row is only unreferenced bytes, never a lost message.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def store_attachment_bytes(data: bytes) -> tuple[str, str]:
    """Keep ``data``; returns (sha256, storage name)."""
    digest = hashlib.sha256(data).hexdigest()
    name = f"{digest[:2]}/{digest}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return digest, name
