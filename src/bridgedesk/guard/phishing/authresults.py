"""SPF, DKIM and DMARC results from ``Authentication-Results`` headers (RFC 8601).

Anyone can write an Authentication-Results header into a message before sending it, so
only headers stamped by a receiving host we trust (its authserv-id is configured) count.
The first trusted header wins: it was added by the hop closest to us.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

METHODS = ("spf", "dkim", "dmarc")
_COMMENT_RE = re.compile(r"\([^()]*\)")
_RESULT_RE = re.compile(r"^\s*([a-z0-9_.-]+)\s*=\s*([a-z]+)", re.IGNORECASE)
_VERSION_RE = re.compile(r"\s+\d+\s*$")


def read_authentication_results(
    headers: Iterable[tuple[str, str]], *, trusted_authserv_ids: Sequence[str],
) -> dict[str, str]:
    """{"spf": "pass", "dkim": "fail", "dmarc": "none", ...}; empty when nothing trusted."""
    trusted = {t.strip().lower() for t in trusted_authserv_ids if t.strip()}
    if not trusted:
        return {}
    for name, value in headers:
        if name.lower() != "authentication-results":
            continue
        authserv_id, results = parse_authentication_results(value)
        if authserv_id in trusted:
            return results
    return {}


def parse_authentication_results(value: str) -> tuple[str, dict[str, str]]:
    """(authserv-id, {method: result}) for one header value; DKIM passes if any signature does."""
    text = _strip_comments(" ".join(value.split()))
    clauses = [c.strip() for c in text.split(";")]
    authserv_id = _VERSION_RE.sub("", clauses[0]).strip().lower() if clauses else ""
    results: dict[str, str] = {}
    for clause in clauses[1:]:
        match = _RESULT_RE.match(clause)
        if not match:
            continue
        method, result = match.group(1).lower(), match.group(2).lower()
        if method not in results or (method == "dkim" and result == "pass"):
            results[method] = result
    return authserv_id, results


def _strip_comments(text: str) -> str:
    """Remove (comments), nested ones included, without touching quoted strings' meaning."""
    previous = None
    while previous != text:
        previous, text = text, _COMMENT_RE.sub(" ", text)
    return text
