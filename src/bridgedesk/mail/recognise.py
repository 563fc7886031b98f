"""Is this file a mail at all, and when was it written? Asked by import before anything is stored.

SMTP and IMAP only ever hand us mail; a folder given to ``bridgedesk import`` may hold
anything (a config file, a JSON export, a README, random bytes). Stored as mail, such a file
becomes a ticket from ``unknown-sender@invalid``, and its missing headers make it look like a
phishing report. So import asks first: does the file open with an RFC 5322 header block
naming at least a From, Message-ID or Date? The answer says what is wrong in words an operator
can act on. The same header read gives the mail's own date, which imported history keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bridgedesk.mail.headers import parse_date

HEAD_LIMIT = 256 * 1024       # a header block longer than this is not one we would read either
BINARY_SAMPLE = 4096
IDENTIFYING = ("from", "message-id", "date")   # a header block without any of these is not a mail's
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
# A field name is printable ASCII but the colon (RFC 5322 3.6.8); the obsolete syntax allows blanks before the colon.
_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NUL = b"\x00"


@dataclass(frozen=True)
class MailHead:
    """What the header block says: why this is not a mail ("" when it is one), and its Date.

    ``refusal`` completes "not a mail: ...", e.g. "no From, Message-ID or Date header (headers found: title)".
    """

    refusal: str
    date: datetime | None = None


def read_mail_head(raw: bytes) -> MailHead:
    """Check that ``raw`` opens with a mail's header block; never raises."""
    head = _head_block(raw)
    if _looks_binary(head):
        return MailHead("binary data (control bytes where the headers should be)")
    fields = _header_fields(head)
    if not fields:
        return MailHead(f"no header block (the first line is not a 'Name: value' header; {_first_line(raw)})")
    names = {name for name, _ in fields}
    if not names.intersection(IDENTIFYING):
        found = ", ".join(sorted(names)[:5])
        return MailHead(f"no From, Message-ID or Date header (headers found: {found})")
    return MailHead("", date=parse_date(_first_value(fields, "date")))


def from_line_date(from_line: bytes) -> datetime | None:
    """The date of an mbox ``From sender Thu Mar  7 10:00:00 2024`` separator line (UTC when it names no zone)."""
    parts = from_line.decode("ascii", "replace").split(None, 2)
    if len(parts) < 3 or parts[0] != "From":
        return None
    return parse_date(parts[2].strip())


def _head_block(raw: bytes) -> bytes:
    end = _BLANK_LINE.search(raw, 0, HEAD_LIMIT)
    return raw[: end.start()] if end else raw[:HEAD_LIMIT]


def _looks_binary(head: bytes) -> bool:
    """Headers are text: a NUL, or more than one control byte in twenty, is something else."""
    sample = head[:BINARY_SAMPLE]
    return _NUL in sample or len(_CONTROL.findall(sample)) > 0.05 * max(len(sample), 1)


def _header_fields(head: bytes) -> list[tuple[str, bytes]]:
    """(lowercase name, unfolded value) of each field, up to the first line that is not one (as a parser reads it)."""
    fields: list[tuple[str, bytes]] = []
    lines = head.splitlines()
    if lines and lines[0].startswith(b"From "):   # an mbox separator kept in the file: the parser skips it too
        lines = lines[1:]
    for line in lines:
        if line[:1] in (b" ", b"\t") and fields:
            name, value = fields[-1]
            fields[-1] = (name, value + b" " + line.strip())
            continue
        match = _FIELD.match(line)
        if match is None:
            break
        fields.append((match.group(1).decode("ascii").lower(), line[match.end():].strip()))
    return fields


def _first_value(fields: list[tuple[str, bytes]], name: str) -> str | None:
    for key, value in fields:
        if key == name:
            return value.decode("ascii", "replace")
    return None


def _first_line(raw: bytes) -> str:
    """The opening of the file, as the refusal quotes it."""
    if raw[:1] in (b"\r", b"\n"):
        return "it starts with a blank line"
    text = raw[:200].splitlines()[0].decode("utf-8", "replace") if raw else ""
    return "it starts " + repr(text[:40] + ("..." if len(text) > 40 else ""))
