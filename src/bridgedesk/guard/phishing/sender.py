"""Who the reported message claims to be from, and whether its envelope agrees."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bridgedesk.guard.names.domains import parse_domain
from bridgedesk.guard.phishing.links import LinkFinding, cached_verdict, registrable_of

_BRAND_TRICKS = ("brand_in_subdomain", "brand_plus_word")


def domain_of(address: str | None) -> str:
    if not address or "@" not in address:
        return ""
    return address.rsplit("@", 1)[1].strip().strip(">").rstrip(".").lower()


def inspect_sender_domain(role: str, domain: str, official: Sequence[str]) -> list[LinkFinding]:
    """lookalike_domain / brand_in_foreign_domain for the From, Reply-To or Return-Path domain."""
    if not domain:
        return []
    verdict = cached_verdict(domain, tuple(official))
    if verdict.status != "lookalike":
        return []
    indicator = "brand_in_foreign_domain" if verdict.trick in _BRAND_TRICKS else "lookalike_domain"
    return [LinkFinding(indicator, f"{role} domain {domain}: {verdict.reason}")]


def is_official_domain(domain: str, official: Sequence[str]) -> bool:
    return bool(domain) and cached_verdict(domain, tuple(official)).status in ("official", "official_subdomain")


def inspect_reply_to(from_domain: str, reply_to: Sequence[str], official: Sequence[str]) -> list[LinkFinding]:
    """Replies would go somewhere other than the sender's own organisation."""
    for address in reply_to:
        domain = domain_of(address)
        if domain and not _same_owner(domain, from_domain, official):
            return [LinkFinding("reply_to_mismatch", f"replies go to {address}, not to {from_domain or 'the sender'}")]
    return []


def inspect_return_path(from_domain: str, return_path: str | None, official: Sequence[str]) -> list[LinkFinding]:
    """Bounces go to a stranger's domain although the From claims to be someone else."""
    domain = domain_of(return_path)
    if not domain or not from_domain or _same_owner(domain, from_domain, official):
        return []
    return [LinkFinding("return_path_mismatch", f"envelope sender {return_path} does not match {from_domain}")]


def _same_owner(a: str, b: str, official: Sequence[str]) -> bool:
    if is_official_domain(a, official) and is_official_domain(b, official):
        return True
    return registrable_of(a) == registrable_of(b)


def brand_names(official: Sequence[str]) -> list[str]:
    """'paypal' for paypal.com, 'kestrel' for kestrel.exchange: names a display name may borrow."""
    names = []
    for domain in official:
        parsed = parse_domain(domain)
        if parsed and len(parsed.label) >= 3:
            names.append(parsed.label)
    return names


def inspect_display_name(name: str, from_domain: str, official: Sequence[str]) -> list[LinkFinding]:
    """'PayPal Security' <x@random.example>: the brand in the name, a stranger in the address."""
    if not name or is_official_domain(from_domain, official):
        return []
    squashed = re.sub(r"[\s._-]", "", name.lower())
    for brand in brand_names(official):
        if brand in squashed:
            return [LinkFinding("brand_name_mismatch", f"the sender calls itself \"{name}\" but writes from {from_domain or 'no address'}")]
    return []
