"""Seeded values that look and validate like the real thing: addresses, hashes, ids, phrases, files.

The benchmark corpus should exercise the same checksum validation and secret detection that
real mail does, so addresses carry real checksums (Base58Check for TRON, EIP-55 for EVM) and
leaked recovery phrases are valid BIP-39 mnemonics.
"""

from __future__ import annotations

import hashlib
import random
import struct
import zlib
from functools import lru_cache

import base58
from Crypto.Hash import keccak
from mnemonic import Mnemonic


def make_tx_hash(rng: random.Random) -> str:
    return "0x" + rng.randbytes(32).hex()


def make_tron_address(rng: random.Random) -> str:
    """A Base58Check TRON address: version byte 0x41, 20-byte account, double-SHA256 checksum."""
    payload = b"\x41" + rng.randbytes(20)
    checksum = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return base58.b58encode(payload + checksum).decode("ascii")


def make_evm_address(rng: random.Random) -> str:
    """An EIP-55 mixed-case checksummed address."""
    plain = rng.randbytes(20).hex()
    digest = keccak.new(digest_bits=256, data=plain.encode("ascii")).hexdigest()
    return "0x" + "".join(c.upper() if c.isalpha() and int(d, 16) >= 8 else c for c, d in zip(plain, digest))


def make_uid(rng: random.Random) -> str:
    return str(rng.randint(10_000_000, 99_999_999))


def make_order_id(rng: random.Random) -> str:
    return str(rng.randint(10**15, 10**18 - 1))


@lru_cache(maxsize=4)
def _mnemonic(language: str) -> Mnemonic:
    return Mnemonic(language)


def make_seed_phrase(rng: random.Random, language: str) -> str:
    """A valid 12-word BIP-39 phrase (English words, or the simplified Chinese list for zh)."""
    wordlist = "chinese_simplified" if language == "zh" else "english"
    return _mnemonic(wordlist).to_mnemonic(rng.randbytes(16))


def make_png(rng: random.Random, width: int = 24, height: int = 16) -> bytes:
    """A small valid PNG (RGB, noisy pixels so it does not compress to nothing)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def make_pdf(text: str) -> bytes:
    """A minimal one-page PDF with a line of ASCII text and a correct xref table."""
    safe = text.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 72 720 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_log(rng: random.Random, lines: int = 20) -> bytes:
    """A client log excerpt such as API users attach."""
    out = []
    for i in range(lines):
        status = rng.choice(("200", "200", "200", "400", "429"))
        out.append(f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{i:02d}Z "
                   f"POST /api/v3/order status={status} latency_ms={rng.randint(8, 900)}")
    return ("\n".join(out) + "\n").encode("ascii")
