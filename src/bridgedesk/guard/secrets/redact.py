"""Replace secret spans with visible markers, so agents see *that* something was removed."""

from __future__ import annotations

from collections.abc import Sequence

from bridgedesk.guard.secrets.findings import Finding, merge_overlaps


def redaction_marker(secret_type: str) -> str:
    """The text that stands where a secret was: ``[REDACTED:seed_phrase]``."""
    return f"[REDACTED:{secret_type}]"


def redact(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with every finding's span replaced by its marker (overlaps merged first)."""
    pieces: list[str] = []
    position = 0
    for finding in merge_overlaps(findings):
        if finding.end > len(text):
            raise ValueError(f"finding {finding.start}..{finding.end} outside text of length {len(text)}")
        pieces.append(text[position : finding.start])
        pieces.append(redaction_marker(finding.type))
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)
