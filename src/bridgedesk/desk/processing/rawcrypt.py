"""Raw mail at rest: sealed at intake, opened by the processing job, never on disk in plain text.

Why: intake commits a mail's raw bytes before it answers 250 (a promise that survives a
crash), and those bytes hold whatever the customer pasted: recovery phrases, keys,
passwords. Processing erases them within a second, but a crash leaves the database, its WAL
and the disk as they were at that instant. Sealed, what is left there is noise without the key.

The cipher is AES-256-GCM (``cryptography``): authenticated, one pass, about 4 µs for a 5 KB
mail here (Fernet, used for sealed originals in ``retention``, took 57 µs and a third more
space, for its CBC + HMAC + base64). A random 96-bit nonce per mail keeps one key good for
2^32 mails (NIST SP 800-38D), decades of any desk's mail.

Stored form, version 1: ``b"\\x89BDR"``, version byte, key id (4 bytes), nonce (12 bytes),
ciphertext with its 16-byte tag; the first nine bytes are authenticated as associated data.
The key id tells "sealed under another key" (hosts that do not share a key) from damage.
Rows received before sealing existed hold the plain mail, which never begins with the mark
(0x89 cannot begin a mail's first header line), so they are processed as they are.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bridgedesk.desk.runtime import get_intake_key

SEALED_MARK = b"\x89BDR"
VERSION = b"\x01"
KEY_ID_BYTES = 4
NONCE_BYTES = 12
HEADER_BYTES = len(SEALED_MARK) + len(VERSION) + KEY_ID_BYTES


class IntakeKeyMismatch(Exception):
    """The mail was sealed under another intake key than this host's: every host on one database needs the same key."""


class SealedRawDamaged(Exception):
    """The sealed bytes do not authenticate under the key that sealed them: changed or truncated on disk."""


def seal_intake_raw(raw: bytes) -> bytes:
    """The bytes intake stores: ``raw`` encrypted and authenticated under the intake key."""
    cipher, header = _sealer(get_intake_key())
    nonce = os.urandom(NONCE_BYTES)
    return header + nonce + cipher.encrypt(nonce, raw, header)


def open_intake_raw(stored: bytes) -> bytes:
    """The mail as it was received, from what intake stored (sealed, or plain from before sealing)."""
    if not is_sealed(stored):
        return stored
    cipher, header = _sealer(get_intake_key())
    if stored[:HEADER_BYTES] != header:
        raise _mismatch(stored[:HEADER_BYTES], header)
    nonce = stored[HEADER_BYTES:HEADER_BYTES + NONCE_BYTES]
    try:
        return cipher.decrypt(nonce, stored[HEADER_BYTES + NONCE_BYTES:], header)
    except InvalidTag:
        raise SealedRawDamaged("the sealed mail does not authenticate: its bytes were changed or cut") from None


def is_sealed(stored: bytes) -> bool:
    return stored[:len(SEALED_MARK)] == SEALED_MARK


def intake_key_id(key: bytes) -> bytes:
    """A short fingerprint of the key (not the key): which key sealed a row."""
    return hashlib.sha256(b"bridgedesk intake key id\x00" + key).digest()[:KEY_ID_BYTES]


@lru_cache(maxsize=4)
def _sealer(key: bytes) -> tuple[AESGCM, bytes]:
    return AESGCM(key), SEALED_MARK + VERSION + intake_key_id(key)


def _mismatch(found: bytes, expected: bytes) -> Exception:
    if found[:len(SEALED_MARK) + len(VERSION)] != expected[:len(SEALED_MARK) + len(VERSION)]:
        return SealedRawDamaged(f"unknown sealed format version {found[len(SEALED_MARK):len(SEALED_MARK) + 1].hex()}")
    return IntakeKeyMismatch(f"sealed under intake key {found[-KEY_ID_BYTES:].hex()}, this host's key is "
                             f"{expected[-KEY_ID_BYTES:].hex()}: every host must use the same $BRIDGEDESK_INTAKE_KEY")
