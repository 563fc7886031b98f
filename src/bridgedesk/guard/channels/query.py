"""What did the person type into the verify box? An email, a URL, a domain, a phone, a handle.

Each kind gets one normal form so that the registry lookup is a plain comparison:
lowercase addresses and hosts, E.164-style phone numbers, handles without "@".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bridgedesk.guard.names.domains import is_ip_literal, parse_domain

TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog", "www.t.me"})
X_HOSTS = frozenset({"x.com", "twitter.com", "www.x.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"})
_EMAIL_RE = re.compile(r"^(?:mailto:)?([^@\s<>]{1,64})@([^@\s<>]{1,253})$", re.IGNORECASE)
_HANDLE_RE = re.compile(r"^@([A-Za-z0-9_]{1,32})$")
_PHONE_RE = re.compile(r"^(?:tel:)?\+?[\d\s().\-－]{7,25}$")
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def classify_query(text: str) -> tuple[str, str]:
    """(kind, normalised value); kind is email | url | domain | phone | telegram | x | unknown."""
    query = text.strip().strip("<>\"'").replace("\u3002", ".")
    for reader in (_read_handle, _read_email, _read_phone, _read_url, _read_domain):
        found = reader(query)
        if found is not None:
            return found
    return "unknown", query


def _read_handle(query: str) -> tuple[str, str] | None:
    match = _HANDLE_RE.match(query)
    return ("telegram", match.group(1).lower()) if match else None


def _read_email(query: str) -> tuple[str, str] | None:
    match = _EMAIL_RE.match(query)
    if not match or "/" in match.group(2):
        return None
    return "email", f"{match.group(1).lower()}@{match.group(2).lower().rstrip('.')}"


def _read_phone(query: str) -> tuple[str, str] | None:
    if not _PHONE_RE.match(query) or "." in query.strip("."):
        return None
    return "phone", normalise_phone(query)


def normalise_phone(text: str) -> str:
    """'+86 138-0013-8000' -> '+8613800138000'; '0086…' -> '+86…'; no country code: digits only."""
    digits = re.sub(r"\D", "", text)
    if text.strip().removeprefix("tel:").lstrip("( ").startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits


def _read_url(query: str) -> tuple[str, str] | None:
    if not (_SCHEME_RE.match(query) or query.lower().startswith("www.") or "/" in query):
        return None
    href = query if _SCHEME_RE.match(query) else "https://" + query.lstrip("/")
    try:
        parts = urlsplit(href)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if not host:
        return None
    social = _read_social(host, parts.path)
    if social is not None:
        return social
    return "url", f"{parts.scheme.lower()}://{host}{parts.path or '/'}"


def _read_social(host: str, path: str) -> tuple[str, str] | None:
    first = path.strip("/").split("/", 1)[0].lstrip("@")
    if not first or not re.fullmatch(r"[A-Za-z0-9_]{1,32}", first):
        return None
    if host in TELEGRAM_HOSTS:
        return "telegram", first.lower()
    if host in X_HOSTS:
        return "x", first.lower()
    return None


def _read_domain(query: str) -> tuple[str, str] | None:
    if is_ip_literal(query):
        return "url", f"http://{query}/"
    name = parse_domain(query)
    return ("domain", name.unicode) if name is not None else None
