"""Lift huge MIME part bodies out of a message before the stdlib parser sees it.

The stdlib feed parser handles mail line by line: a 30 MB attachment, or a megabyte of
blank lines, costs it over a second. Large bodies are cut out here with bytes.find and
decoded in one C call (base64, quoted-printable, or taken as they are); the part keeps its
headers plus a marker header naming the lifted blob, so the
parser still sees the whole structure. Only messages above ``FAST_PATH_MIN_BYTES`` take
this path, so ordinary mail is parsed exactly as the stdlib would.
"""

from __future__ import annotations

import binascii
import re
import secrets
from dataclasses import dataclass, field

FAST_PATH_MIN_BYTES = 2 * 1024 * 1024
LIFT_MIN_BYTES = 256 * 1024
_MAX_BOUNDARIES = 200
_HEADER_SCAN = 65_536
_BOUNDARY_RE = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))""", re.IGNORECASE)
_ENCODING_RE = re.compile(rb"^content-transfer-encoding:\s*([a-z0-9-]+)\s*$", re.IGNORECASE | re.MULTILINE)
_HEADER_END_RE = re.compile(rb"\r?\n\r?\n")


@dataclass
class LiftedParts:
    raw: bytes                       # the message with large bodies replaced
    marker: str                      # header name that points at a blob (random per call; "" when none can)
    blobs: list[bytes] = field(default_factory=list)


def _delimiter_offsets(raw: bytes) -> list[int]:
    """Start offsets of every line that opens with "--" plus a declared boundary."""
    boundaries = {a or b for a, b in _BOUNDARY_RE.findall(raw)}
    offsets: set[int] = set()
    for boundary in list(boundaries)[:_MAX_BOUNDARIES]:
        needle = b"\n--" + boundary
        position = raw.find(needle)
        while position != -1:
            offsets.add(position + 1)
            position = raw.find(needle, position + 1)
    return sorted(offsets)


def _segments(raw: bytes) -> list[tuple[int, int]]:
    """(start of part headers, end of part) for the top block and every delimited part."""
    offsets = _delimiter_offsets(raw)
    starts = [0] + [raw.find(b"\n", o) + 1 for o in offsets if raw.find(b"\n", o) != -1]
    ends = offsets + [len(raw)]
    return [(start, end) for start, end in zip(starts, ends) if end - start >= LIFT_MIN_BYTES]


def _decode_body(headers: bytes, body: bytes) -> bytes | None:
    """The part's content bytes per its transfer encoding; None for an encoding we leave alone."""
    match = _ENCODING_RE.search(headers)
    encoding = match.group(1).lower() if match else b"7bit"
    try:
        if encoding == b"base64":
            return binascii.a2b_base64(body, strict_mode=False)
        if encoding == b"quoted-printable":
            return binascii.a2b_qp(body)
    except binascii.Error:
        return None
    if encoding in (b"7bit", b"8bit", b"binary"):
        return body[:-2] if body.endswith(b"\r\n") else body[:-1] if body.endswith(b"\n") else body
    return None


def _lift_segment(raw: bytes, start: int, end: int, lifted: LiftedParts) -> bytes | None:
    """Replacement for raw[start:end] (headers, marker, empty body), or None to keep it."""
    header_end = _HEADER_END_RE.search(raw, start, min(end, start + _HEADER_SCAN))
    if header_end is None:
        return None
    content = _decode_body(raw[start:header_end.start()], raw[header_end.end():end])
    if content is None:
        return None
    lifted.blobs.append(content)
    marker = f"{lifted.marker}: {len(lifted.blobs) - 1}\r\n".encode()
    return marker + raw[start:header_end.end()] + b"\r\n"


def lift_large_parts(raw: bytes) -> LiftedParts:
    """Cut large part bodies out, decoded into ``blobs``; small messages are returned as they are."""
    if len(raw) < FAST_PATH_MIN_BYTES:
        return LiftedParts(raw=raw, marker="")     # nothing lifted, so no marker (and no getrandom call)
    lifted = LiftedParts(raw=raw, marker=f"X-Bridgedesk-Blob-{secrets.token_hex(8)}")
    pieces: list[bytes] = []
    cursor = 0
    for start, end in _segments(raw):
        replacement = _lift_segment(raw, start, end, lifted)
        if replacement is None:
            continue
        pieces.append(raw[cursor:start])
        pieces.append(replacement)
        cursor = end
    if pieces:
        pieces.append(raw[cursor:])
        lifted.raw = b"".join(pieces)
    return lifted
