"""Guard a whole inbound message: subject, text, HTML and attachments, before anything is stored.

The result holds only redacted content plus a report of *what kind* of secret was removed and
*where* — never the value — so the desk can warn the user, tag the ticket and show agents a
banner without ever holding the secret itself.

Text files are redacted in place. Files that carry text inside a binary format (PDF, Office and
OpenDocument files, archives) are read within bounds (:mod:`bridgedesk.guard.secrets.files`); one
that holds a secret is quarantined with ``secret_in_file`` and, like a picture that shows one
(``secret_in_image``), its bytes must not be kept (:attr:`GuardedAttachment.holds_secret`). One
that cannot be read whole is quarantined with the reason. File names are redacted like text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.guard.secrets.attachments import decode_text, is_html, is_image, is_text_like
from bridgedesk.guard.secrets.detect import find_secrets
from bridgedesk.guard.secrets.files import container_texts, is_container
from bridgedesk.guard.secrets.findings import Finding, merge_overlaps
from bridgedesk.guard.secrets.html_redact import redact_html
from bridgedesk.guard.secrets.ocr import OcrFailed, ocr_available, read_image_text
from bridgedesk.guard.secrets.redact import redact
from bridgedesk.mail.archives import CORRUPT, DEFAULT_LIMITS, ENCRYPTED, OVER_LIMITS, ReadBudget, ReadLimits, Unreadable

_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff：]) (?=[\u3400-\u9fff：:])")
# People join the words of a file name with these; as spaces (same length) the detectors see the words.
_NAME_JOINERS = str.maketrans("_.+~", "    ")
SECRET_IN_IMAGE = "secret_in_image"
SECRET_IN_FILE = "secret_in_file"
FILE_ENCRYPTED = "encrypted_file"
FILE_TOO_LARGE = "too_large_to_check"
FILE_UNREADABLE = "unreadable_file"
_UNREADABLE_REASONS = {ENCRYPTED: FILE_ENCRYPTED, OVER_LIMITS: FILE_TOO_LARGE, CORRUPT: FILE_UNREADABLE}
# A secret the guard cannot cut out of the file: the bytes themselves must never be stored.
BYTES_NOT_KEPT = frozenset({SECRET_IN_IMAGE, SECRET_IN_FILE})
# Long texts are scanned in windows, so the time bound is looked at between them; the overlap
# is far longer than any phrase or key, so nothing is missed at a window's edge.
_SCAN_WINDOW = 1_000_000
_SCAN_OVERLAP = 8_192
_RAW_SCAN_CHARS = 2_000_000
OCR_FAILED = "ocr_failed"
OCR_CHECKED = "checked"
OCR_NOT_INSTALLED = "not_installed"
OCR_NOT_NEEDED = "not_needed"
OCR_DISABLED = "disabled"


@dataclass(frozen=True)
class GuardedAttachment:
    filename: str              # as sent, with any secret in it redacted
    content_type: str
    data: bytes
    quarantine_reason: str | None

    @property
    def holds_secret(self) -> bool:
        """The bytes show a secret the guard could not cut out: store the row, never the bytes."""
        return self.quarantine_reason in BYTES_NOT_KEPT


def quarantine_verdict(mail_reason: str | None, guarded: GuardedAttachment) -> str:
    """The one reason stored for an attachment ("" when none).

    A secret inside wins, because its bytes are dropped; otherwise the mail layer's verdict on
    programs names the graver danger; otherwise the guard's (unreadable, OCR failed).
    """
    if guarded.holds_secret:
        return guarded.quarantine_reason or ""
    return mail_reason or guarded.quarantine_reason or ""


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
    limits: ReadLimits = DEFAULT_LIMITS,
) -> GuardResult:
    """Redact every secret in the message; quarantine images and documents that show one."""
    reports: list[SecretReport] = []
    safe_subject = _redact_plain(subject, "subject", reports)
    safe_text = _redact_plain(text, "text", reports)
    safe_html = _redact_markup(html, "html", reports) if html is not None else None
    use_ocr = ocr and ocr_available()
    guarded = tuple(_guard_attachment(name, kind, data, use_ocr, reports, limits) for name, kind, data in attachments)
    status = _ocr_status(attachments, requested=ocr, available=use_ocr)
    return GuardResult(safe_subject, safe_text, safe_html, guarded, tuple(dict.fromkeys(reports)), status)


def guard_text(text: str, location: str) -> tuple[str, tuple[SecretReport, ...]]:
    """Redact free text that is not a mail (an agent's internal note): the safe text and what was removed."""
    reports: list[SecretReport] = []
    safe = _redact_plain(text, location, reports)
    return safe, tuple(dict.fromkeys(reports))


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
    filename: str, content_type: str, data: bytes, use_ocr: bool, reports: list[SecretReport], limits: ReadLimits
) -> GuardedAttachment:
    safe_name = _redact_name(filename, reports)
    location = f"attachment:{safe_name}"
    if is_container(filename, content_type, data):
        return GuardedAttachment(safe_name, content_type, data, _check_container(filename, data, location, reports, limits))
    if is_image(filename, content_type):
        reason = _check_image(data, location, reports) if use_ocr else None
        return GuardedAttachment(safe_name, content_type, data, reason)
    if is_text_like(filename, content_type, data):
        text, codec = decode_text(data)
        if is_html(filename, content_type):
            safe = _redact_markup(text, location, reports)
        else:
            safe = _redact_plain(text, location, reports)
        return GuardedAttachment(safe_name, content_type, safe.encode(codec) if safe != text else data, None)
    return GuardedAttachment(safe_name, content_type, data, None)


def _redact_name(filename: str, reports: list[SecretReport]) -> str:
    """The file name with any secret in it redacted ("legal_winner_….txt" is a pasted phrase too)."""
    findings = find_secrets(filename.translate(_NAME_JOINERS))
    if not findings:
        return filename
    safe = redact(filename, findings)
    _record(findings, f"attachment:{safe}", reports)
    return safe


def _check_container(filename: str, data: bytes, location: str, reports: list[SecretReport], limits: ReadLimits) -> str | None:
    """Quarantine reason for a PDF, Office file or archive: it holds a secret, or it cannot be read whole."""
    budget = ReadBudget(limits)
    findings: list[Finding] = []
    try:
        for text in container_texts(filename, data, budget):
            findings += _scan_in_windows(text, budget)
    except Unreadable as problem:
        findings += _scan_raw(data)   # what cannot be parsed may still hold a pasted secret in plain bytes
        _record(findings, location, reports)
        return SECRET_IN_FILE if findings else _UNREADABLE_REASONS[problem.kind]
    _record(findings, location, reports)
    return SECRET_IN_FILE if findings else None


def _scan_in_windows(text: str, budget: ReadBudget) -> list[Finding]:
    """Findings in ``text``, the clock read between windows (spans are relative to their window: only types are reported)."""
    if len(text) <= _SCAN_WINDOW:
        findings = find_secrets(text)
        budget.check_time()
        return findings
    findings = []
    for start in range(0, len(text), _SCAN_WINDOW):
        findings += find_secrets(text[start:start + _SCAN_WINDOW + _SCAN_OVERLAP])
        budget.check_time()
    return findings


def _scan_raw(data: bytes) -> list[Finding]:
    text, _ = decode_text(data[:_RAW_SCAN_CHARS])
    return find_secrets(text)


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
