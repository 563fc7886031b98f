"""Header values as plain, bounded Python data: addresses, Message-IDs, dates.

We read raw header strings (``Message.raw_items``) and decode them ourselves: the stdlib's
structured headers raise or keep surrogates on the malformed headers that spam and
phishing mail are full of, and a header must never stop a message from becoming a ticket.

Address headers are the exception to "decode first": their structure is read from the raw,
undecoded value, and only each display name is decoded afterwards. RFC 2047 allows
encoded-words only in a phrase or comment, never in an address, so decoding first would let
``=?UTF-8?B?...?=`` (base64 of ``Dave <dave@d.example>``) write a ``<``, ``>`` or ``,``
into the structure and name any address the sender likes.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from bridgedesk.mail.textcodec import decode_8bit_header, decode_header_value

MAX_HEADERS = 500
MAX_HEADER_CHARS = 8_000
MAX_IDS = 100
MAX_ADDRESSES = 200
_MSGID_RE = re.compile(r"<([^<>\s]{1,990})>")
_BARE_ID_RE = re.compile(r"[^\s<>]{1,990}@[^\s<>]{1,255}")
_ADDR_SPEC_RE = re.compile(r"^[^@\s<>()\[\],;:\"]{1,128}@[^@\s<>()\[\],;:\"]{1,255}$")
_LINE_BREAK_RE = re.compile("[\t\n\v\f\r\x85\u2028\u2029]+")   # an encoded-word may decode to several lines
ADDRESS_HEADERS = frozenset({"from", "to", "cc", "reply-to", "return-path"})


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


def read_raw_address_headers(message: Message) -> tuple[tuple[str, str], ...]:
    """The address headers as received: lowercase names, unfolded, bounded, NOT decoded.

    Neither RFC 2047 words nor raw 8-bit bytes are decoded: an address's structure must be
    read before either (a GBK character can end in a backslash that escapes a quote).
    """
    out: list[tuple[str, str]] = []
    for name, value in itertools.islice(message.raw_items(), MAX_HEADERS):
        clean_name = str(name).strip().lower()   # not decoded: "=?utf-8?q?From?=:" is no From header
        if clean_name in ADDRESS_HEADERS:
            out.append((clean_name, _unfold(value)[:MAX_HEADER_CHARS]))
    return tuple(out)


def _unfold(value: object) -> str:
    return " ".join(str(value).split())


def addresses_from_raw(raw_values: list[str]) -> tuple[tuple[str, str], ...]:
    """(display name, lowercase addr-spec) pairs from RAW header values; non-addresses are dropped.

    The stdlib's ``getaddresses`` on the undecoded text is purely structural: an encoded-word
    is an ordinary atom to it, so no address can come out of one. Each display name is
    decoded only afterwards (see ``display_name``). Values must come from
    ``read_raw_address_headers``, never from the decoded ``read_headers``.
    """
    try:
        pairs = getaddresses([value[:MAX_HEADER_CHARS] for value in raw_values])
    except Exception:  # noqa: BLE001 - getaddresses raises (RecursionError, IndexError) on odd input
        return ()
    out: list[tuple[str, str]] = []
    for raw_name, raw_addr in pairs[:MAX_ADDRESSES]:
        addr = _addr_spec(raw_addr)
        if addr:
            out.append((display_name(raw_name), addr))
    return tuple(out)


def _addr_spec(raw_addr: str) -> str:
    """The lowercase address, or "" when it is not one; 8-bit bytes decoded, encoded-words not."""
    addr = decode_8bit_header(raw_addr).strip().lower()
    return addr if _ADDR_SPEC_RE.match(addr) else ""


def display_name(raw_name: str) -> str:
    """A display name as a person reads it: encoded-words and 8-bit bytes decoded, one line.

    Shown verbatim (it may well say ``Dave <dave@d.example>``); it is never parsed again,
    so whatever it says, it cannot become an address.
    """
    return _LINE_BREAK_RE.sub(" ", decode_header_value(raw_name)).strip()


def address_specs_from_raw(raw_values: list[str]) -> tuple[str, ...]:
    return tuple(addr for _, addr in addresses_from_raw(raw_values))


def sole_author(mailboxes: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The one (name, address) the From field names, or None when it names several addresses.

    A From with two different addresses (two From headers, ``Dave <dave@d.example>, <x@evil>``,
    or an encoded-word with a raw ``<`` in it that splits in two) has no single author the
    desk could take as the requester: DMARC checkers disagree on which one they verified, so
    picking either would let the unverified one in. The same address repeated is fine.
    """
    if not mailboxes or len({addr for _, addr in mailboxes}) > 1:
        return None
    name = next((name for name, _ in mailboxes if name), "")
    return name, mailboxes[0][1]


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
    """"" for the null sender <>, the lowercase address otherwise, None when absent; ``value`` is raw."""
    if value is None:
        return None
    stripped = value.strip()
    if stripped in ("<>", "", "<\"\">"):
        return ""
    pairs = addresses_from_raw([stripped])
    return pairs[0][1] if pairs else decode_8bit_header(stripped).strip("<>").strip().lower()[:320]
