"""Build outgoing RFC 5322 messages: UTF-8 safe, threaded, and marked when automatic.

Auto-replies carry ``Auto-Submitted: auto-replied`` (RFC 3834) and Microsoft's
``X-Auto-Response-Suppress: All`` so that other robots don't answer them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

MAX_REFERENCES = 20
_KEEP_FIRST = 1
_KEEP_LAST = 10
_SMTP = policy.SMTP.clone(max_line_length=78)
_FORBIDDEN_EXTRA = frozenset({
    "from", "to", "subject", "date", "message-id", "in-reply-to", "references", "auto-submitted",
    "x-auto-response-suppress", "mime-version", "content-type", "content-transfer-encoding",
})


@dataclass(frozen=True)
class OutgoingMail:
    from_addr: str
    from_name: str
    to: str
    subject: str
    text: str
    html: str | None
    message_id: str                   # without <>
    in_reply_to: str | None           # without <>
    references: tuple[str, ...]       # without <>, oldest first
    auto_submitted: bool
    extra_headers: tuple[tuple[str, str], ...] = ()


def bound_references(references: tuple[str, ...]) -> tuple[str, ...]:
    """Keep the thread root and the latest replies: enough for threading, bounded in size."""
    ids = tuple(dict.fromkeys(r.strip().strip("<>") for r in references if r and r.strip()))
    if len(ids) <= _KEEP_FIRST + _KEEP_LAST:
        return ids
    return ids[:_KEEP_FIRST] + ids[-_KEEP_LAST:]


def _single_line(value: str) -> str:
    """Header values must not smuggle new headers in through CR/LF."""
    return " ".join((value or "").split())


def _set_addresses(message: EmailMessage, mail: OutgoingMail) -> None:
    message["From"] = formataddr((_single_line(mail.from_name), _single_line(mail.from_addr)))
    message["To"] = _single_line(mail.to)


def _set_threading(message: EmailMessage, mail: OutgoingMail) -> None:
    message["Message-ID"] = f"<{_single_line(mail.message_id).strip('<>')}>"
    if mail.in_reply_to:
        message["In-Reply-To"] = f"<{_single_line(mail.in_reply_to).strip('<>')}>"
    references = bound_references(mail.references)
    if references:
        message["References"] = " ".join(f"<{_single_line(r)}>" for r in references)


def _set_extra(message: EmailMessage, mail: OutgoingMail) -> None:
    for name, value in mail.extra_headers:
        clean_name = _single_line(name).replace(":", "")
        if clean_name and clean_name.lower() not in _FORBIDDEN_EXTRA:
            message[clean_name] = _single_line(value)


def _transfer_encoding(body: str) -> str:
    """7bit for ASCII; base64 otherwise, so relays without 8BITMIME never mangle Chinese."""
    return "7bit" if body.isascii() and all(len(line) <= 998 for line in body.splitlines()) else "base64"


def build_message(mail: OutgoingMail) -> bytes:
    """Serialise with CRLF line ends; multipart/alternative when an HTML body is given."""
    message = EmailMessage(policy=_SMTP)
    _set_addresses(message, mail)
    message["Subject"] = _single_line(mail.subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    _set_threading(message, mail)
    if mail.auto_submitted:
        message["Auto-Submitted"] = "auto-replied"
        message["X-Auto-Response-Suppress"] = "All"
    _set_extra(message, mail)
    message.set_content(mail.text or "", charset="utf-8", cte=_transfer_encoding(mail.text or ""))
    if mail.html:
        message.add_alternative(mail.html, subtype="html", charset="utf-8", cte=_transfer_encoding(mail.html))
    return message.as_bytes(policy=_SMTP)
