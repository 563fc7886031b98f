"""Rebuild a forwarded message's headers and body from the text of a forward.

Mail clients write the forwarded headers as a small block of "Label: value" lines, in the
reader's language: Gmail "From:/Date:/Subject:/To:", Outlook "From:/Sent:/To:/Subject:",
Apple Mail after "Begin forwarded message:", QQ Mail "发件人:/发送时间:/收件人:/主题:",
NetEase "发件人：/发送日期：/收件人：/主题：", Thunderbird with Subject first, Yahoo on a
single line. We look for a line whose label means "From" and that has another header-like
line next to it (or a forward separator above it), then read the block and the body below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FROM_LABELS = (
    "from", "von", "de", "de la", "da", "van", "od", "fra", "från", "lähettäjä", "от", "від",
    "від кого", "отправитель", "kimden", "gönderen", "feladó", "nadawca", "saatja", "šalje",
    "mittente", "expeditorul", "expéditeur", "remetente", "absender", "afsender", "avsender",
    "发件人", "發件人", "寄件人", "寄件者", "送信元", "差出人", "보낸 사람", "보낸사람",
)
_SUBJECT_LABELS = (
    "subject", "betreff", "objet", "sujet", "asunto", "oggetto", "onderwerp", "assunto", "temat",
    "předmět", "predmet", "тема", "konu", "tárgy", "aihe", "emne", "ämne", "subiect", "naslov",
    "teema", "主题", "主旨", "標題", "件名", "제목",
)
_LABEL_ALT = "|".join(sorted((re.escape(x) for x in _FROM_LABELS), key=len, reverse=True))
_SUBJECT_ALT = "|".join(sorted((re.escape(x) for x in _SUBJECT_LABELS), key=len, reverse=True))
_FROM_RE = re.compile(rf"(?:^|[\s*]|-----)(?:{_LABEL_ALT})\s*\*?\s*[:：]\s*\*?\s*(.+)$", re.IGNORECASE)
_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[\s*>\w]))(?:{_SUBJECT_ALT})\s*\*?\s*[:：]\s*\*?\s*(.*?)\s*$", re.IGNORECASE,
)
_HEADER_LINE_RE = re.compile(r"^\*?[^\W\d][\w .'-]{0,24}\*?\s*[:：]\s*\S", re.UNICODE)
_SEPARATOR_RE = re.compile(
    r"(^-{2,}.{0,60}-{2,}\s*$)|(^_{8,}\s*$)|(begin forwarded message)|(^forwarded message:?\s*$)"
    r"|(原始邮件)|(转发邮件信息)|(转发的邮件)|(original message)",
    re.IGNORECASE,
)
_ADDRESS_RE = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_ATTRIBUTION_RE = re.compile(r"^.{0,120}?[\"“«„]?([^\"“”«»„<]{0,80}?)[\"”»]?\s*[<(\[]?(?:mailto:)?"
                             r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)[>)\]]?.{0,40}[:：]\s*$")
_QUOTE_PREFIX_RE = re.compile(r"^(?:\s*>)+ ?")
MAX_SCAN_LINES = 400


@dataclass(frozen=True)
class InlineForward:
    from_addr: str
    from_name: str
    subject: str
    headers: tuple[tuple[str, str], ...]
    body: str


def find_inline_forward(text: str) -> InlineForward | None:
    """The forwarded message inside ``text``, or None when there is no forward block."""
    lines = [_unquote(line) for line in text.replace("\r\n", "\n").split("\n")[:MAX_SCAN_LINES]]
    for index, line in enumerate(lines):
        match = _FROM_RE.search(line)
        if match and _looks_like_block(lines, index):
            return _read_block(lines, index, match.group(1))
    return _find_attribution(lines)


def _unquote(line: str) -> str:
    return _QUOTE_PREFIX_RE.sub("", line).replace("\ufeff", "").replace("\u00a0", " ").rstrip()


def _looks_like_block(lines: list[str], index: int) -> bool:
    """Another header line within three lines either side, or a separator just above."""
    line = lines[index]
    if _SUBJECT_RE.search(line) and _FROM_RE.search(line):
        return True          # Yahoo writes the whole block on one line
    window = [lines[i] for i in range(max(0, index - 3), min(len(lines), index + 4)) if i != index]
    if sum(1 for w in window if _HEADER_LINE_RE.match(w.strip())) >= 1 and _ADDRESS_RE.search(line):
        return True
    above = [lines[i] for i in range(max(0, index - 3), index)]
    return any(_SEPARATOR_RE.search(a.strip()) for a in above) or bool(_SEPARATOR_RE.search(line))


def _read_block(lines: list[str], index: int, from_value: str) -> InlineForward:
    start = _block_start(lines, index)
    end = _block_end(lines, index)
    block = lines[start:end]
    from_value = _cut_at_next_label(from_value)
    name, addr = split_address(from_value)
    subject = _find_subject(block)
    headers = tuple(_header_pairs(block))
    body = "\n".join(lines[end:]).strip("\n")
    return InlineForward(addr, name, subject, headers, body)


def _block_start(lines: list[str], index: int) -> int:
    start = index
    while start > 0 and _HEADER_LINE_RE.match(lines[start - 1].strip()) and not _SEPARATOR_RE.search(lines[start - 1]):
        start -= 1
    return start


def _block_end(lines: list[str], index: int) -> int:
    """First line after the header block; a blank line or a non-header line ends it."""
    end = index + 1
    while end < len(lines) and _HEADER_LINE_RE.match(lines[end].strip()):
        end += 1
    return end


def _cut_at_next_label(value: str) -> str:
    """Yahoo glues labels: "John <j@x.com>To: ..." -> "John <j@x.com>"."""
    cut = re.split(r"(?<=[>\w])(?=(?:To|Cc|Sent|Date|Subject|An|Betreff|Datum)\s*:)", value, maxsplit=1)
    return cut[0].strip()


def _find_subject(block: list[str]) -> str:
    for line in block:
        match = _SUBJECT_RE.search(line)
        if match:
            return match.group(1).strip()[:2000]
    return ""


def _header_pairs(block: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for line in block:
        parts = re.split(r"[:：]", line.strip(" *"), maxsplit=1)
        if len(parts) == 2:
            pairs.append((parts[0].strip(" *").lower(), parts[1].strip(" *")))
    return pairs


def split_address(value: str) -> tuple[str, str]:
    """(display name, lowercase address) from 'Name <a@b>', '"名"<a@b>;', 'Name [mailto:a@b]', 'a@b'."""
    match = _ADDRESS_RE.search(value)
    if not match:
        return value.strip(" \"'*;")[:200], ""
    name = value[: match.start()].replace("mailto:", "")
    name = name.strip(" \t\"'“”«»<[(;:*")
    return name[:200], match.group(0).lower()


def _find_attribution(lines: list[str]) -> InlineForward | None:
    """'On <date>, "John Doe" <j@x.com> wrote:' style, used by some clients for forwards."""
    for index, line in enumerate(lines[:80]):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if len(following) < 30 and following.rstrip().endswith((":", "：")) and "@" in line:
            line = f"{line} {following.strip()}"
            index += 1
        joined = line if line.rstrip().endswith((":", "：")) else ""
        match = _ATTRIBUTION_RE.match(joined) if joined else None
        if match:
            name, addr = split_address(line[: line.rfind(match.group(2)) + len(match.group(2)) + 1])
            name = name.split(",")[-1].strip(" \"“”«»„") if "," in name else name
            body = "\n".join(lines[index + 1:]).strip("\n")
            return InlineForward(addr, name, "", (), body)
    return None
