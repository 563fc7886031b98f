"""Links as (visible text, href) pairs, read from raw HTML and from plain text.

The *raw* HTML is read, not the desk's sanitised copy: that drops exactly what a phishing
analysis wants to see (form actions, odd schemes). The stdlib parser is quadratic on
unterminated tags, and phishers write the HTML, so nh3 (linear, Rust) first reduces the
markup to the few link-bearing tags with their targets; the stdlib parser then reads that
well-formed remainder. Nothing is rendered or fetched.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import Message
from html.parser import HTMLParser

import nh3

from bridgedesk.mail.walk import decoded_payload

MAX_LINKS = 200
MAX_HTML_CHARS = 2_000_000
_TEXT_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]{}\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{2,2000}", re.IGNORECASE,
)
_LINK_TAGS = {"a", "form", "area", "img"}
_LINK_ATTRIBUTES = {"a": {"href"}, "form": {"action"}, "area": {"href", "alt"}, "img": {"alt"}}
_KEPT_SCHEMES = {"http", "https", "ftp", "mailto", "tel", "data", "javascript", "file", "hxxp", "hxxps"}
_TRAILING_PUNCT = ".,;:!?。，；：！？）》」』"


class _AnchorCollector(HTMLParser):
    """Collects <a href> with their text, and <form action> as a link labelled "[form]"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "a" and values.get("href"):
            self._close_anchor()
            self._href, self._text = values["href"].strip(), []
        elif tag in ("form",) and values.get("action"):
            self._add("[form]", values["action"].strip())
        elif tag == "area" and values.get("href"):
            self._add(values.get("alt", ""), values["href"].strip())
        elif tag == "img" and self._href is not None and values.get("alt"):
            self._text.append(values["alt"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._close_anchor()

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._close_anchor()

    def _close_anchor(self) -> None:
        if self._href is not None:
            self._add(" ".join("".join(self._text).split()), self._href)
        self._href, self._text = None, []

    def _add(self, text: str, href: str) -> None:
        if len(self.links) < MAX_LINKS:
            self.links.append((text[:500], href[:2000]))


def extract_html_links(html: str) -> list[tuple[str, str]]:
    """(visible text, href) for each anchor, area and form in the HTML."""
    collector = _AnchorCollector()
    try:
        reduced = nh3.clean(
            html[:MAX_HTML_CHARS], tags=_LINK_TAGS, attributes=_LINK_ATTRIBUTES, link_rel=None,
            url_schemes=_KEPT_SCHEMES, strip_comments=True,
        )
        collector.feed(reduced)
        collector.close()
    except Exception:  # noqa: BLE001 - HTMLParser can raise on pathological markup
        pass
    return collector.links


def extract_text_urls(text: str) -> list[tuple[str, str]]:
    """Bare URLs written in plain text: (url, url)."""
    urls = []
    for match in _TEXT_URL_RE.finditer(text[:MAX_HTML_CHARS]):
        url = match.group(0).rstrip(_TRAILING_PUNCT)
        urls.append((url, url))
        if len(urls) >= MAX_LINKS:
            break
    return urls


def raw_html_parts(raw: bytes) -> str:
    """Every text/html part of one message, decoded but not sanitised."""
    try:
        message = email.message_from_bytes(raw, policy=policy.compat32)   # no header objects: faster
    except Exception:  # noqa: BLE001
        return ""
    return "\n".join(_decode_part(part) for part in _html_parts(message))


def _html_parts(message: Message) -> list[Message]:
    parts = []
    for part in message.walk():
        if part.get_content_type() == "text/html" and "attachment" not in str(part.get("Content-Disposition", "")).lower():
            parts.append(part)
    return parts


def _decode_part(part: Message) -> str:
    payload = decoded_payload(part)
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("latin-1")


def merge_links(*groups: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Concatenate, dropping exact duplicates, keeping first-seen order."""
    seen: dict[tuple[str, str], None] = {}
    for group in groups:
        for link in group:
            seen.setdefault(link, None)
    return tuple(list(seen)[:MAX_LINKS])
