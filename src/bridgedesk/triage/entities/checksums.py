"""Checksum validation for crypto addresses: which chain a string belongs to, if any.

Every function here answers "is this string a well-formed, checksum-valid X?" and nothing
else, so entity extraction can refuse anything that merely looks like an address. The
codecs come from maintained libraries: ``base58`` (Base58Check, Bitcoin and XRP
alphabets), ``bech32`` (Pieter Wuille's reference code) and pycryptodome's keccak-256.

The ``bech32`` package implements BIP-173 only; BIP-350 (bech32m, witness v1+ such as
Taproot) differs solely in the constant the checksum polymod must equal. We reuse the
package's ``bech32_polymod``, ``bech32_hrp_expand`` and ``convertbits`` and compare against
both constants, rather than carrying a second codec.
"""

from __future__ import annotations

import base58
import bech32
from Crypto.Hash import keccak

BECH32_CONST = 1
BECH32M_CONST = 0x2BC830A3
BECH32_MAX_LENGTH = 90

# Segwit human-readable parts → chain. bc/tb/bcrt = Bitcoin main, test/signet, regtest.
SEGWIT_HRPS: dict[str, str] = {"bc": "BTC", "tb": "BTC", "bcrt": "BTC", "ltc": "LTC", "tltc": "LTC"}

# Base58Check version byte → chain, for 21-byte payloads (version + 20-byte hash).
# 0x05 (P2SH "3...") is shared by Bitcoin and old Litecoin P2SH; Bitcoin is far likelier.
BASE58_VERSIONS: dict[int, str] = {
    0x00: "BTC", 0x05: "BTC", 0x6F: "BTC", 0xC4: "BTC",  # P2PKH/P2SH main and test
    0x30: "LTC", 0x32: "LTC", 0x3A: "LTC",  # L..., M..., Q... (testnet P2SH)
    0x1E: "DOGE", 0x16: "DOGE",  # D..., 9/A... (P2SH)
    0x41: "TRON",  # T...
}
XRP_ACCOUNT_VERSION = 0x00
HASH160_PAYLOAD_LENGTH = 21
_CHARSET = set(bech32.CHARSET)


def segwit_chain(candidate: str) -> str | None:
    """Chain of a valid bech32 (v0) / bech32m (v1..16) segwit address, else None."""
    parsed = parse_bech32(candidate)
    if parsed is None:
        return None
    hrp, data, const = parsed
    chain = SEGWIT_HRPS.get(hrp)
    if chain is None or not data:
        return None
    version, program = data[0], bech32.convertbits(data[1:], 5, 8, False)
    if version > 16 or program is None or not 2 <= len(program) <= 40:
        return None
    if version == 0 and (const != BECH32_CONST or len(program) not in (20, 32)):
        return None
    if version > 0 and const != BECH32M_CONST:
        return None
    return chain


def parse_bech32(candidate: str) -> tuple[str, list[int], int] | None:
    """(hrp, data without checksum, checksum constant) of a bech32/bech32m string."""
    if len(candidate) > BECH32_MAX_LENGTH or not candidate.isascii():
        return None
    if candidate.lower() != candidate and candidate.upper() != candidate:
        return None  # mixed case is forbidden by BIP-173
    lowered = candidate.lower()
    separator = lowered.rfind("1")
    if separator < 1 or separator + 7 > len(lowered):
        return None
    hrp, tail = lowered[:separator], lowered[separator + 1 :]
    if any(ord(char) < 33 or ord(char) > 126 for char in hrp) or not set(tail) <= _CHARSET:
        return None
    data = [bech32.CHARSET.find(char) for char in tail]
    const = bech32.bech32_polymod(bech32.bech32_hrp_expand(hrp) + data)
    if const not in (BECH32_CONST, BECH32M_CONST):
        return None
    return hrp, data[:-6], const


def base58check_chain(candidate: str) -> str | None:
    """Chain of a Base58Check address (BTC, LTC, DOGE, TRON), else None."""
    payload = decode_base58check(candidate, base58.BITCOIN_ALPHABET)
    if payload is None or len(payload) != HASH160_PAYLOAD_LENGTH:
        return None
    return BASE58_VERSIONS.get(payload[0])


def is_xrp_address(candidate: str) -> bool:
    """True for a classic XRP Ledger account address (r..., XRP alphabet Base58Check)."""
    if not candidate.startswith("r"):
        return False
    payload = decode_base58check(candidate, base58.XRP_ALPHABET)
    return (
        payload is not None
        and len(payload) == HASH160_PAYLOAD_LENGTH
        and payload[0] == XRP_ACCOUNT_VERSION
    )


def decode_base58check(candidate: str, alphabet: bytes) -> bytes | None:
    """Payload of a Base58Check string, or None when it does not decode or verify."""
    try:
        return base58.b58decode_check(candidate, alphabet=alphabet)
    except ValueError:
        return None


def base58_length(candidate: str) -> int | None:
    """Byte length of a plain base58 string (Solana keys and signatures have no checksum)."""
    try:
        return len(base58.b58decode(candidate))
    except ValueError:
        return None


def is_valid_evm_address(candidate: str) -> bool:
    """EIP-55: mixed case must match keccak; all-lower or all-upper is unchecksummed, fine."""
    if len(candidate) != 42 or candidate[:2] not in ("0x", "0X"):
        return False
    body = candidate[2:]
    try:
        int(body, 16)
    except ValueError:
        return False
    if body == body.lower() or body == body.upper():
        return True
    return body == eip55_checksum_body(body)


def eip55_checksum_body(hex_body: str) -> str:
    """The EIP-55 capitalisation of a 40-hex-digit address body."""
    lowered = hex_body.lower()
    digest = keccak.new(digest_bits=256, data=lowered.encode("ascii")).hexdigest()
    return "".join(
        char.upper() if char.isalpha() and int(nibble, 16) >= 8 else char
        for char, nibble in zip(lowered, digest)
    )
