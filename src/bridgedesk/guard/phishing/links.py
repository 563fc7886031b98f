"""Where the reported message's links really go, and whether they say so honestly."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from bridgedesk.guard.names.domains import is_ip_literal, parse_domain
from bridgedesk.guard.names.lookalike import DomainVerdict, check_domain

URL_SHORTENERS = frozenset("""
bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at tiny.cc
rb.gy t.ly s.id v.gd x.co lnkd.in bl.ink short.io shorte.st adf.ly qr.net tr.im snip.ly
dwz.cn url.cn t.cn suo.im sohu.gg 0x0.st clck.ru u.to
""".split())
_TEXT_DOMAIN_RE = re.compile(r"(?:https?://)?((?:[\w-]+\.)+[a-z]{2,24})(?![\w.-]*@)", re.IGNORECASE)
_SKIPPED_SCHEMES = ("mailto:", "tel:", "cid:", "#", "data:", "sms:")


@dataclass(frozen=True)
class LinkFinding:
    indicator: str
    detail: str


def host_of(href: str) -> str | None:
    """Lowercase host of an http(s) or scheme-less link; None for mailto:, #anchors, garbage."""
    href = href.strip().strip("\"'")
    if not href or href.lower().startswith(_SKIPPED_SCHEMES):
        return None
    if not re.match(r"^[a-z][a-z0-9+.-]*://", href, re.IGNORECASE):
        href = "http://" + href.lstrip("/")
    try:
        host = urlsplit(href).hostname
    except ValueError:
        return None
    return host.rstrip(".").lower() if host else None


@lru_cache(maxsize=4096)
def cached_verdict(host: str, official: tuple[str, ...]) -> DomainVerdict:
    return check_domain(host, official)


def registrable_of(host: str) -> str:
    name = parse_domain(host)
    return name.registrable if name and name.registrable else host


def inspect_link(text: str, href: str, official: Sequence[str], sender_domain: str = "") -> list[LinkFinding]:
    """Every problem with one link: IP host, shortener, lookalike host, text/href mismatch."""
    host = host_of(href)
    if host is None:
        return []
    findings: list[LinkFinding] = []
    if is_ip_literal(host):
        findings.append(LinkFinding("ip_literal_link", f"link goes to the bare IP address {host}"))
    elif registrable_of(host) in URL_SHORTENERS or host in URL_SHORTENERS:
        findings.append(LinkFinding("url_shortener", f"link hidden behind the shortener {host}"))
    else:
        verdict = cached_verdict(host, tuple(official))
        if verdict.status == "lookalike":
            findings.append(LinkFinding("lookalike_link", f"link host {host}: {verdict.reason}"))
    mismatch = _text_mismatch(text, host, official, sender_domain)
    if mismatch:
        findings.append(LinkFinding("link_text_mismatch", mismatch))
    return findings


def _text_mismatch(text: str, host: str, official: Sequence[str], sender_domain: str) -> str | None:
    """The link text shows one domain and the href goes to another registrable domain.

    A newsletter showing its own sender's domain over a click-tracking redirect is routine;
    showing *our* domain, or a third party's that is neither the sender's nor the link's,
    is the phisher's move.
    """
    match = _TEXT_DOMAIN_RE.search(text or "")
    if not match:
        return None
    shown = match.group(1).lower().rstrip(".")
    shown_name = parse_domain(shown)
    if shown_name is None or not shown_name.registrable:
        return None
    if registrable_of(host) == shown_name.registrable:
        return None
    shown_is_ours = cached_verdict(shown, tuple(official)).status in ("official", "official_subdomain", "lookalike")
    if not shown_is_ours and sender_domain and registrable_of(sender_domain) == shown_name.registrable:
        return None
    return f"link text shows {shown} but the link goes to {host}"


def is_official_host(host: str, official: Sequence[str]) -> bool:
    return cached_verdict(host, tuple(official)).status in ("official", "official_subdomain")
