"""Default table of exchange API error codes and what they mean, shown to the agent.

These are GENERIC EXAMPLES of codes that public exchange APIs commonly return, not the
codes of any particular deployment. Each exchange replaces or extends this table in its
configuration; ``extract_entities(text, error_codes=...)`` takes whatever table is
configured and falls back to this one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

DEFAULT_ERROR_CODES: Mapping[str, str] = MappingProxyType(
    {
        # Generic example codes in the style of OKX-like REST APIs.
        "50011": "Rate limit reached",
        "50102": "Timestamp request expired",
        "50103": "Request header OK-ACCESS-KEY cannot be empty",
        "50111": "Invalid OK-ACCESS-KEY",
        "50113": "Invalid signature",
        # Generic example codes in the style of Binance-like REST APIs.
        "-1003": "Too many requests; rate limit exceeded",
        "-1021": "Timestamp for this request is outside of the recvWindow",
        "-1022": "Signature for this request is not valid",
        "-2010": "New order rejected (e.g. insufficient balance)",
        "-2015": "Invalid API-key, IP, or permissions for action",
        # Plain HTTP-style codes customers quote.
        "401": "Unauthorized: API key missing or invalid",
        "429": "Too many requests",
    }
)


def describe_error_code(code: str, table: Mapping[str, str] | None = None) -> str | None:
    """Meaning of ``code`` in ``table`` (default: the generic examples), or None."""
    return (DEFAULT_ERROR_CODES if table is None else table).get(code)
