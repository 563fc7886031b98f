"""Exchange API credentials pasted as key/value text, JSON, code or curl headers.

The label decides the type (``secret`` → api_secret, ``passphrase`` → passphrase, anything with
``key`` → api_key); the value must look machine-made (long, letters and digits mixed, or UUID
form) so prose such as "my API key is not working" is never redacted.
"""

from __future__ import annotations

import re

from bridgedesk.guard.secrets.findings import Finding
from bridgedesk.guard.secrets.triggers import cue_windows

DETECTOR = "api_credential"
_LABEL = (
    r"(?P<label>x-mbx-apikey|ok-access-(?:key|passphrase)|x-bapi-api-key|x-mexc-apikey|"
    r"kc-api-(?:key|passphrase)|x-bitget-(?:apikey|passphrase)|"
    r"api[ _\-]?(?:secret|passphrase|key)|secret[ _\-]?key|access[ _\-]?key|client[ _\-]?secret|"
    r"private[ _\-]?api[ _\-]?key|apikey|secret|passphrase|pass[ _\-]?phrase|"
    r"api\s*密钥|密钥|秘钥|安全密钥)"
)
_CREDENTIAL = re.compile(
    _LABEL
    + r"(?P<sep>[\"']?\s*(?:[:=：]|=>|is|为|是)\s*[\"']?|[\"']?\s*,\s*[\"']|\s+)"
    + r"(?P<value>[A-Za-z0-9+/=_\-.~!@#$%^*]{6,200})",
    re.IGNORECASE,
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_CUES = ("key", "secret", "passphrase", "pass phrase", "密钥", "秘钥")
_LABEL_REACH = 30
_VALUE_REACH = 230
_MIN_KEY_LENGTH = 16
_MIN_PASSPHRASE_LENGTH = 6


def find_credentials(text: str) -> list[Finding]:
    """API keys, secrets and passphrases that follow a credential label."""
    findings: dict[int, Finding] = {}
    for start, end in cue_windows(text.lower(), _CUES, _LABEL_REACH, _VALUE_REACH):
        for match in _CREDENTIAL.finditer(text, start, end):
            finding = _judge(match)
            if finding is not None:
                findings.setdefault(finding.start, finding)
    return list(findings.values())


def _judge(match: re.Match[str]) -> Finding | None:
    secret_type = _type_of(match.group("label"))
    value = match.group("value").rstrip(".-")
    if not _looks_like_value(secret_type, value):
        return None
    start = match.start("value")
    confidence = 0.95 if _UUID.fullmatch(value) else 0.85
    return Finding(secret_type, start, start + len(value), confidence, DETECTOR)


def _type_of(label: str) -> str:
    lowered = label.lower()
    if "passphrase" in lowered or "pass phrase" in lowered:
        return "passphrase"
    if "secret" in lowered or lowered in {"密钥", "秘钥", "安全密钥"}:
        return "api_secret"
    return "api_key"


def _looks_like_value(secret_type: str, value: str) -> bool:
    """Machine-made: UUID, or long with both letters and digits; passphrases may be shorter."""
    if _UUID.fullmatch(value):
        return True
    has_letter = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    minimum = _MIN_PASSPHRASE_LENGTH if secret_type == "passphrase" else _MIN_KEY_LENGTH
    return len(value) >= minimum and has_letter and has_digit
