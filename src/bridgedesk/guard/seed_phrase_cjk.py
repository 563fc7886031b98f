"""Recovery phrases written in Chinese characters without spaces (``的一是在不了有和…``).

Nearly every common character is in the Chinese lists and Chinese prose has no spaces, so a
run of list characters proves nothing. An unspaced window only counts when it is checksum-valid
*and* looks like a uniform draw from the list: the lists are ordered by frequency, so prose
leans heavily on the first ranks while a real phrase averages rank ~1024. Windows are only tried
where a pasted phrase would sit: at either end of the run or right after a cue like 助记词是.
"""

from __future__ import annotations

import re

from bridgedesk.guard.findings import Finding
from bridgedesk.guard.mnemonic_checksum import PHRASE_LENGTHS, is_checksum_valid
from bridgedesk.guard.wordlists import CJK_LANGUAGES, LANGUAGES, load_vocabulary

DETECTOR = "bip39"
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{CJK_CHARS}](?:[ \u3000]?[{CJK_CHARS}]){{11,}}")
_CHAR = re.compile(rf"[{CJK_CHARS}]")
_CUE = re.compile(r"(?:助记词|助記詞|助记符|助記符|恢复短语|恢復短語|种子短语|種子短語)[是为為：:\s]*")
_COMMON_RANK = 128
_MAX_COMMON = 2
_MIN_MEAN_RANK = 600


def find_dense_phrases(text: str) -> list[Finding]:
    """Checksum-valid, random-looking Chinese phrases inside runs of Chinese characters."""
    findings = []
    for run in _RUN.finditer(text):
        positions = [m.start() for m in _CHAR.finditer(text, run.start(), run.end())]
        for language in sorted(CJK_LANGUAGES):
            finding = _find_in_run(text, positions, LANGUAGES.index(language))
            if finding is not None:
                findings.append(finding)
                break
    return findings


def _find_in_run(text: str, positions: list[int], language: int) -> Finding | None:
    lookup = load_vocabulary().indices[language]
    indices = [lookup.get(text[p], -1) for p in positions]
    starts = {0} | _cue_offsets(text, positions)
    for length in reversed(PHRASE_LENGTHS):
        offsets = starts | {len(indices) - length}
        for offset in sorted(o for o in offsets if 0 <= o <= len(indices) - length):
            window = indices[offset : offset + length]
            if min(window) >= 0 and _looks_random(window) and is_checksum_valid(window):
                start, end = positions[offset], positions[offset + length - 1] + 1
                return Finding("seed_phrase", start, end, 1.0, DETECTOR)
    return None


def _cue_offsets(text: str, positions: list[int]) -> set[int]:
    """Offsets in the run right after words like 助记词是, where a pasted phrase begins."""
    first, last = positions[0], positions[-1] + 1
    by_position = {p: i for i, p in enumerate(positions)}
    offsets = set()
    for cue in _CUE.finditer(text, first, last):
        if cue.end() in by_position:
            offsets.add(by_position[cue.end()])
    return offsets


def _looks_random(window: list[int]) -> bool:
    """A real phrase is a uniform draw over 2048 ranks; prose leans on the most frequent ones."""
    common = sum(1 for index in window if index < _COMMON_RANK)
    return common <= _MAX_COMMON and sum(window) / len(window) >= _MIN_MEAN_RANK
