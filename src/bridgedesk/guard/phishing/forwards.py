"""Find the message a user reports: attached message, attached .eml, or inline forward.

A phishing report is only useful if we analyse the *phish*, not the reporter's covering
note. An attached message keeps its real headers (Authentication-Results, Return-Path);
an inline forward keeps only what the client chose to copy, so it is the last resort.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from bridgedesk.guard.phishing.forward_inline import find_inline_forward
from bridgedesk.guard.phishing.forward_links import extract_html_links, extract_text_urls, merge_links, raw_html_parts
from bridgedesk.mail.attachments import MailAttachment
from bridgedesk.mail.parse import ParsedMail, parse_message

_EML_TYPES = ("message/rfc822", "message/global")
_BASE64_RE = re.compile(rb"[A-Za-z0-9+/=\s]+")


@dataclass(frozen=True)
class ReportedMessage:
    from_addr: str
    from_name: str
    reply_to: tuple[str, ...]
    return_path: str | None
    subject: str
    text: str
    html: str | None                           # sanitised, for display
    headers: tuple[tuple[str, str], ...]
    links: tuple[tuple[str, str], ...]         # (visible text, href), from the raw HTML and the text
    attachments: tuple[tuple[str, str], ...]   # (file name, declared content type)
    source: str                                # "attached_rfc822" | "attached_eml" | "inline_forward"


def find_reported_message(parsed: ParsedMail) -> ReportedMessage | None:
    """The reported message inside a report, or None when the report carries none."""
    if parsed.nested_messages:
        return reported_from_raw(_undo_base64(parsed.nested_messages[0]), source="attached_rfc822")
    for attachment in parsed.attachments:
        if _is_eml(attachment):
            return reported_from_raw(attachment.data, source="attached_eml")
    return _from_inline(parsed)


def _undo_base64(raw: bytes) -> bytes:
    """Some clients base64-encode an attached message (RFC 2046 forbids it): decode it back."""
    head = raw.lstrip()[:200]
    if b":" in head.split(b"\n", 1)[0] or not _BASE64_RE.fullmatch(raw.strip()):
        return raw
    try:
        decoded = base64.b64decode(b"".join(raw.split()), validate=True)
    except (binascii.Error, ValueError):
        return raw
    return decoded if b":" in decoded.split(b"\n", 1)[0] else raw


def _is_eml(attachment: MailAttachment) -> bool:
    return attachment.filename.lower().endswith(".eml") or attachment.declared_type.lower() in _EML_TYPES


def reported_from_raw(raw: bytes, *, source: str = "attached_rfc822") -> ReportedMessage:
    """Treat raw bytes as the reported message itself (also used to analyse corpora)."""
    parsed = parse_message(raw)
    raw_html = raw_html_parts(raw)
    links = merge_links(extract_html_links(raw_html), extract_text_urls(parsed.text))
    return ReportedMessage(
        from_addr=parsed.from_addr, from_name=parsed.from_name, reply_to=parsed.reply_to,
        return_path=parsed.return_path, subject=parsed.subject, text=parsed.text, html=parsed.html,
        headers=parsed.headers, links=links,
        attachments=tuple((a.filename, a.declared_type) for a in parsed.attachments),
        source=source,
    )


def _from_inline(parsed: ParsedMail) -> ReportedMessage | None:
    forward = find_inline_forward(parsed.text)
    if forward is None:
        return None
    html_links = extract_html_links(parsed.html) if parsed.html else []   # raw HTML is not kept for inline forwards
    links = merge_links(html_links, extract_text_urls(forward.body))
    return ReportedMessage(
        from_addr=forward.from_addr, from_name=forward.from_name, reply_to=(), return_path=None,
        subject=forward.subject, text=forward.body, html=None, headers=forward.headers, links=links,
        attachments=tuple((a.filename, a.declared_type) for a in parsed.attachments),
        source="inline_forward",
    )
