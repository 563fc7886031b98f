"""Turn mail bytes into clean Python text, whatever the declared charset says.

Mail lies about its charset: "utf-8" bodies that are really GB2312, headers with raw 8-bit
bytes, charsets Python has never heard of. Every string we hand on must be storable (no NUL,
no lone surrogates), so decoding never raises and tells the caller when it had to guess.
"""

from __future__ import annotations

import codecs
import re
from email.header import decode_header

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_GB_PAIR_RE = re.compile(rb"[\xa1-\xf7][\xa1-\xfe]")
_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")
_ENCODED_WORD_RE = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_SNIFF_BYTES = 65_536

# Names mail agents use that Python spells differently (or not at all).
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "euc-cn": "gb18030", "x-euc-cn": "gb18030", "chinese": "gb18030",
    "big5": "big5hkscs", "x-big5": "big5hkscs", "ks_c_5601-1987": "cp949",
    "iso-8859-8-i": "iso-8859-8", "x-mac-roman": "mac_roman", "unicode-1-1-utf-7": "utf-7",
    "us-ascii": "utf-8", "ascii": "utf-8", "ansi_x3.4-1968": "utf-8", "latin1": "cp1252",
    "iso-8859-1": "cp1252", "x-user-defined": "cp1252", "unknown-8bit": "utf-8",
}


def clean_text(text: str) -> str:
    """Remove what databases and terminals choke on: NUL, C0 controls, lone surrogates."""
    if _SURROGATE_RE.search(text):
        text = _SURROGATE_RE.sub("\ufffd", text)
    if _CONTROL_RE.search(text):
        text = _CONTROL_RE.sub("", text)
    return text


def normalize_charset(declared: str | None) -> str | None:
    """Map a declared charset to a Python codec name, or None when Python has no such codec."""
    if not declared:
        return None
    name = declared.strip().strip('"').lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def looks_like_gb(data: bytes) -> bool:
    """True when the high bytes come in GB2312-range pairs, the shape of Chinese text."""
    sample = data[:_SNIFF_BYTES]
    high = len(_HIGH_BYTE_RE.findall(sample))
    if high < 2:
        return False
    return 2 * len(_GB_PAIR_RE.findall(sample)) >= 0.95 * high


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def guess_decode(data: bytes) -> tuple[str, str]:
    """Decode bytes with no trustworthy label: UTF-8, then GB18030 if it looks Chinese, then cp1252."""
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if looks_like_gb(data):
        text = _try_decode(data, "gb18030")
        if text is not None:
            return text, "gb18030"
    return data.decode("cp1252", errors="replace"), "cp1252"


def decode_bytes(data: bytes, declared: str | None) -> tuple[str, str | None]:
    """Decode a body; return (text, defect) where defect says when the label was wrong."""
    codec = normalize_charset(declared)
    if codec is not None:
        text = _try_decode(data, codec)
        if text is not None:
            return clean_text(text), None
    guessed, used = guess_decode(data)
    defect: str | None
    if not declared:   # normalize_charset gave None too
        defect = None if used == "utf-8" else f"undeclared 8-bit text, decoded as {used}"
    elif codec is None:
        defect = f"unknown charset {declared[:40]!r}, decoded as {used}"
    else:
        defect = f"charset {declared[:40]!r} does not match the bytes, decoded as {used}"
    return clean_text(guessed), defect


def raw_header_bytes(value: str) -> bytes:
    """Recover the wire bytes of a header the parser stored with surrogate escapes."""
    return value.encode("utf-8", errors="surrogateescape")


def _unfold_8bit(value: object) -> str:
    """A raw header on one line, its 8-bit bytes decoded by guess; encoded-words left as written."""
    if not isinstance(value, str):
        value = str(value)
    if _SURROGATE_RE.search(value):
        value, _ = guess_decode(raw_header_bytes(value))
    return " ".join(value.split())


def decode_8bit_header(value: object) -> str:
    """A raw header's 8-bit bytes as text, single line, with RFC 2047 encoded-words NOT decoded.

    For the parts of structured headers where an encoded-word is not allowed (addresses,
    DSN recipients): decoding there would let the sender write structure (``<``, ``@``) in
    base64. Bytes can't do that: UTF-8, GB18030 and cp1252 never decode high bytes to ASCII.
    """
    return clean_text(_unfold_8bit(value))


def decode_header_value(value: object) -> str:
    """Decode one raw header: 8-bit bytes, RFC 2047 words, unknown charsets; single line."""
    unfolded = _unfold_8bit(value)
    if _ENCODED_WORD_RE.search(unfolded):
        unfolded = _decode_encoded_words(unfolded)
    return clean_text(unfolded)


def _decode_encoded_words(value: str) -> str:
    """RFC 2047 decoding that survives bad base64, unknown charsets and mixed chunks."""
    try:
        chunks = decode_header(value)
    except Exception:  # noqa: BLE001 - the stdlib raises several kinds on garbage
        return value
    parts: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            parts.append(chunk)
            continue
        if charset is None:  # unencoded run between encoded words
            parts.append(chunk.decode("raw-unicode-escape", errors="replace"))
            continue
        text, _ = decode_bytes(chunk, charset)
        parts.append(text)
    return "".join(parts)
