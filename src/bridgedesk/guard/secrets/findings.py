"""The one result type every secret detector returns.

Detectors only *locate* secrets; deciding what to do (redact, quarantine, warn) is done by the
callers, so a finding carries a span and a type but never needs the value itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SECRET_TYPES = (
    "seed_phrase",
    "private_key",
    "api_key",
    "api_secret",
    "passphrase",
    "password",
    "otp_code",
    "card_number",
    "id_number",
)


@dataclass(frozen=True)
class Finding:
    """A located secret: ``text[start:end]`` must be removed before anything is stored."""

    type: str
    start: int
    end: int
    confidence: float
    detector: str

    def __post_init__(self) -> None:
        if self.type not in SECRET_TYPES:
            raise ValueError(f"unknown secret type {self.type!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span {self.start}..{self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")


def merge_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Union overlapping spans; the most confident finding names the merged span.

    Union rather than pick-one, so no secret text survives between two disagreeing detectors.
    """
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            merged[-1] = _union(merged[-1], finding)
        else:
            merged.append(finding)
    return merged


def _union(kept: Finding, other: Finding) -> Finding:
    leader = other if other.confidence > kept.confidence else kept
    return Finding(
        leader.type, min(kept.start, other.start), max(kept.end, other.end), leader.confidence, leader.detector
    )
