"""Payment card and national identity numbers, validated with python-stdnum.

A Luhn check alone passes one random number in ten, and order IDs are long digit strings too,
so a card needs a card-network prefix *and* either card wording nearby or the 4-4-4-4 grouping
people copy from the card. Identity numbers need their own check digits; those whose check is
weak (11-digit ones) also need their label nearby.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from stdnum import luhn
from stdnum.br import cpf
from stdnum.cn import ric
from stdnum.in_ import aadhaar
from stdnum.kr import rrn
from stdnum.tr import tckimlik

from bridgedesk.guard.secrets.findings import Finding

_DIGIT_RUN = re.compile(r"\d(?:[ \-]?\d){9,22}+[Xx]?")  # boundaries checked in Python: look-arounds are slow
_CARD_PREFIX = re.compile(r"4|5[1-5]|2[2-7]|3[47]|3[5]|6(?:011|2|4[4-9]|5)")
_CARD_GROUPED = re.compile(r"\d{4}([ \-])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ \-])\d{6}\2\d{5}")
_CARD_CONTEXT = re.compile(
    r"card|visa|master\s?card|amex|unionpay|银行卡|信用卡|借记卡|卡号|银联|カード|카드|карт|tarjeta|cartão|carte|karte|kartu|kart",
    re.IGNORECASE,
)
_CONTEXT_REACH = 60


@dataclass(frozen=True)
class _IdentityRule:
    detector: str
    validate: Callable[[str], bool]
    lengths: tuple[int, ...]
    label: re.Pattern[str] | None


_ID_RULES = (
    _IdentityRule("cn_resident_id", ric.is_valid, (18,), None),
    _IdentityRule("kr_rrn", rrn.is_valid, (13,), re.compile(r"주민|resident|rrn", re.I)),
    _IdentityRule("in_aadhaar", aadhaar.is_valid, (12,), re.compile(r"aadhaar|आधार", re.I)),
    _IdentityRule("br_cpf", cpf.is_valid, (11,), re.compile(r"\bcpf\b", re.I)),
    _IdentityRule("tr_tckimlik", tckimlik.is_valid, (11,), re.compile(r"kimlik|\bt\.?c\.?\s*no", re.I)),
)


def find_identity_numbers(text: str) -> list[Finding]:
    """Card numbers and national ID numbers whose check digits (and context) hold."""
    findings = []
    for match in _DIGIT_RUN.finditer(text):
        if not _stands_alone(text, match.start(), match.end()):
            continue
        finding = _judge_number(text, match)
        if finding is not None:
            findings.append(finding)
    return findings


def _stands_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_" or after.isalnum() or after == "_")


def _judge_number(text: str, match: re.Match[str]) -> Finding | None:
    raw = match.group()
    compact = re.sub(r"[ \-]", "", raw)
    context = text[max(0, match.start() - _CONTEXT_REACH) : match.start()]
    for rule in _ID_RULES:
        if len(compact) in rule.lengths and (rule.label is None or rule.label.search(context)) and rule.validate(compact):
            return Finding("id_number", match.start(), match.end(), 0.9, rule.detector)
    for length in _card_prefix_lengths(raw):
        prefix = raw[:length]
        if _is_card(prefix, re.sub(r"[ \-]", "", prefix), context):
            return Finding("card_number", match.start(), match.start() + length, 0.85, "luhn")
    return None


def _card_prefix_lengths(raw: str) -> list[int]:
    """The whole run, then shorter cuts at group separators: "4111 1111 1111 1111 2027" holds a card."""
    cuts = [i for i, c in enumerate(raw) if c in " -"]
    return [len(raw), *reversed(cuts)]


def _is_card(raw: str, compact: str, context: str) -> bool:
    if not compact.isdigit() or not 13 <= len(compact) <= 19 or not _CARD_PREFIX.match(compact):
        return False
    if not luhn.is_valid(compact):
        return False
    return bool(_CARD_CONTEXT.search(context) or _CARD_GROUPED.fullmatch(raw))
