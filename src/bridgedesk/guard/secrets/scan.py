"""Guard a whole inbound message: subject, text, HTML and attachments, before anything is stored.

The result holds only redacted content plus a report of *what kind* of secret was removed and
*where* — never the value — so the desk can warn the user, tag the ticket and show agents a
banner without ever holding the secret itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.guard.secrets.attachments import decode_text, is_html, is_image, is_text_like
from bridgedesk.guard.secrets.detect import find_secrets
from bridgedesk.guard.secrets.findings import Finding, merge_overlaps
from bridgedesk.guard.secrets.html_redact import redact_html
from bridgedesk.guard.secrets.ocr import OcrFailed, ocr_available, read_image_text
from bridgedesk.guard.secrets.redact import redact

_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff：]) (?=[\u3400-\u9fff：:])")
SECRET_IN_IMAGE = "secret_in_image"
OCR_FAILED = "ocr_failed"
OCR_CHECKED = "checked"
OCR_NOT_INSTALLED = "not_installed"
OCR_NOT_NEEDED = "not_needed"
OCR_DISABLED = "disabled"


@dataclass(frozen=True)
class GuardedAttachment:
    filename: str
    content_type: str
    data: bytes
    quarantine_reason: str | None


@dataclass(frozen=True)
class SecretReport:
    """What kind of secret was removed and from where ("subject", "text", "html", "attachment:<name>")."""

    type: str
    location: str


@dataclass(frozen=True)
class GuardResult:
    subject: str
    text: str
    html: str | None
    attachments: tuple[GuardedAttachment, ...]
    secrets: tuple[SecretReport, ...]
    ocr: str

    @property
    def secret_types(self) -> tuple[str, ...]:
        """Each secret type once, in the order first found."""
        return tuple(dict.fromkeys(report.type for report in self.secrets))


def guard_message(
    *,
    subject: str,
    text: str,
    html: str | None,
    attachments: Sequence[tuple[str, str, bytes]],
    ocr: bool = True,
) -> GuardResult:
    """Redact every secret in the message; quarantine images that show one."""
    reports: list[SecretReport] = []
    safe_subject = _redact_plain(subject, "subject", reports)
    safe_text = _redact_plain(text, "text", reports)
    safe_html = _redact_markup(html, "html", reports) if html is not None else None
    use_ocr = ocr and ocr_available()
    guarded = tuple(_guard_attachment(name, kind, data, use_ocr, reports) for name, kind, data in attachments)
    status = _ocr_status(attachments, requested=ocr, available=use_ocr)
    return GuardResult(safe_subject, safe_text, safe_html, guarded, tuple(dict.fromkeys(reports)), status)


def _record(findings: Sequence[Finding], location: str, reports: list[SecretReport]) -> None:
    reports.extend(SecretReport(finding.type, location) for finding in findings)


def _redact_plain(value: str, location: str, reports: list[SecretReport]) -> str:
    findings = find_secrets(value)
    _record(findings, location, reports)
    return redact(value, findings) if findings else value


def _redact_markup(markup: str, location: str, reports: list[SecretReport]) -> str:
    safe, findings = redact_html(markup, find_secrets)
    _record(findings, location, reports)
    return safe


def _guard_attachment(
    filename: str, content_type: str, data: bytes, use_ocr: bool, reports: list[SecretReport]
) -> GuardedAttachment:
    location = f"attachment:{filename}"
    if is_image(filename, content_type):
        reason = _check_image(data, location, reports) if use_ocr else None
        return GuardedAttachment(filename, content_type, data, reason)
    if is_text_like(filename, content_type, data):
        text, codec = decode_text(data)
        if is_html(filename, content_type):
            safe = _redact_markup(text, location, reports)
        else:
            safe = _redact_plain(text, location, reports)
        return GuardedAttachment(filename, content_type, safe.encode(codec) if safe != text else data, None)
    return GuardedAttachment(filename, content_type, data, None)


def _check_image(data: bytes, location: str, reports: list[SecretReport]) -> str | None:
    """Quarantine reason for an image: it shows a secret, or it could not be read at all."""
    try:
        seen = read_image_text(data)
    except OcrFailed:
        return OCR_FAILED
    findings = find_secrets(seen) + find_secrets(_join_cjk(seen))
    _record(merge_overlaps(findings), location, reports)
    return SECRET_IN_IMAGE if findings else None


def _join_cjk(seen: str) -> str:
    """OCR puts a space between Chinese characters ("密 码 是"); read it both ways."""
    return _CJK_GAP.sub("", seen)


def _ocr_status(attachments: Sequence[tuple[str, str, bytes]], *, requested: bool, available: bool) -> str:
    if not any(is_image(name, kind) for name, kind, _ in attachments):
        return OCR_NOT_NEEDED
    if not requested:
        return OCR_DISABLED
    return OCR_CHECKED if available else OCR_NOT_INSTALLED
