"""Walk a parsed MIME tree once, sorting every leaf into body text, HTML or attachment.

Bounded: parts beyond ``max_parts`` and multiparts deeper than ``max_depth`` are skipped
with a defect and ``cut`` set, so the desk can tell the agent that part of the message is
not shown. Attached messages are kept as bytes (first level only) for the phishing
analysis, and rendered as text (their own headers and body, ``attached``) for the agent to
read after the customer's words, never mixed into them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message

from bridgedesk.mail.attachments import MailAttachment, quarantine_reason, sanitize_filename, sniff_type
from bridgedesk.mail.headers import parse_message_id
from bridgedesk.mail.htmltext import sanitize_html, sanitized_html_to_text
from bridgedesk.mail.textcodec import decode_bytes, decode_header_value

_CAMEL_RE = re.compile(r"(?<!^)(?=[A-Z])")
_NESTED_TYPES = ("message/rfc822", "message/global")
MAX_BODY_BYTES = 8 * 1024 * 1024
_TYPE_RE = re.compile(r"^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$")
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)
# How an attached message starts in the text; mail/quotes.py reads it as the start of history.
ATTACHED_MARKER = "---------- Attached message ----------"
_ATTACHED_HEADERS = ("From", "To", "Cc", "Date", "Subject")


@dataclass
class MimeWalk:
    """Limits for one walk and what it has collected so far."""
    marker: str
    blobs: list[bytes]
    max_attachment_bytes: int
    max_depth: int
    max_parts: int
    defects: list[str]
    plains: list[str] = field(default_factory=list)
    htmls: list[str] = field(default_factory=list)
    attachments: list[MailAttachment] = field(default_factory=list)
    nested: list[bytes] = field(default_factory=list)
    attached: list[str] = field(default_factory=list)   # attached messages as text: headers, then body
    parts: int = 0
    cut: bool = False      # something was left out (depth, part count, size): not all of it can be shown
    keep_bytes: bool = True   # False while reading inside an attached message (see ``_render_attached``)


def walk_message(message: Message, walk: MimeWalk) -> None:
    _visit(message, 0, walk)


def _raw_header(part: Message, name: str) -> str | None:
    """First raw value of a header, bypassing the structured-header machinery."""
    for key, value in part.raw_items():
        if key.lower() == name:
            return decode_header_value(value)
    return None


def content_type_of(part: Message) -> str:
    """Lowercase type/subtype from the raw header (RFC 2045 defaults when absent or invalid).

    Read directly: the structured-header machinery costs more than the rest of the walk.
    """
    raw = _raw_header(part, "content-type")
    value = raw.split(";", 1)[0].strip().lower() if raw else ""
    if value.count("/") != 1 or not _TYPE_RE.match(value):
        return part.get_default_type()
    return value


def charset_of(part: Message) -> str | None:
    raw = _raw_header(part, "content-type") or ""
    match = _CHARSET_RE.search(raw)
    return match.group(1).lower() if match else None


_content_type = content_type_of


def _record_stdlib_defects(part: Message, walk: MimeWalk) -> None:
    for defect in getattr(part, "defects", [])[:20]:
        name = type(defect).__name__.removesuffix("Defect")
        walk.defects.append(_CAMEL_RE.sub(" ", name).lower())


def _visit(part: Message, depth: int, walk: MimeWalk) -> None:
    walk.parts += 1
    if walk.parts > walk.max_parts:
        if walk.parts == walk.max_parts + 1:
            walk.defects.append(f"more than {walk.max_parts} MIME parts; the rest were skipped")
        walk.cut = True
        return
    _record_stdlib_defects(part, walk)
    ctype = _content_type(part)
    if ctype in _NESTED_TYPES:
        _keep_nested(part, depth, walk)
    elif part.is_multipart():
        _visit_children(part, depth, walk)
    elif ctype.startswith("multipart/"):  # structure was not parsed: keep its bytes as text
        _collect_body(part, "text/plain", walk)
    elif not ctype.startswith("message/"):
        try:
            _visit_leaf(part, ctype, walk)
        except Exception as exc:  # noqa: BLE001 - one bad part must not lose the others
            walk.defects.append(f"unreadable {ctype} part ({type(exc).__name__})")


def _visit_children(part: Message, depth: int, walk: MimeWalk) -> None:
    if depth >= walk.max_depth:
        walk.defects.append(f"MIME nesting deeper than {walk.max_depth}; inner parts skipped")
        walk.cut = True
        return
    for child in part.get_payload():
        if isinstance(child, Message):
            _visit(child, depth + 1, walk)


def _nested_depth(part: Message, limit: int) -> int:
    """How many message/rfc822 layers sit inside one another (counted up to ``limit``)."""
    depth = 0
    current = part
    while depth <= limit and _content_type(current) in _NESTED_TYPES:
        payload = current.get_payload()
        if not (isinstance(payload, list) and payload and isinstance(payload[0], Message)):
            break
        depth += 1
        current = payload[0]
    return depth


def _keep_nested(part: Message, depth: int, walk: MimeWalk) -> None:
    """Store an attached message's bytes for later phishing analysis, and its text for the agent."""
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload and isinstance(payload[0], Message) else None
    if inner is None:
        walk.defects.append("empty attached message")
        return
    if _nested_depth(part, walk.max_depth) > walk.max_depth:
        walk.defects.append(f"attached messages nested deeper than {walk.max_depth}")
    _render_attached(inner, depth, walk)
    if not walk.keep_bytes:   # inside an attached message: the outer copy holds these bytes
        return
    try:
        data = inner.as_bytes()
    except Exception:  # noqa: BLE001 - the generator can fail on unencodable garbage
        data = inner.as_string().encode("utf-8", errors="replace")
    if len(data) > walk.max_attachment_bytes:
        walk.defects.append(f"attached message of {len(data)} bytes truncated")
        data = data[:walk.max_attachment_bytes]
    walk.nested.append(data)


def _render_attached(inner: Message, depth: int, walk: MimeWalk) -> None:
    """An attached message as the agent reads it: its own headers, then its text (and the
    messages it attaches in turn), within the same depth and part limits as the rest."""
    if depth >= walk.max_depth:
        walk.cut = True
        return
    sub = MimeWalk(marker=walk.marker, blobs=walk.blobs, max_attachment_bytes=walk.max_attachment_bytes,
                   max_depth=walk.max_depth, max_parts=walk.max_parts, defects=walk.defects, parts=walk.parts,
                   keep_bytes=False)   # its files stay inside it (in the outer copy's bytes), not the ticket's
    _visit(inner, depth + 1, sub)
    walk.parts, walk.cut = sub.parts, walk.cut or sub.cut
    headers = [f"{name}: {value}" for name in _ATTACHED_HEADERS if (value := _raw_header(inner, name.lower()))]
    own = [p for p in sub.plains if p.strip()]
    body = "\n\n".join(own) if own else (sanitized_html_to_text(sanitize_html("\n".join(sub.htmls))) if sub.htmls else "")
    walk.attached.append("\n".join([ATTACHED_MARKER, *headers, "", body.strip()]))
    walk.attached.extend(sub.attached)


def _disposition(part: Message) -> str | None:
    raw = _raw_header(part, "content-disposition")
    return raw.split(";", 1)[0].strip().lower() if raw else None


def _filename(part: Message) -> str:
    try:
        return sanitize_filename(decode_header_value(part.get_filename() or ""))
    except Exception:  # noqa: BLE001 - RFC 2231 parameters can be arbitrarily broken
        return ""


def _visit_leaf(part: Message, ctype: str, walk: MimeWalk) -> None:
    disposition = _disposition(part)
    filename = _filename(part)
    is_body = ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename
    if is_body:
        _collect_body(part, ctype, walk)
    else:
        _collect_attachment(part, ctype, disposition, filename, walk)


def decoded_payload(part: Message) -> bytes:
    """A leaf's transfer-decoded bytes (b"" for a multipart, where the stdlib gives None)."""
    payload = part.get_payload(decode=True)   # typeshed: Message | bytes | Any; decode=True gives bytes or None
    return payload if isinstance(payload, bytes) else b""


def _lifted_blob(part: Message, walk: MimeWalk) -> bytes | None:
    """Content that bigparts lifted out before parsing, if this part had any."""
    if not walk.blobs:
        return None
    marker = _raw_header(part, walk.marker)
    if marker is not None and marker.strip().isdigit() and int(marker) < len(walk.blobs):
        return walk.blobs[int(marker)]
    return None


def _collect_body(part: Message, ctype: str, walk: MimeWalk) -> None:
    data = _lifted_blob(part, walk)
    if data is None:
        data = decoded_payload(part)
    if len(data) > MAX_BODY_BYTES:
        walk.defects.append(f"{ctype} body of {len(data)} bytes truncated to {MAX_BODY_BYTES}")
        walk.cut = True
        data = data[:MAX_BODY_BYTES]
    text, defect = decode_bytes(data, charset_of(part))
    if defect:
        walk.defects.append(defect)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    (walk.htmls if ctype == "text/html" else walk.plains).append(text)


def _attachment_bytes(part: Message, walk: MimeWalk) -> bytes | None:
    """Decoded bytes, or None when larger than the limit (checked before decoding)."""
    blob = _lifted_blob(part, walk)
    if blob is not None:
        return blob if len(blob) <= walk.max_attachment_bytes else None
    encoded = part.get_payload()
    if isinstance(encoded, str) and len(encoded) * 3 // 4 > walk.max_attachment_bytes * 1.05:
        return None
    data = decoded_payload(part)
    return data if len(data) <= walk.max_attachment_bytes else None


def _collect_attachment(part: Message, ctype: str, disposition: str | None, filename: str, walk: MimeWalk) -> None:
    data = _attachment_bytes(part, walk)
    sniffed = sniff_type(data or b"")
    if data is None:
        walk.defects.append(f"attachment {filename or ctype!r} larger than {walk.max_attachment_bytes} bytes; content dropped")
        reason: str | None = "too-large"
    else:
        reason = quarantine_reason(filename, ctype, sniffed, data)
    content_id = parse_message_id(_raw_header(part, "content-id"))
    walk.attachments.append(MailAttachment(
        filename=filename,
        declared_type=ctype,
        sniffed_type=sniffed,
        data=data or b"",
        content_id=content_id,
        is_inline=disposition == "inline" or (disposition is None and content_id is not None),
        quarantine_reason=reason,
    ))
