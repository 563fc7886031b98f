"""Raw intake bytes after processing: erased, or sealed for the security role when configured.

Sealing uses Fernet (AES-128-CBC + HMAC-SHA256 from ``cryptography``): authenticated, with a
key the operator holds outside the database, so a database dump alone reveals nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cryptography.fernet import Fernet, InvalidToken
from django.utils import timezone

from bridgedesk.config import Retention
from bridgedesk.desk.models import InboundMessage


def seal_raw(raw: bytes, retention: Retention) -> tuple[bytes | None, datetime | None]:
    """Encrypted bytes and their expiry when retention is configured, else (None, None): erase."""
    if not raw or retention.raw_days <= 0 or not retention.encryption_key:
        return None, None
    token = Fernet(retention.encryption_key.encode()).encrypt(raw)
    return token, timezone.now() + timedelta(days=retention.raw_days)


def open_sealed(token: bytes, retention: Retention) -> bytes:
    """Decrypt a sealed original; raises ValueError with a clear reason when the key is wrong."""
    if not retention.encryption_key:
        raise ValueError("retention.encryption_key is not configured; sealed originals cannot be read")
    try:
        return Fernet(retention.encryption_key.encode()).decrypt(bytes(token))
    except InvalidToken:
        raise ValueError("the sealed original does not open with the configured retention key") from None


def purge_expired_originals() -> int:
    """Erase sealed originals past their retention date; returns how many were erased."""
    return InboundMessage.objects.filter(raw_expires_at__lt=timezone.now()).update(raw_encrypted=None, raw_expires_at=None)
