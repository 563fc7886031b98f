"""BIP39 checksum arithmetic on word indices.

Computing it directly on indices (instead of building a phrase string for
``Mnemonic.check``) is what keeps scanning every window of a long run cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

PHRASE_LENGTHS = (12, 15, 18, 21, 24)


def is_checksum_valid(indices: Sequence[int]) -> bool:
    """True when 11-bit ``indices`` form a phrase whose trailing bits match SHA-256 of the entropy."""
    count = len(indices)
    if count not in PHRASE_LENGTHS:
        return False
    bits = 0
    for index in indices:
        bits = (bits << 11) | index
    checksum_bits = count // 3
    entropy_bytes = (count * 11 - checksum_bits) // 8
    entropy = (bits >> checksum_bits).to_bytes(entropy_bytes, "big")
    expected = hashlib.sha256(entropy).digest()[0] >> (8 - checksum_bits)
    return expected == bits & ((1 << checksum_bits) - 1)


def find_valid_window(indices: Sequence[int]) -> tuple[int, int] | None:
    """First (start, stop) slice of ``indices`` that is a checksum-valid phrase, longest first."""
    for length in reversed(PHRASE_LENGTHS):
        for start in range(len(indices) - length + 1):
            if is_checksum_valid(indices[start : start + length]):
                return start, start + length
    return None
