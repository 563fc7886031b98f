"""HTML bodies: a safe copy for agents' eyes, and plain text for everything else.

Both steps are linear: nh3 (html5ever, in Rust) does the real HTML parsing and emits
well-formed markup, so turning that into text needs only one non-backtracking regex pass.
Remote images are tracking beacons in phishing mail, so their addresses never reach the
console; inline `cid:` images stay.
"""

from __future__ import annotations

import html
import re

import nh3

MAX_HTML_CHARS = 5_000_000
MAX_TEXT_CHARS = 2_000_000
_URL_SCHEMES = {"http", "https", "mailto", "cid"}
_BLOCK_TAGS = (
    "address|article|aside|blockquote|br|center|dd|div|dl|dt|figcaption|figure|footer|h[1-6]"
    "|header|hr|li|ol|p|pre|section|table|tbody|thead|tr|ul"
)
_BLOCK_TAG_RE = re.compile(rf"</?(?:{_BLOCK_TAGS})\b(?:[^>\"]|\"[^\"]*\")*>", re.IGNORECASE)
_CELL_TAG_RE = re.compile(r"</?t[dh]\b(?:[^>\"]|\"[^\"]*\")*>", re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"<(?:[^>\"]|\"[^\"]*\")*>")
_SPACES_RE = re.compile(r"(?:[^\S\n]{2,}|[^\S \n])[^\S\n]*")
_LINE_EDGE_RE = re.compile(r" \n ?|\n ")
_BLANK_LINES_RE = re.compile(r" ?\n(?: ?\n)+ ?")
_TAG_TOKEN_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(/?)>")
_RAW_TAG_RE = re.compile(r"<[^<>]*>")
# Elements that never hold others or close themselves implicitly: they don't deepen the tree.
_FLAT_TAGS = frozenset(
    "area base br col dd dt embed hr img input li link meta option p param source td th tr track wbr".split()
)
MAX_NESTING = 400
MAX_TAGS = 100_000


def _keep_safe_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute hook: drop image sources that would fetch from the network."""
    if tag == "img" and attribute == "src" and not value.strip().lower().startswith("cid:"):
        return None
    return value


def is_pathological(markup: str) -> bool:
    """True for markup that would make a tree builder quadratic: very deep or huge nesting.

    html5ever re-checks open elements for every token, so 100,000 nested <div>s take
    minutes; real mail never nests more than a few dozen levels.
    """
    depth = peak = count = 0
    for match in _TAG_TOKEN_RE.finditer(markup):
        count += 1
        if count > MAX_TAGS:
            return True
        closing, name, self_closed = match.groups()
        if name.lower() in _FLAT_TAGS or self_closed:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        peak = max(peak, depth)
        if peak > MAX_NESTING:
            return True
    return False


def strip_tags_crudely(markup: str) -> str:
    """Linear text extraction without a tree, for markup too hostile to parse properly."""
    text = _RAW_TAG_RE.sub(" ", markup[:MAX_HTML_CHARS])
    return collapse_whitespace(unescape_serialized(text))[:MAX_TEXT_CHARS]


def sanitize_html(markup: str) -> str:
    """Display-safe HTML: no scripts, styles, event handlers or remote images."""
    markup = markup[:MAX_HTML_CHARS]
    if is_pathological(markup):
        return "<pre>" + html.escape(strip_tags_crudely(markup)) + "</pre>"
    return nh3.clean(
        markup,
        url_schemes=_URL_SCHEMES,
        attribute_filter=_keep_safe_attribute,
    )


def collapse_whitespace(text: str) -> str:
    """One space between words, at most one blank line between paragraphs."""
    # Every pattern starts on a fixed character or consumes its whole run, so each pass is
    # linear; a pattern opening with a bare \s* would rescan long space runs (quadratic).
    text = _SPACES_RE.sub(" ", text)
    text = _BLANK_LINES_RE.sub("\n\n", text)
    return _LINE_EDGE_RE.sub("\n", text).strip()


def unescape_serialized(text: str) -> str:
    """Undo html5ever's serializer escapes; a callback-free stand-in for html.unescape.

    html5ever writes only these five entities, and html.unescape costs a Python call per
    entity — seconds for a megabyte of "&lt;".
    """
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", " "), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def sanitized_html_to_text(clean_markup: str) -> str:
    """Text of markup already cleaned by nh3 (well-formed, quoted attributes)."""
    text = _BLOCK_TAG_RE.sub("\n", clean_markup)
    text = _CELL_TAG_RE.sub(" ", text)
    text = _ANY_TAG_RE.sub("", text)
    text = unescape_serialized(text)
    return collapse_whitespace(text)[:MAX_TEXT_CHARS]


def html_to_text(markup: str) -> str:
    """Plain text of any HTML, in time linear in its (bounded) size."""
    return sanitized_html_to_text(sanitize_html(markup))
