"""Split a reply into the writer's new words, the quoted history and the signature.

Triage and secret detection care most about what the customer just wrote; the quoted
history repeats our own earlier mail. Each client marks history differently, in the
writer's language: "On … wrote:", "-----Original Message-----", Outlook's "From:/Sent:"
block, "> " prefixes, and the Chinese clients' "-----原始邮件-----", "发件人：…发送时间：",
"在 2026年11月23日 … 写道：". The earliest such marker wins; everything after it is history.
"""

from __future__ import annotations

import re

MAX_SCAN_LINES = 5_000
_JOIN_LINES = 3

_SEPARATOR_RE = re.compile(
    r"^\s*[-=_*]{2,}\s*(?:original message|forwarded message|attached message|original|begin forwarded message|"
    r"原始邮件|原始郵件|回复的原邮件|回覆的原郵件|转发的邮件|轉寄的郵件|原邮件|元のメッセージ|転送されたメッセージ|"
    r"ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|"
    r"messaggio originale|mensaje original|mensagem original|oprindelig meddelelse|opprinnelig melding|"
    r"ursprungligt meddelande|oorspronkelijk bericht|wiadomość oryginalna|alkuperäinen viesti|"
    r"исходное сообщение|пересылаемое сообщение)\s*[-=_*]{0,}\s*$",
    re.IGNORECASE,
)
_FORWARD_LINE_RE = re.compile(r"^\s*(?:begin forwarded message|下面是被转发的邮件)\s*[:：]?\s*$", re.IGNORECASE)
_WROTE_RE = re.compile(
    r"^(?:>\s*)?(?:on|am|le|el|il|op|em|den|på|dne|w dniu|dnia|den|d\.|el día)\b.{0,300}?"
    r"(?:wrote|writes|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napisał\(a\)|napisał|"
    r"kirjoitti|написал\(а\)|написал|napsal|írta)\s*[:：]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_BARE_WROTE_RE = re.compile(
    r"^.{0,300}(?:wrote|a écrit|schrieb|escribió|skrev|написал\(а\)|написал|napisał)\s*[:：]\s*$", re.IGNORECASE | re.DOTALL,
)
_HAS_DETAIL_RE = re.compile(r"\d|@|<")
_CJK_WROTE_RE = re.compile(
    r"^.{0,300}(?:写道|寫道|のメッセージ|書きました|さんは書きました)\s*[：:]?\s*$"
    r"|^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,200}<[^<>\s]+@[^<>\s]+>\s*[：:]\s*$",
    re.DOTALL,
)
_FROM_FIELD_RE = re.compile(
    r"^\s*[*>]?\s*(?:from|发件人|發件人|寄件者|von|de|fra|från|van|od|lähettäjä|差出人|от|da)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_OTHER_FIELD_RE = re.compile(
    r"^\s*[*>]?\s*(?:sent|date|to|cc|subject|发送时间|發送時間|时间|日期|收件人|抄送|主题|主旨|寄件日期|"
    r"gesendet|datum|an|betreff|envoyé|à|objet|enviado|para|asunto|assunto|sendt|til|emne|skickat|till|ämne|"
    r"verzonden|aan|onderwerp|wysłano|wysłane|temat|do|lähetetty|vastaanottaja|aihe|送信日時|宛先|件名|"
    r"отправлено|кому|тема|inviato|a|oggetto)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_UNDERSCORE_RULE_RE = re.compile(r"^\s*_{10,}\s*$")
_SIG_DASHES_RE = re.compile(r"^(?:--|-- |—|__)\s*$")
_MOBILE_SIG_RE = re.compile(
    r"^\s*(?:sent from my [\w\- ]{1,40}|sent from (?:mail|outlook|yahoo mail|samsung mobile)[\w\- ]{0,40}|"
    r"sent with \w+.{0,60}|get outlook for [\w ]{1,30}|sent from [\w ]{1,20} for (?:ios|android)|"
    r"发自我的[\w\s]{1,20}|发自[\w\s]{0,12}(?:手机|邮箱|iphone|ipad|客户端|android)[\w\s]{0,10}|"
    r"从我的[\w\s]{1,20}发送|来自[\w\s]{1,20}(?:邮箱|客户端)|iphoneから送信|送自我的[\w\s]{1,20})\s*$",
    re.IGNORECASE,
)
_VALEDICTION_RE = re.compile(
    r"^\s*(?:(?:best|kind|warm|many)?\s*regards|best|thanks|thank you|many thanks|cheers|sincerely|"
    r"yours(?: truly| sincerely)?|mit freundlichen grüßen|viele grüße|cordialement|saludos|pozdrawiam|"
    r"z powa[zż]aniem|med venlig hilsen|mvh|hilsen|kh|med vänlig hälsning|vänliga hälsningar|"
    r"此致|此致敬礼|祝好|顺祝商祺|谢谢|多谢|感谢|よろしくお願いします|よろしくお願いいたします)\s*[,，!！.。]?\s*$",
    re.IGNORECASE,
)
_RULE_MARKS = ("--", "__", "==", "**")
_HEADER_MARKS = (":", "：", "写道", "寫道", "書きました", "のメッセージ", "转发", "轉寄")
_NAME_LINE_RE = re.compile(r"^\s*[-/]\s?\w[\w .'-]{0,40}$")
_SIGNATURE_TAIL_LINES = 6


def _header_windows(lines: list[str], index: int) -> list[str]:
    """This line, then joined with the next ones (up to a blank or quoted line): headers wrap."""
    windows: list[str] = []
    parts: list[str] = []
    for line in lines[index:index + _JOIN_LINES]:
        stripped = line.strip()
        if not stripped or (parts and stripped.startswith(">")):
            break
        parts.append(stripped)
        windows.append(" ".join(parts))
    return windows


def _is_wrote_header(lines: list[str], index: int) -> bool:
    """ "On … wrote:" and its translations, on one line or wrapped over up to three."""
    first = lines[index].strip()
    detailed = bool(_HAS_DETAIL_RE.search(first))
    for window in _header_windows(lines, index):
        if _WROTE_RE.match(window):
            return True
        if detailed and (_BARE_WROTE_RE.match(window) or _CJK_WROTE_RE.match(window)):
            return True
    return False


def _may_start_header(lines: list[str], index: int) -> bool:
    """Cheap pre-check: every header form has a colon nearby, a rule, or a CJK verb."""
    line = lines[index]
    if any(mark in line for mark in _RULE_MARKS):
        return True
    window = "".join(lines[index:index + _JOIN_LINES])
    return any(mark in window for mark in _HEADER_MARKS)


def _is_quote_header(lines: list[str], index: int) -> bool:
    """Does a quoted-history header start at this line?"""
    if not _may_start_header(lines, index):
        return False
    line = lines[index]
    if _SEPARATOR_RE.match(line) or _FORWARD_LINE_RE.match(line):
        return True
    if _is_wrote_header(lines, index):
        return True
    if _FROM_FIELD_RE.match(line):
        return any(_OTHER_FIELD_RE.match(following) for following in lines[index + 1:index + 6])
    if _UNDERSCORE_RULE_RE.match(line):
        return any(_FROM_FIELD_RE.match(following) for following in lines[index + 1:index + 3])
    return False


def _bottom_reply_start(lines: list[str], quote_start: int) -> int | None:
    """Where bottom-posted new text begins after an "On … wrote:" + ">" block, if any."""
    index = quote_start + 1
    while index < len(lines) and not lines[index].lstrip().startswith(">"):
        if index - quote_start > _JOIN_LINES:
            return None
        index += 1
    while index < len(lines) and (lines[index].lstrip().startswith(">") or not lines[index].strip()):
        index += 1
    if index >= len(lines) or any(ln.lstrip().startswith(">") for ln in lines[index:]):
        return None
    return index


def _quoted_share_from(lines: list[str], limit: int) -> list[float]:
    """For each line, the share of non-blank lines from there on that start with ">"."""
    shares = [0.0] * (limit + 1)
    quoted = total = 0
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].lstrip()
        if stripped:
            total += 1
            quoted += stripped.startswith(">")
        if index <= limit:
            shares[index] = quoted / total if total else 0.0
    return shares


def find_quote_start(lines: list[str]) -> int | None:
    """Index of the first line of quoted history, or None when the text has none.

    A ">" line opens the history only when what follows is mostly quoted, so an
    interleaved answer keeps the customer's words below each quote visible.
    """
    limit = min(len(lines), MAX_SCAN_LINES)
    shares = _quoted_share_from(lines, limit)
    for index in range(limit):
        if lines[index].lstrip().startswith(">") and shares[index] >= 0.6:
            return index
        if _is_quote_header(lines, index):
            return index
    return None


def find_signature_start(lines: list[str]) -> int | None:
    """Index where the signature begins in the writer's own part, or None."""
    tail_start = max(0, len(lines) - 40)
    for index in range(tail_start, len(lines)):
        if _SIG_DASHES_RE.match(lines[index]):
            return index
    content = [i for i in range(len(lines)) if lines[i].strip()]
    tail = content[-_SIGNATURE_TAIL_LINES:]
    for position, index in enumerate(tail):
        if _MOBILE_SIG_RE.match(lines[index]):
            return index
        after = [lines[i] for i in tail[position + 1:]]
        if _VALEDICTION_RE.match(lines[index]) and len(after) <= 4 and all(len(a.strip()) < 50 for a in after):
            return index
    if tail and len(content) > 1 and _NAME_LINE_RE.match(lines[tail[-1]]):
        return tail[-1]
    return None


def split_reply(text: str) -> tuple[str, str, str]:
    """Return (visible, quoted, signature) for a plain-text message body."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    quote_start = find_quote_start(lines)
    own = lines if quote_start is None else lines[:quote_start]
    quoted = [] if quote_start is None else lines[quote_start:]
    if quote_start is not None and _is_wrote_header(lines, quote_start):
        bottom = _bottom_reply_start(lines, quote_start)
        if bottom is not None:
            own, quoted = own + lines[bottom:], lines[quote_start:bottom]
    signature_start = find_signature_start(own)
    signature = [] if signature_start is None else own[signature_start:]
    visible = own if signature_start is None else own[:signature_start]
    return "\n".join(visible).strip(), "\n".join(quoted).strip(), "\n".join(signature).strip()
