"""Bounces: RFC 3464 delivery status notifications and the common non-standard ones.

A bounce must never become a customer ticket nor get an auto-reply (that is how mail loops
start); instead it tells the desk which of its own messages failed and why. But a sender
called postmaster@ or an empty Return-Path is only a guess: a person may write that way.
So a report read from such a guess is not ``standard``, and it counts as a bounce only when
it names one of our own messages (``bounced_message_ids``); otherwise it is a person's mail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import Message
from email.parser import HeaderParser

from bridgedesk.mail.headers import parse_message_id
from bridgedesk.mail.textcodec import decode_8bit_header, decode_header_value

_BOUNCE_SENDER_RE = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.IGNORECASE)
_BOUNCE_SUBJECT_RE = re.compile(
    r"undeliver|undelivered mail|delivery status notification|delivery (?:has )?fail|"
    r"mail delivery (?:failed|subsystem)|returned mail|failure notice|delivery failure|"
    r"could not be delivered|non[- ]?delivery|退信|投递失败|发送失败|未能送达|無法傳遞|配信エラー",
    re.IGNORECASE,
)
_STATUS_RE = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_SMTP_CODE_RE = re.compile(r"\b([45]\d\d)[ -]")
_RECIPIENT_RE = re.compile(r"<?([A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24})>?")
_FINAL_RECIPIENT_RE = re.compile(r"(?:final|original)-recipient:\s*(?:rfc822;)?\s*(\S+)", re.IGNORECASE)
_MESSAGE_ID_LINE_RE = re.compile(r"^\s*message-id:\s*(<[^>\n]{1,990}>)", re.IGNORECASE | re.MULTILINE)
_DELAY_RE = re.compile(r"delay|will retry|still trying|延迟", re.IGNORECASE)
_MAX_SCAN = 200_000
_RETURNED_TYPES = ("message/rfc822", "text/rfc822-headers")
_RETURNED_SCAN_PARTS = 50    # parts looked at for a returned copy in a non-standard bounce


@dataclass(frozen=True)
class DeliveryReport:
    original_message_id: str | None
    recipient: str | None
    action: str          # failed, delayed, delivered, relayed, expanded
    status: str          # RFC 3463 code such as "5.1.1", or "" when unknown
    diagnostic: str
    # An RFC 3464 report (multipart/report of delivery-status): surely a bounce. Else read from a
    # guess (sender, subject), which a person's mail can match too.
    standard: bool = False


def _raw_field(block: Message, name: str) -> str | None:
    wanted = name.lower()
    return next((raw for key, raw in block.raw_items() if key.lower() == wanted), None)


def _field(block: Message, name: str) -> str:
    """A header decoded by us from its raw value (the parse uses compat32: no header objects)."""
    value = _raw_field(block, name)
    return decode_header_value(value) if value is not None else ""


def _recipient_field(block: Message, name: str) -> str:
    """Final-/Original-Recipient: an address type and an address, where RFC 2047 has no place.

    Its encoded-words stay as written, so a crafted report can't name a recipient in base64.
    """
    value = _raw_field(block, name)
    return decode_8bit_header(value) if value is not None else ""


def _strip_type(value: str) -> str:
    """"rfc822; user@example.com" -> "user@example.com"."""
    return value.split(";", 1)[-1].strip().strip("<>").lower()


def _original_id_from_part(part: Message) -> str | None:
    """Message-ID of the returned message (message/rfc822) or its headers (text/rfc822-headers)."""
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        return parse_message_id(_field(payload[0], "Message-ID") or None)
    if isinstance(payload, str):
        return parse_message_id(HeaderParser().parsestr(payload[:_MAX_SCAN], headersonly=True).get("Message-ID"))
    return None


def _recipient_blocks(status_part: Message) -> list[Message]:
    payload = status_part.get_payload()
    if not isinstance(payload, list):
        return []
    blocks = [b for b in payload if isinstance(b, Message)]
    return [b for b in blocks[1:] if b.get("Action") or b.get("Final-Recipient")] or blocks[1:]


def _report_from_status_part(status_part: Message, original_id: str | None) -> DeliveryReport | None:
    blocks = _recipient_blocks(status_part)
    if not blocks:
        return None
    chosen = next((b for b in blocks if _field(b, "Action").lower() == "failed"), blocks[0])
    recipient = _recipient_field(chosen, "Final-Recipient") or _recipient_field(chosen, "Original-Recipient")
    return DeliveryReport(
        original_message_id=original_id,
        recipient=_strip_type(recipient) or None,
        action=_field(chosen, "Action").lower() or "failed",
        status=_field(chosen, "Status"),
        diagnostic=_field(chosen, "Diagnostic-Code")[:2000],
        standard=True,
    )


def read_standard_report(message: Message) -> DeliveryReport | None:
    """RFC 3464: multipart/report with a message/delivery-status part."""
    payload = message.get_payload()
    if not isinstance(payload, list):
        return None
    status_part = next((p for p in payload if isinstance(p, Message) and p.get_content_type() == "message/delivery-status"), None)
    if status_part is None:
        return None
    original = next(
        (p for p in payload if isinstance(p, Message) and p.get_content_type() in ("message/rfc822", "text/rfc822-headers")),
        None,
    )
    original_id = _original_id_from_part(original) if original is not None else None
    return _report_from_status_part(status_part, original_id)


def declares_delivery_status(message: Message) -> bool:
    """``multipart/report; report-type=delivery-status`` (RFC 3464 s2), whatever its parts hold."""
    value = message.get_param("report-type")
    return isinstance(value, str) and value.strip().lower() == "delivery-status"


def returned_message_id(message: Message) -> str | None:
    """Message-ID of the message a non-standard bounce returns: an attached copy or its headers.

    Exchange and others attach the returned message (message/rfc822) without any
    delivery-status part; looked for in the top two levels, outermost first.
    """
    level = _subparts(message)
    for _ in range(2):
        for part in level:
            if part.get_content_type() in _RETURNED_TYPES and (found := _original_id_from_part(part)):
                return found
        level = [child for part in level if part.get_content_type() not in _RETURNED_TYPES for child in _subparts(part)]
    return None


def _subparts(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload[:_RETURNED_SCAN_PARTS] if isinstance(p, Message)] if isinstance(payload, list) else []


def bounced_message_ids(report: DeliveryReport, *, subject: str, references: Sequence[str]) -> list[str]:
    """The Message-IDs that may name the message a bounce returns, strongest first.

    The returned copy (or its Message-ID quoted in the text) always counts. References count
    only for a standard report or a bounce-like subject: a person writing from postmaster@
    who answers our reply references it too, and is a person, not a bounce.
    """
    ids = [report.original_message_id] if report.original_message_id else []
    if report.standard or _BOUNCE_SUBJECT_RE.search(subject):
        ids += [i for i in references if i not in ids]
    return ids


def looks_like_bounce(from_addr: str, subject: str, return_path: str | None) -> bool:
    """Non-standard bounces come from the mailer daemon with a recognisable subject."""
    if _BOUNCE_SENDER_RE.match(from_addr):
        return True
    return return_path == "" and bool(_BOUNCE_SUBJECT_RE.search(subject))


def read_informal_report(text: str, subject: str, *, returned_id: str | None = None, standard: bool = False) -> DeliveryReport:
    """Best effort on a free-text bounce (qmail "failure notice", Exchange NDR, Coremail 退信).

    ``returned_id``: the Message-ID of a returned copy (``returned_message_id``), stronger than
    one quoted in the text. ``standard``: declared a delivery-status report, unreadable as one.
    """
    scan = text[:_MAX_SCAN]
    final = _FINAL_RECIPIENT_RE.search(scan)
    recipient_match = final or _RECIPIENT_RE.search(scan)
    status = _STATUS_RE.search(scan)
    code = _SMTP_CODE_RE.search(scan)
    message_id = _MESSAGE_ID_LINE_RE.search(scan)
    diagnostic = next((line.strip() for line in scan.splitlines() if _STATUS_RE.search(line) or _SMTP_CODE_RE.search(line)), "")
    return DeliveryReport(
        original_message_id=returned_id or (parse_message_id(message_id.group(1)) if message_id else None),
        recipient=recipient_match.group(1).strip("<>;").lower() if recipient_match else None,
        action="delayed" if _DELAY_RE.search(subject) else "failed",
        status=status.group(1) if status else (code.group(1) if code else ""),
        diagnostic=diagnostic[:2000],
        standard=standard,
    )
