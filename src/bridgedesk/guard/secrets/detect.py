"""One entry point over every secret detector, returning clean, non-overlapping findings.

Detectors may disagree about a stretch of text (an API secret that is also a 64-hex string);
overlaps are merged (see :func:`merge_overlaps`) so nothing secret is left between two
redactions.
"""

from __future__ import annotations

from collections.abc import Callable

from bridgedesk.guard.secrets.credentials import find_credentials
from bridgedesk.guard.secrets.findings import Finding, merge_overlaps
from bridgedesk.guard.secrets.identity import find_identity_numbers
from bridgedesk.guard.secrets.private_keys import find_private_keys
from bridgedesk.guard.secrets.seed_phrase import find_seed_phrases
from bridgedesk.guard.secrets.stated import find_stated_codes, find_stated_passwords

DETECTORS: tuple[Callable[[str], list[Finding]], ...] = (
    find_seed_phrases,
    find_private_keys,
    find_credentials,
    find_stated_passwords,
    find_stated_codes,
    find_identity_numbers,
)


def find_secrets(text: str) -> list[Finding]:
    """All secrets in ``text``: sorted by position, never overlapping."""
    if not text:
        return []
    return merge_overlaps(finding for detector in DETECTORS for finding in detector(text))
