"""Redact secrets in HTML without breaking its structure.

A phrase is often split over tags (``<li>legal</li><li>winner</li>``), so detection runs on the
visible text of all text nodes joined (block tags become new lines), and each finding is then
cut out of exactly the text nodes it covers. Tags are never touched except attribute values,
which are scanned one by one (``value="..."`` of a pasted form, ``title``, ``alt``...), and
comments, which are invisible but stored all the same.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from bridgedesk.guard.secrets.findings import Finding
from bridgedesk.guard.secrets.redact import redact, redaction_marker

Scanner = Callable[[str], list[Finding]]

_PIECE = re.compile(r"<!--.*?-->|<[A-Za-z/!?](?:\"[^\"]*\"|'[^']*'|[^'\">])*>?", re.DOTALL)
_ATTRIBUTE = re.compile(r"(\s[^\s\"'>/=]+\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
_BLOCK = re.compile(
    r"</?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|pre|blockquote|section|article|header|footer|hr)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _TextNode:
    source_start: int
    source_end: int
    text: str
    visible_start: int


def redact_html(markup: str, scan: Scanner) -> tuple[str, list[Finding]]:
    """Redacted markup and what was found (for reporting types only: text-node findings have
    spans in the visible text, attribute findings in their attribute value)."""
    nodes, visible = _text_nodes(markup)
    findings = scan(visible)
    by_start = {node.source_start: node for node in nodes}
    pieces: list[str] = []
    position = 0
    for piece in _PIECE.finditer(markup):
        pieces.append(_redact_nodes_between(markup, position, piece.start(), by_start, findings))
        tag, tag_findings = _redact_attributes(piece.group(), scan)
        pieces.append(tag)
        findings.extend(tag_findings)
        position = piece.end()
    pieces.append(_redact_nodes_between(markup, position, len(markup), by_start, findings))
    return "".join(pieces), findings


def _text_nodes(markup: str) -> tuple[list[_TextNode], str]:
    nodes: list[_TextNode] = []
    visible: list[str] = []
    length = 0
    position = 0
    for piece in [*_PIECE.finditer(markup), None]:
        end = piece.start() if piece is not None else len(markup)
        if end > position:
            text = html.unescape(markup[position:end])
            nodes.append(_TextNode(position, end, text, length))
            visible.append(text)
            length += len(text)
        if piece is not None:
            if _BLOCK.match(piece.group()):
                visible.append("\n")
                length += 1
            position = piece.end()
    return nodes, "".join(visible)


def _redact_nodes_between(
    markup: str, start: int, end: int, nodes: dict[int, _TextNode], findings: list[Finding]
) -> str:
    if start >= end:
        return ""
    node = nodes[start]
    covering = [f for f in findings if f.start < node.visible_start + len(node.text) and f.end > node.visible_start]
    if not covering:
        return markup[start:end]
    return html.escape(_cut_node(node, covering), quote=False)


def _cut_node(node: _TextNode, findings: list[Finding]) -> str:
    """The node's text with covered parts removed; the marker goes where a finding begins."""
    out: list[str] = []
    position = 0
    for finding in findings:
        local_start = max(0, finding.start - node.visible_start)
        local_end = min(len(node.text), finding.end - node.visible_start)
        out.append(node.text[position:local_start])
        if finding.start >= node.visible_start:
            out.append(redaction_marker(finding.type))
        position = max(position, local_end)
    out.append(node.text[position:])
    return "".join(out)


def _redact_attributes(tag: str, scan: Scanner) -> tuple[str, list[Finding]]:
    found: list[Finding] = []

    def replace(match: re.Match[str]) -> str:
        raw = match.group(2)
        quote = raw[0] if raw[0] in "\"'" else ""
        value = html.unescape(raw[1:-1] if quote else raw)
        findings = scan(value)
        if not findings:
            return match.group(0)
        found.extend(findings)
        return match.group(1) + '"' + html.escape(redact(value, findings), quote=True) + '"'

    if tag.startswith("<!--"):
        return _redact_comment(tag, scan)
    if "=" not in tag:
        return tag, found
    return _ATTRIBUTE.sub(replace, tag), found


def _redact_comment(comment: str, scan: Scanner) -> tuple[str, list[Finding]]:
    """Comments are invisible but stored all the same: ``<!-- password: x -->`` is still a leak."""
    body = comment[4:-3]
    findings = scan(body)
    if not findings:
        return comment, findings
    return "<!--" + redact(body, findings).replace("--", "- -") + "-->", findings


