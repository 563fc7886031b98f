"""Plain-language, bilingual descriptions of how one name imitates another.

A verdict a person can act on says *which* letter is wrong ("the letter l is a capital
I"), not a score. These helpers compare the name as it was written with the official one
and name each difference in English and Chinese.
"""

from __future__ import annotations

import difflib
import unicodedata

Phrase = tuple[str, str]   # (English, Chinese)

_SCRIPT_ZH = {
    "CYRILLIC": "西里尔", "GREEK": "希腊", "ARMENIAN": "亚美尼亚", "CHEROKEE": "切罗基",
    "LATIN": "拉丁", "FULLWIDTH": "全角", "MATHEMATICAL": "数学", "HEBREW": "希伯来",
    "ARABIC": "阿拉伯", "GEORGIAN": "格鲁吉亚", "COPTIC": "科普特",
}


def describe_char(ch: str) -> Phrase:
    """'the digit 1' / '数字 1', 'a capital I' / '大写字母 I', 'the Cyrillic letter а (U+0430)'."""
    if ch.isascii() and ch.isdigit():
        return f"the digit {ch}", f"数字 {ch}"
    if ch.isascii() and ch.isupper():
        return f"a capital {ch}", f"大写字母 {ch}"
    if ch.isascii() and ch.isalpha():
        return f"the letter {ch}", f"字母 {ch}"
    if ch == "-":
        return "a hyphen", "连字符"
    script = char_script(ch)
    code = f"U+{ord(ch):04X}"
    if script in _SCRIPT_ZH and script != "LATIN":
        return (f"the {script.title()} character {ch} ({code})", f"{_SCRIPT_ZH[script]}字符 {ch} ({code})")
    name = unicodedata.name(ch, "unnamed character").lower()
    return f"the character {ch} ({code}, {name})", f"字符 {ch} ({code}，{name})"


def char_script(ch: str) -> str:
    """First word of the Unicode name: a cheap, good-enough script for letters."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def letter_scripts(text: str) -> set[str]:
    """Scripts of the letters in ``text`` (digits and hyphens have none)."""
    return {char_script(ch) for ch in text if ch.isalpha()}


def describe_mixed_scripts(text: str) -> Phrase | None:
    """'mixes Latin and Cyrillic letters' when a label uses more than one script."""
    scripts = sorted(letter_scripts(text))
    if len(scripts) < 2:
        return None
    en = " and ".join(s.title() for s in scripts)
    zh = "和".join(_SCRIPT_ZH.get(s, s.title()) for s in scripts)
    return f"it mixes {en} letters", f"混用了{zh}字母"


def describe_differences(written: str, official: str) -> list[Phrase]:
    """One phrase per edit that turns ``official`` into ``written``."""
    swapped = _adjacent_swap(written, official)
    if swapped is not None:
        return [swapped]
    phrases: list[Phrase] = []
    matcher = difflib.SequenceMatcher(a=official, b=written, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        phrases.append(_describe_edit(op, official[a1:a2], written[b1:b2], official, a1))
    return phrases


def _adjacent_swap(written: str, official: str) -> Phrase | None:
    """kesterl for kestrel: difflib sees a delete and an insert, a person sees two letters swapped."""
    if len(written) != len(official):
        return None
    diffs = [i for i, (a, b) in enumerate(zip(written, official)) if a != b]
    if len(diffs) != 2 or diffs[1] != diffs[0] + 1:
        return None
    i = diffs[0]
    if written[i:i + 2] != official[i:i + 2][::-1]:
        return None
    old, new = official[i:i + 2], written[i:i + 2]
    return f"the letters {old} are swapped to {new}", f"字母 {old} 被调换成了 {new}"


def _describe_edit(op: str, old: str, new: str, official: str, at: int) -> Phrase:
    if op == "delete":
        return _describe_omission(old)
    if op == "insert":
        return _describe_insertion(new, official, at)
    if len(old) == 2 and new == old[::-1]:
        return f"the letters {old} are swapped to {new}", f"字母 {old} 被调换成了 {new}"
    if len(old) == 1 and len(new) == 1:
        return _describe_swap(old, new)
    return f"{old} is written as {new}", f"字符 {old} 被写成了 {new}"


def _describe_swap(old: str, new: str) -> Phrase:
    en_old, zh_old = describe_char(old)
    en_new, zh_new = describe_char(new)
    if old.isascii() and new.isascii() and bin(ord(old) ^ ord(new)).count("1") == 1 and old.lower() != new.lower():
        return f"{en_old} is replaced by {new} (one flipped bit)", f"{zh_old} 被换成了 {new}（单个比特翻转）"
    return f"{en_old} is {en_new}", f"{zh_old} 被换成了{zh_new}"


def _describe_omission(old: str) -> Phrase:
    en, zh = describe_char(old) if len(old) == 1 else (old, old)
    return f"{en} is missing", f"缺少了{zh}"


def _describe_insertion(new: str, official: str, at: int) -> Phrase:
    if len(new) == 1 and (official[at - 1:at] == new or official[at:at + 1] == new):
        en, zh = describe_char(new)
        return f"{en} is doubled", f"{zh} 被重复了"
    if new == "-":
        return "a hyphen is added", "多加了一个连字符"
    en, zh = describe_char(new) if len(new) == 1 else (new, new)
    return f"{en} is added", f"多了{zh}"


def join_phrases(phrases: list[Phrase]) -> Phrase:
    """'a and b' / 'a，b'."""
    if not phrases:
        return "", ""
    en = "; ".join(p[0] for p in phrases)
    zh = "，".join(p[1] for p in phrases)
    return en, zh
