"""Recovery phrases written in Chinese characters without spaces (``的一是在不了有和…``).

Nearly every common character is in the Chinese lists and Chinese prose has no spaces, so a
run of list characters proves nothing. An unspaced window only counts when it is checksum-valid
*and* looks like a uniform draw from the list: the lists are ordered by frequency, so prose
leans heavily on the first ranks while a real phrase averages rank ~1024. Windows are only tried
where a pasted phrase would sit: at either end of the run or right after a cue like 助记词是.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bridgedesk.guard.secrets.findings import Finding
from bridgedesk.guard.secrets.mnemonic_checksum import PHRASE_LENGTHS, is_checksum_valid
from bridgedesk.guard.secrets.wordlists import CJK_LANGUAGES, LANGUAGES, load_vocabulary

DETECTOR = "bip39"
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{CJK_CHARS}](?:[ \u3000]?[{CJK_CHARS}])*+")
_SPACES = frozenset(" \u3000")
_CUE = re.compile(r"(?:助记词|助記詞|助记符|助記符|恢复短语|恢復短語|种子短语|種子短語)[是为為：:\s]*")
_COMMON_RANK = 128
_MAX_COMMON = 2
_MIN_MEAN_RANK = 600
_CJK_INDICES = tuple(sorted(LANGUAGES.index(name) for name in CJK_LANGUAGES))


def find_dense_phrases(text: str) -> list[Finding]:
    """Checksum-valid, random-looking Chinese phrases inside runs of Chinese characters."""
    findings: list[Finding] = []
    if len(text) < PHRASE_LENGTHS[0]:
        return findings
    has_cue = _CUE.search(text) is not None
    for run in _RUN.finditer(text):
        if run.end() - run.start() < PHRASE_LENGTHS[0]:
            continue
        chars = run.group()
        if _SPACES.isdisjoint(chars):
            positions: Sequence[int] = range(run.start(), run.end())
        else:
            positions = [run.start() + i for i, c in enumerate(chars) if c not in _SPACES]
            chars = "".join(c for c in chars if c not in _SPACES)
        if len(chars) < PHRASE_LENGTHS[0]:
            continue
        finding = _find_in_run(text, positions, chars, has_cue)
        if finding is not None:
            findings.append(finding)
    return findings


def _find_in_run(text: str, positions: Sequence[int], chars: str, has_cue: bool) -> Finding | None:
    for offset, length in _candidate_windows(text, positions, chars, has_cue):
        if any(_is_phrase(chars[offset : offset + length], language) for language in _CJK_INDICES):
            start, end = positions[offset], positions[offset + length - 1] + 1
            return Finding("seed_phrase", start, end, 1.0, DETECTOR)
    return None


def _candidate_windows(
    text: str, positions: Sequence[int], chars: str, has_cue: bool
) -> list[tuple[int, int]]:
    """(offset, length) windows anchored at the run's ends or after a cue, longest first.

    A short window full of common characters rules out every longer one on the same anchor, so
    most prose runs cost two regex calls.
    """
    total, shortest = len(chars), PHRASE_LENGTHS[0]
    windows: list[tuple[int, int]] = []
    starts = {0} | _cue_offsets(text, positions) if has_cue else {0}
    for start in sorted(starts):
        if total - start >= shortest and not _too_common(chars[start : start + shortest]):
            windows.extend((start, n) for n in reversed(PHRASE_LENGTHS) if start + n <= total)
    if not _too_common(chars[total - shortest :]):
        windows.extend((total - n, n) for n in reversed(PHRASE_LENGTHS) if n <= total)
    return windows


def _too_common(window: str) -> bool:
    return len(_common_characters().findall(window)) > _MAX_COMMON


def _is_phrase(window: str, language: int) -> bool:
    lookup = load_vocabulary().indices[language]
    indices = [lookup.get(c, -1) for c in window]
    return min(indices) >= 0 and _looks_random(indices) and is_checksum_valid(indices)


@lru_cache(maxsize=1)
def _common_characters() -> re.Pattern[str]:
    """The most frequent list characters of both Chinese lists, as one character class."""
    words = load_vocabulary().words
    common = {words[language][rank] for language in _CJK_INDICES for rank in range(_COMMON_RANK)}
    return re.compile("[" + "".join(sorted(common)) + "]")


def _cue_offsets(text: str, positions: Sequence[int]) -> set[int]:
    """Offsets in the run right after words like 助记词是, where a pasted phrase begins."""
    first, last = positions[0], positions[-1] + 1
    offsets = set()
    for cue in _CUE.finditer(text, max(0, first - 8), last):
        if first <= cue.end() < last:
            offset = _offset_of(positions, cue.end())
            if offset is not None:
                offsets.add(offset)
    return offsets


def _offset_of(positions: Sequence[int], position: int) -> int | None:
    if isinstance(positions, range):
        return position - positions.start
    return positions.index(position) if position in positions else None


def _looks_random(window: list[int]) -> bool:
    """A real phrase is a uniform draw over 2048 ranks; prose leans on the most frequent ones."""
    common = sum(1 for index in window if index < _COMMON_RANK)
    return common <= _MAX_COMMON and sum(window) / len(window) >= _MIN_MEAN_RANK
