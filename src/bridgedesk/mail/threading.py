"""Threading keys: ticket tags in subjects, reply prefixes, Message-IDs, near-duplicates.

Replies find their ticket by References first; the subject tag is the fallback that survives
clients which drop References (webmail, forwards, phones). Duplicate detection compares
normalised text so a customer who sends the same complaint twice gets one ticket.
"""

from __future__ import annotations

import re
import secrets
import time
import unicodedata

# Full-width brackets are what Chinese input methods produce when the user retypes a tag.
_OPEN = "[【［(（"
_CLOSE = "]】］)）"

# Reply/forward markers in the languages our customers write in. Longest first so that
# "Fwd" wins over "Fw" and the colon is consumed in either width.
_PREFIX_WORDS = (
    "re", "fwd", "fw", "aw", "wg", "sv", "vs", "vb", "tr", "rv", "res", "enc", "odp", "pd",
    "antw", "doorst", "r", "i", "ref", "réf", "rif", "továbbítás", "ynt", "yml", "ilt",
    "回复", "回覆", "答复", "答覆", "转发", "轉寄", "转寄", "轉發",
)
_PREFIX_RE = re.compile(
    r"^\s*(?:(?:" + "|".join(sorted((re.escape(w) for w in _PREFIX_WORDS), key=len, reverse=True))
    + r")\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)",
    re.IGNORECASE,
)
_MAX_PREFIXES = 50
_WHITESPACE_RE = re.compile(r"\s+")
_SHINGLE = 3
_MAX_SIMILARITY_CHARS = 20_000


def _ticket_re(prefix: str) -> re.Pattern[str]:
    """Tag pattern for one brand prefix; digits may be full-width too (NFKC handles them)."""
    return re.compile(
        f"[{re.escape(_OPEN)}]\\s*({re.escape(prefix)}-\\d{{1,12}})\\s*[{re.escape(_CLOSE)}]",
        re.IGNORECASE,
    )


def find_ticket_number(subject: str, prefix: str) -> str | None:
    """Return the ticket number tagged in a subject ("[KX-104233]" -> "KX-104233")."""
    if not subject or not prefix:
        return None
    normal = unicodedata.normalize("NFKC", subject[:2000])
    match = _ticket_re(unicodedata.normalize("NFKC", prefix)).search(normal)
    if match is None:
        return None
    return match.group(1).upper()


def strip_reply_prefixes(subject: str) -> str:
    """Remove any stack of Re:/Fwd:/回复：… markers from the front of a subject."""
    text = (subject or "").strip()
    for _ in range(_MAX_PREFIXES):
        stripped = _PREFIX_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped.strip()
    return text


def tag_subject(subject: str, number: str) -> str:
    """Subject for an outgoing reply: "Re: [KX-1] original", never tagged twice."""
    core = strip_reply_prefixes(subject)
    prefix = number.rsplit("-", 1)[0] if "-" in number else number
    if find_ticket_number(core, prefix) == number.upper():
        core = _ticket_re(prefix).sub("", unicodedata.normalize("NFKC", core), count=1).strip()
    tagged = f"[{number}] {core}".strip()
    return f"Re: {tagged}"


def make_message_id(domain: str, *, kind: str = "msg") -> str:
    """A globally unique Message-ID (no angle brackets): time + 128 random bits."""
    safe_kind = re.sub(r"[^A-Za-z0-9_-]", "", kind) or "msg"
    safe_domain = re.sub(r"[^A-Za-z0-9.-]", "", domain) or "localhost"
    stamp = time.time_ns() // 1_000_000
    return f"{safe_kind}.{stamp}.{secrets.token_hex(16)}@{safe_domain}"


def normalize_for_duplicate(text: str) -> str:
    """Lowercase, NFKC, whitespace collapsed: two copies of one complaint compare equal."""
    normal = unicodedata.normalize("NFKC", text or "").lower()
    return _WHITESPACE_RE.sub(" ", normal).strip()


def _shingles(text: str) -> set[str]:
    """Character shingles: work for Chinese (no spaces) and English alike."""
    compact = text.replace(" ", "")[:_MAX_SIMILARITY_CHARS]
    if len(compact) <= _SHINGLE:
        return {compact} if compact else set()
    return {compact[i:i + _SHINGLE] for i in range(len(compact) - _SHINGLE + 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of character 3-shingles, 0..1; cost linear in the (capped) length."""
    left, right = _shingles(normalize_for_duplicate(a)), _shingles(normalize_for_duplicate(b))
    if not left and not right:
        return 1.0
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)
