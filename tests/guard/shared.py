"""Real test data for the guard tests: the corpora in ``shared/data`` beside the repo checkout."""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
HAM_FOLDERS = (
    "mime/spamassassin/easy-ham-1",
    "mime/spamassassin/easy-ham-2",
    "mime/spamassassin/hard-ham-1",
    "mime/cpython",
)


def load_bip39_vectors() -> dict[str, list[list[str]]]:
    return json.loads((SHARED_DATA / "bip39" / "vectors.json").read_text(encoding="utf-8"))


def load_ham_texts() -> list[tuple[str, str]]:
    """(file name, subject + every text part decoded) for each real ham message."""
    texts = []
    for folder in HAM_FOLDERS:
        for path in sorted((SHARED_DATA / folder).iterdir()):
            if path.is_file() and not path.name.startswith("LICENSE"):
                texts.append((f"{folder}/{path.name}", _message_text(path.read_bytes())))
    return texts


def _message_text(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=policy.compat32)
    parts = [str(message.get("Subject", ""))]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True) or b""
            try:
                parts.append(payload.decode(part.get_content_charset() or "latin-1", "replace"))
            except LookupError:
                parts.append(payload.decode("latin-1"))
    return "\n".join(parts)
