"""Header values as plain, bounded Python data: addresses, Message-IDs, dates.

We read raw header strings (``Message.raw_items``) and decode them ourselves: the stdlib's
structured headers raise or keep surrogates on the malformed headers that spam and
phishing mail are full of, and a header must never stop a message from becoming a ticket.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from bridgedesk.mail.textcodec import decode_header_value

MAX_HEADERS = 500
MAX_HEADER_CHARS = 8_000
MAX_IDS = 100
MAX_ADDRESSES = 200
_MSGID_RE = re.compile(r"<([^<>\s]{1,990})>")
_BARE_ID_RE = re.compile(r"[^\s<>]{1,990}@[^\s<>]{1,255}")
_ADDR_SPEC_RE = re.compile(r"^[^@\s<>()\[\],;:\"]{1,128}@[^@\s<>()\[\],;:\"]{1,255}$")


def read_headers(message: Message) -> tuple[tuple[str, str], ...]:
    """All headers, decoded, lowercase names, in order; bounded in count and length."""
    out: list[tuple[str, str]] = []
    for name, value in itertools.islice(message.raw_items(), MAX_HEADERS):
        clean_name = decode_header_value(name).strip().lower()[:100]
        out.append((clean_name, decode_header_value(value)[:MAX_HEADER_CHARS]))
    return tuple(out)


def first_header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    """Value of the first header with this (lowercase) name, or None when absent."""
    for key, value in headers:
        if key == name:
            return value
    return None


def all_headers(headers: tuple[tuple[str, str], ...], name: str) -> list[str]:
    return [value for key, value in headers if key == name]


def parse_addresses(values: list[str]) -> tuple[tuple[str, str], ...]:
    """(display name, lowercase addr-spec) pairs; anything that is not an address is dropped."""
    try:
        pairs = getaddresses(values)
    except Exception:  # noqa: BLE001 - getaddresses has raised on odd input in past releases
        return ()
    out: list[tuple[str, str]] = []
    for name, addr in pairs[:MAX_ADDRESSES]:
        addr = addr.strip().lower()
        if _ADDR_SPEC_RE.match(addr):
            out.append((name.strip(), addr))
    return tuple(out)


def address_list(values: list[str]) -> tuple[str, ...]:
    return tuple(addr for _, addr in parse_addresses(values))


def parse_message_ids(value: str | None) -> tuple[str, ...]:
    """Message-IDs without angle brackets; tolerant of missing brackets. Keeps first and last."""
    if not value:
        return ()
    ids = _MSGID_RE.findall(value) or _BARE_ID_RE.findall(value)
    if len(ids) > MAX_IDS:
        ids = ids[:1] + ids[-(MAX_IDS - 1):]
    return tuple(ids)


def parse_message_id(value: str | None) -> str | None:
    """The one Message-ID of a message, or None when the header is missing or empty."""
    if value is None:
        return None
    ids = parse_message_ids(value)
    if ids:
        return ids[0]
    bare = value.strip().strip("<>").strip()
    return bare[:990] or None


def parse_date(value: str | None) -> datetime | None:
    """Aware UTC datetime; a date without zone is taken as UTC (RFC 5322 "-0000")."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except Exception:  # noqa: BLE001 - raises TypeError/ValueError/IndexError on garbage
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def parse_return_path(value: str | None) -> str | None:
    """"" for the null sender <>, the lowercase address otherwise, None when absent."""
    if value is None:
        return None
    stripped = value.strip()
    if stripped in ("<>", "", "<\"\">"):
        return ""
    pairs = parse_addresses([stripped])
    return pairs[0][1] if pairs else stripped.strip("<>").strip().lower()[:320]
