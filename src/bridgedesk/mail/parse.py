"""Parse raw mail bytes into a ``ParsedMail``: plain data that the rest of the desk trusts.

``parse_message`` never raises. Whatever goes wrong (broken MIME, lying charsets, absurd
nesting, binary garbage) is written into ``defects`` and the message still comes back, so
nothing the desk receives is ever lost. Work is bounded by size, depth and part count.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser

from bridgedesk.mail.attachments import MailAttachment
from bridgedesk.mail.bigparts import lift_large_parts
from bridgedesk.mail.dsn import (
    DeliveryReport,
    declares_delivery_status,
    looks_like_bounce,
    read_informal_report,
    read_standard_report,
    returned_message_id,
)
from bridgedesk.mail.headers import (
    address_specs_from_raw,
    addresses_from_raw,
    all_headers,
    first_header,
    parse_date,
    parse_message_id,
    parse_message_ids,
    parse_return_path,
    read_headers,
    read_raw_address_headers,
    sole_author,
)
from bridgedesk.mail.htmltext import MAX_TEXT_CHARS, sanitize_html, sanitized_html_to_text
from bridgedesk.mail.quotes import split_reply
from bridgedesk.mail.walk import MimeWalk, content_type_of, walk_message

__all__ = ["DeliveryReport", "MailAttachment", "ParsedMail", "parse_message"]

MAX_DEFECTS = 50
MAX_BOUNDARIES = 200
_KNOWN_HEADERS = frozenset(
    "from to cc subject date message-id received return-path content-type mime-version reply-to sender".split()
)
_BINARY_BYTES_RE = re.compile(rb"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class ParsedMail:
    """One received message as plain data.

    ``from_addr`` and the address tuples are read structurally from the raw headers;
    ``from_name`` is the decoded display name, text to show, never an address. ``headers``
    holds every header decoded for reading: never parse addresses out of it.
    """

    message_id: str | None
    subject: str
    from_addr: str
    from_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    reply_to: tuple[str, ...]
    return_path: str | None
    date: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    text: str
    html: str | None
    visible_text: str
    quoted_text: str
    signature: str
    attachments: tuple[MailAttachment, ...]
    nested_messages: tuple[bytes, ...]
    delivery_report: DeliveryReport | None
    defects: tuple[str, ...]
    unparseable: bool
    incomplete: bool = False   # part of it was left out (limits, see ``walk``): the agent must be told


def parse_message(
    raw: bytes, *, max_attachment_bytes: int = 10 * 1024 * 1024, max_depth: int = 10, max_parts: int = 500,
) -> ParsedMail:
    """Parse one message; never raises, records every problem in ``defects``."""
    try:
        return _parse(bytes(raw or b""), max_attachment_bytes, max_depth, max_parts)
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - the contract is "never raise"
        return _salvage(bytes(raw or b""), f"parser failure: {type(exc).__name__}")


def _parse(raw: bytes, max_attachment_bytes: int, max_depth: int, max_parts: int) -> ParsedMail:
    if not raw.strip():
        return _empty_mail(("empty message",))
    lifted = lift_large_parts(raw)
    defects: list[str] = []
    message = _read_structure(lifted.raw, defects)
    walk = MimeWalk(
        marker=lifted.marker.lower(), blobs=lifted.blobs, max_attachment_bytes=max_attachment_bytes,
        max_depth=max_depth, max_parts=max_parts, defects=defects,
    )
    walk_message(message, walk)
    headers = tuple(read_headers(message))
    if walk.blobs:   # a lifted body leaves a marker header in its part, which may be the message itself
        headers = tuple(h for h in headers if h[0] != walk.marker)
    return _assemble(message, headers, walk, raw)


def _read_structure(raw: bytes, defects: list[str]) -> Message:
    """Full MIME parse; when the stdlib gives up, keep the headers and the body as text.

    The stdlib checks every line against every open boundary, so thousands of nested
    multiparts cost it seconds; such a message is read as headers plus text instead.
    The compat32 policy builds no structured header objects (with ``policy.default`` the
    parser itself fetches Content-Type through the header registry for every part, about
    half of all parse time); every header we use is read raw and decoded once by ``headers``.
    """
    if raw.lower().count(b"boundary") > MAX_BOUNDARIES:
        defects.append(f"more than {MAX_BOUNDARIES} multipart boundaries; body kept as text")
        return BytesHeaderParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
    try:   # compat32: no structured header objects; headers are read raw and decoded once, by us
        return email.message_from_bytes(raw, policy=policy.compat32)
    except (Exception, RecursionError) as exc:  # noqa: BLE001
        defects.append(f"MIME structure unreadable ({type(exc).__name__}); body kept as text")
        return BytesHeaderParser(policy=policy.compat32).parsebytes(raw, headersonly=True)


def _assemble(message: Message, headers: tuple[tuple[str, str], ...], walk: MimeWalk, raw: bytes) -> ParsedMail:
    subject = first_header(headers, "subject") or ""
    addresses = read_raw_address_headers(message)
    from_name, from_addr, sender_defects = _author(addresses)
    return_path = parse_return_path(first_header(addresses, "return-path"))
    html = sanitize_html("\n".join(walk.htmls)) if walk.htmls else None
    own_text = _choose_text(walk.plains, html)
    text = _with_attached(own_text, walk.attached)
    visible, quoted, signature = split_reply(text)
    defects = sender_defects + _header_defects(headers, from_addr) + walk.defects
    return ParsedMail(
        message_id=parse_message_id(first_header(headers, "message-id")),
        subject=subject[:2000],
        from_addr=from_addr,
        from_name=from_name[:200],
        to=address_specs_from_raw(all_headers(addresses, "to")),
        cc=address_specs_from_raw(all_headers(addresses, "cc")),
        reply_to=address_specs_from_raw(all_headers(addresses, "reply-to")),
        return_path=return_path,
        date=parse_date(first_header(headers, "date")),
        in_reply_to=parse_message_ids(first_header(headers, "in-reply-to")),
        references=parse_message_ids(" ".join(all_headers(headers, "references"))),
        headers=headers,
        text=text,
        html=html,
        visible_text=visible,
        quoted_text=quoted,
        signature=signature,
        attachments=tuple(walk.attachments),
        nested_messages=tuple(walk.nested),
        delivery_report=_delivery_report(message, from_addr, subject, return_path, own_text),
        defects=_bounded_defects(defects),
        unparseable=_is_unparseable(headers, text, walk, raw),
        incomplete=walk.cut or len(text) >= MAX_TEXT_CHARS,
    )


def _with_attached(text: str, attached: list[str]) -> str:
    """The sender's text, then each attached message's (after a marker ``split_reply`` takes
    for the start of history): the agent reads them, the guard redacts them, and triage
    keeps to the sender's own words."""
    if not attached:
        return text
    return "\n\n".join([text, *attached] if text.strip() else attached)[:MAX_TEXT_CHARS]


def _author(addresses: tuple[tuple[str, str], ...]) -> tuple[str, str, list[str]]:
    """(display name, address, defects) of the From field's one author; empty when it has none.

    A From naming several different addresses gives no author rather than its first one:
    the desk then falls back to the envelope sender, as for a missing From.
    """
    mailboxes = addresses_from_raw(all_headers(addresses, "from"))
    author = sole_author(mailboxes)
    if author is not None:
        return author[0], author[1], []
    if not mailboxes:
        return "", "", []
    count = len({addr for _, addr in mailboxes})
    return "", "", [f"From names {count} different addresses; none is taken as the sender"]


def _choose_text(plains: list[str], html: str | None) -> str:
    """text/plain when the sender wrote one, else the HTML rendered to text."""
    own = [p for p in plains if p.strip()]
    if own:
        return "\n\n".join(own)[:MAX_TEXT_CHARS]
    return sanitized_html_to_text(html) if html else ""


def _delivery_report(message: Message, from_addr: str, subject: str, return_path: str | None, text: str) -> DeliveryReport | None:
    """The report of a bounce: ``standard`` for an RFC 3464 one, else read from a guess (see ``dsn``)."""
    try:
        if content_type_of(message) == "multipart/report":
            report = read_standard_report(message)
            if report is not None:
                return report
            if declares_delivery_status(message):
                return read_informal_report(text, subject, returned_id=_returned_id(message), standard=True)
    except Exception:  # noqa: BLE001 - a broken report falls through to the informal reader
        pass
    if looks_like_bounce(from_addr, subject, return_path) or _is_report_type(message):
        return read_informal_report(text, subject, returned_id=_returned_id(message))
    return None


def _returned_id(message: Message) -> str | None:
    try:
        return returned_message_id(message)
    except Exception:  # noqa: BLE001 - a broken returned copy leaves the text to read
        return None


def _is_report_type(message: Message) -> bool:
    try:
        return content_type_of(message) == "multipart/report"
    except Exception:  # noqa: BLE001
        return False


def _header_defects(headers: tuple[tuple[str, str], ...], from_addr: str) -> list[str]:
    found = []
    if not from_addr:
        found.append("missing or invalid From header")
    if first_header(headers, "message-id") is None:
        found.append("missing Message-ID header")
    date = first_header(headers, "date")
    if date is None:
        found.append("missing Date header")
    elif parse_date(date) is None:
        found.append("invalid Date header")
    return found


def _bounded_defects(defects: list[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(defects))
    if len(unique) > MAX_DEFECTS:
        unique = unique[:MAX_DEFECTS - 1] + [f"... and {len(unique) - MAX_DEFECTS + 1} more defects"]
    return tuple(unique)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    return len(_BINARY_BYTES_RE.findall(sample)) > 0.05 * len(sample)


def _is_unparseable(headers: tuple[tuple[str, str], ...], text: str, walk: MimeWalk, raw: bytes) -> bool:
    """Nothing a person could read: no recognisable header and no readable content."""
    if any(name in _KNOWN_HEADERS for name, _ in headers):
        return False
    return not text.strip() and not walk.attachments or _looks_binary(raw)


def _empty_mail(defects: tuple[str, ...], text: str = "", headers: tuple[tuple[str, str], ...] = ()) -> ParsedMail:
    return ParsedMail(
        message_id=None, subject="", from_addr="", from_name="", to=(), cc=(), reply_to=(),
        return_path=None, date=None, in_reply_to=(), references=(), headers=headers, text=text,
        html=None, visible_text=text, quoted_text="", signature="", attachments=(), nested_messages=(),
        delivery_report=None, defects=defects, unparseable=not text.strip(),
    )


def _salvage(raw: bytes, reason: str) -> ParsedMail:
    """Last resort after an unexpected failure: the bytes as text, nothing structured."""
    try:
        text = raw[:MAX_TEXT_CHARS].decode("utf-8", errors="replace").replace("\x00", "")
    except Exception:  # noqa: BLE001
        text = ""
    return _empty_mail((reason,), text=text)
