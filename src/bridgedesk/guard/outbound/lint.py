"""Lint an agent's reply before it is sent: refuse requests for secrets, confirm foreign links.

Phishers pose as support and ask for exactly what the guard removes from inbound mail, so our
own replies must never ask for it either — while warnings such as "we will never ask for your
password" stay allowed. Links to domains outside the brand's official list need a second look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import tldextract

from bridgedesk.guard.outbound.rules import (
    CLAUSE_END,
    EXTERNAL_EMAIL,
    EXTERNAL_LINK,
    REQUEST_CUE,
    SENTENCE_END,
    STRICT_REQUEST_CUE,
    STRICT_TOPICS,
    TOPICS,
    WARNING_CUE,
)

_TOPIC_PATTERNS = {code: re.compile(noun, re.IGNORECASE) for code, (noun, _, _) in TOPICS.items()}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+\-]+@([\w\-]+(?:\.[\w\-]+)+)")
_BARE_DOMAIN = re.compile(r"(?<![@\w.\-/])((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24})\b(?![@\-])", re.IGNORECASE)
_FILE_SUFFIXES = frozenset("py md sh pl rs js ts json txt log csv pdf png jpg zip exe html htm xml yml yaml".split())


@dataclass(frozen=True)
class LintProblem:
    code: str
    message_en: str
    message_zh: str
    span: tuple[int, int]


def lint_reply(text: str, *, official_domains: Sequence[str]) -> tuple[list[LintProblem], list[LintProblem]]:
    """(refusals, confirmations): requests for secrets block sending; foreign links need a yes."""
    return list(_find_secret_requests(text)), list(_find_foreign_links(text, official_domains))


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in SENTENCE_END.finditer(text):
        yield start, boundary.start()
        start = boundary.end()
    yield start, len(text)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    clauses, position = [], start
    for boundary in CLAUSE_END.finditer(text, start, end):
        clauses.append((position, boundary.start()))
        position = boundary.end()
    clauses.append((position, end))
    return clauses


def _find_secret_requests(text: str) -> Iterator[LintProblem]:
    for start, end in _sentences(text):
        asking = [c for c in _clauses(text, start, end) if not WARNING_CUE.search(text, *c)]
        requested = any(REQUEST_CUE.search(text, *clause) for clause in asking)
        strictly = requested or any(STRICT_REQUEST_CUE.search(text, *clause) for clause in asking)
        for code, pattern in _TOPIC_PATTERNS.items():
            if not (requested or (strictly and code in STRICT_TOPICS)):
                continue
            if any(pattern.search(text, *clause) for clause in asking):
                _, message_en, message_zh = TOPICS[code]
                yield LintProblem(code, message_en, message_zh, (start, end))


@lru_cache(maxsize=1)
def suffix_extractor() -> tldextract.TLDExtract:
    """The bundled public-suffix snapshot only: linting must never touch the network."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _normalize_domain(domain: str) -> str:
    domain = domain.strip().rstrip(".").lower()
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def _is_official(host: str, official: Sequence[str]) -> bool:
    host = _normalize_domain(host)
    return any(host == d or host.endswith("." + d) for d in official)


def _find_foreign_links(text: str, official_domains: Sequence[str]) -> Iterator[LintProblem]:
    official = [_normalize_domain(d) for d in official_domains]
    covered: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        covered.append(match.span())
        host = _host_of(match.group())
        if host and not _is_official(host, official):
            yield _link_problem(host, match.span())
    for match in _EMAIL.finditer(text):
        covered.append(match.span())
        if not _is_official(match.group(1), official):
            en, zh = EXTERNAL_EMAIL
            address = match.group()
            yield LintProblem("external_email", en.format(address=address), zh.format(address=address), match.span())
    for match in _BARE_DOMAIN.finditer(text):
        if any(s <= match.start() < e for s, e in covered):
            continue
        host = match.group(1)
        if _is_domain(host) and not _is_official(host, official):
            yield _link_problem(host, match.span())


def _host_of(url: str) -> str:
    rest = re.sub(r"^(?:https?://)", "", url, flags=re.IGNORECASE)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1]
    return host.split(":", 1)[0].rstrip(".,;")


def _is_domain(host: str) -> bool:
    """A bare ``name.suffix`` counts only when the suffix is a real public suffix, not a file type."""
    parts = suffix_extractor()(host)
    return bool(parts.domain and parts.suffix) and parts.suffix.lower() not in _FILE_SUFFIXES


def _link_problem(host: str, span: tuple[int, int]) -> LintProblem:
    parts = suffix_extractor()(host)
    if hasattr(parts, "top_domain_under_public_suffix"):
        domain = parts.top_domain_under_public_suffix or host
    else:  # tldextract < 5.3
        domain = parts.registered_domain or host
    en, zh = EXTERNAL_LINK
    return LintProblem("external_link", en.format(domain=domain), zh.format(domain=domain), span)
