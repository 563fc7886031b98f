"""Find BIP39 recovery phrases in free text, in any of the ten official languages.

A phrase is a run of wordlist words joined only by separators a person uses to write a list
(spaces, commas, new lines, ``1.``/``1)``/``①`` numbering). Prose rarely strings eleven list
words together without a stop word or full stop between them, so run length is the first
filter and the checksum the second. A cheap pass over plain word strings finds the rare texts
with such a run; only those are tokenized with spans. Unspaced Chinese is handled in
:mod:`bridgedesk.guard.secrets.seed_phrase_cjk`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from bridgedesk.guard.secrets.findings import Finding, merge_overlaps
from bridgedesk.guard.secrets.mnemonic_checksum import PHRASE_LENGTHS, find_valid_window
from bridgedesk.guard.secrets.near_miss import near_candidates
from bridgedesk.guard.secrets.seed_phrase_cjk import CJK_CHARS, find_dense_phrases
from bridgedesk.guard.secrets.wordlists import LANGUAGES, fold_word, load_vocabulary

DETECTOR = "bip39"
MIN_RUN = 11
MIN_FRAGMENT = 3
MAX_GAP = 24
# Longer runs are pasted word lists or several phrases: redact them whole, skip the window search.
MAX_SEARCHED_RUN = 60

_CIRCLED = "\u2460-\u2473\u2776-\u2793\u24f5-\u24fe\u3251-\u325f\u32b1-\u32bf"
_TOKEN = re.compile(
    rf"[{CJK_CHARS}]{{2,}}|[{CJK_CHARS}]|(?:[^\W\d_{CJK_CHARS}{_CIRCLED}]|[\u0300-\u036f\u3099\u309a])+"
)
_GAP = re.compile(
    r"(?:\s|[,，、;；|/·•・\-–—\"'“”‘’«»>]"
    r"|\d{1,2}[.)\]:：、．）]?|[(\[（]\d{1,2}[)\]）]|#\d{1,2}"
    rf"|[{_CIRCLED}])*"
)
# Punctuation, digits and numbering become spaces for the pre-pass (same length, so offsets hold).
_TO_SPACE = str.maketrans(
    dict.fromkeys(".,:;!?()[]{}<>\"'“”‘’«»*#-–—·•/|0123456789）（．：。，、；" + "".join(map(chr, range(0x2460, 0x2474))), " ")
)
_MARGIN = 48
_WORD = re.compile(rf"[^\W\d_{_CIRCLED}]+")
_FRAGMENT = re.compile(rb"\x01{%d,}" % MIN_FRAGMENT)
# Function words are never BIP39 words, but several are one typo from one ("and"→"hand");
# a real mistyped phrase word is not a function word, so these never count as near misses.
_FUNCTION_WORDS = frozenset(
    "a an and are as at be but by for from had has have he her his if in is it its of on or our "
    "she so than that the their them then there these they this to too was we were what when "
    "which who will with would you your de la le les des du et el los las y en que un une o "
    "il lo di da per con non se na ne je to za".split()
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    key: str
    mask: int


@dataclass(frozen=True)
class _Run:
    language: int
    first: int
    last: int


def find_seed_phrases(text: str) -> list[Finding]:
    """Every span of ``text`` that holds a recovery phrase, with checksum-based confidence."""
    findings = find_dense_phrases(text)
    for start, end in _candidate_windows(text):
        tokens = _tokenize(text, start, end)
        for run in _collect_runs(text, tokens):
            finding = _judge_run(text, tokens, run)
            if finding is not None:
                findings.append(finding)
    return merge_overlaps(findings)


def _candidate_windows(text: str) -> list[tuple[int, int]]:
    """Cheap pre-pass on bare word strings: the few stretches that hold ~11 list words in a row.

    Regex tokenizing with spans costs ~100x more than ``str.split``, so it only runs on these.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or not unicodedata.is_normalized("NFC", text):
        return [(0, len(text))]
    if lowered.isascii():
        lowered = lowered.translate(_TO_SPACE)  # fast ASCII path
        words = lowered.split()
    else:
        words = _WORD.findall(lowered)
    flags = bytes(map(load_vocabulary().masks.__contains__, words))
    ranges = _long_fragments(flags)
    if not ranges:
        return []
    offsets = _word_offsets(lowered, words, max(last for _, last in ranges) + 1)
    return [
        (max(0, offsets[max(0, first - 1)] - _MARGIN), min(len(text), offsets[last] + _MARGIN))
        for first, last in ranges
    ]


def _long_fragments(flags: bytes) -> list[tuple[int, int]]:
    """Index ranges of runs of hits (one miss allowed inside) that are long enough to report."""
    ranges: list[tuple[int, int]] = []
    previous: tuple[int, int] | None = None
    for fragment in _FRAGMENT.finditer(flags):
        first, stop = fragment.start(), fragment.end()
        if previous is not None and first == previous[1] + 1:
            first = previous[0]
        if stop - first - (1 if first != fragment.start() else 0) >= MIN_RUN:
            ranges.append((first, min(stop, len(flags) - 1)))
        previous = (fragment.start(), stop)
    return ranges


def _word_offsets(text: str, words: list[str], count: int) -> list[int]:
    offsets, position = [], 0
    for word in words[:count]:
        position = text.find(word, position)
        offsets.append(position)
        position += len(word)
    return offsets


def _tokenize(text: str, start: int, end: int) -> list[_Token]:
    masks = load_vocabulary().masks
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        key = fold_word(match.group())
        tokens.append(_Token(match.start(), match.end(), key, masks.get(key, 0)))
    return tokens


def _is_separator(text: str, start: int, end: int) -> bool:
    """True when only list punctuation or numbering sits between two words."""
    if end - start > MAX_GAP:
        return False
    return _GAP.fullmatch(text, start, end) is not None


def _bits(mask: int) -> tuple[int, ...]:
    return tuple(b for b in range(len(LANGUAGES)) if mask >> b & 1)


def _collect_runs(text: str, tokens: list[_Token]) -> Iterator[_Run]:
    """Maximal per-language runs of list words joined by separators (fragments of 3+ words)."""
    open_first: dict[int, int] = {}
    previous: _Token | None = None
    for position, token in enumerate(tokens):
        shared = previous.mask & token.mask if previous is not None else 0
        linked = previous is not None and bool(shared) and _is_separator(text, previous.end, token.start)
        for bit in [b for b in open_first if not (linked and shared >> b & 1)]:
            yield from _close_run(bit, open_first.pop(bit), position - 1)
        for bit in _bits(token.mask):
            open_first.setdefault(bit, position)
        previous = token
    for bit in list(open_first):
        yield from _close_run(bit, open_first.pop(bit), len(tokens) - 1)


def _close_run(bit: int, first: int, last: int) -> Iterator[_Run]:
    if last - first + 1 >= MIN_FRAGMENT:
        yield _Run(bit, first, last)


def _word_indices(tokens: list[_Token], language: int, first: int, last: int) -> list[int]:
    lookup = load_vocabulary().indices[language]
    return [lookup[tokens[i].key] for i in range(first, last + 1)]


def _judge_run(text: str, tokens: list[_Token], run: _Run) -> Finding | None:
    """Checksum-valid → certain; otherwise a long run, or one with a single typo, is still a secret."""
    indices = _word_indices(tokens, run.language, run.first, run.last)
    if len(indices) > MAX_SEARCHED_RUN:
        return _finding(tokens, run.first, run.last, 0.7)
    window = find_valid_window(indices) if len(indices) >= PHRASE_LENGTHS[0] else None
    if window is not None:
        return _finding(tokens, run.first + window[0], run.first + window[1] - 1, 1.0)
    repaired = _with_near_miss(text, tokens, run, indices)
    if repaired is not None:
        return repaired
    if len(indices) >= MIN_RUN:
        confidence = 0.75 if len(indices) + 1 in PHRASE_LENGTHS else 0.7
        return _finding(tokens, run.first, run.last, confidence)
    return None


def _with_near_miss(text: str, tokens: list[_Token], run: _Run, indices: list[int]) -> Finding | None:
    """Extend the run by one mistyped word on either side (joining the next run when there is one)."""
    best: Finding | None = None
    for near in (run.first - 1, run.last + 1):
        candidates = _near_word(text, tokens, run, near)
        if not candidates:
            continue
        after = _following_words(text, tokens, run.language, near) if near > run.last else []
        before, middle = (indices, after) if near > run.last else ([], indices)
        total = len(before) + 1 + len(middle)
        if total < PHRASE_LENGTHS[0]:
            continue
        valid = any(find_valid_window(before + [c] + middle) is not None for c in sorted(candidates))
        confidence = 0.95 if valid else (0.8 if total in PHRASE_LENGTHS else 0.65)
        first, last = min(near, run.first), max(near + len(after), run.last)
        if best is None or confidence > best.confidence:
            best = _finding(tokens, first, last, confidence)
    return best


def _near_word(text: str, tokens: list[_Token], run: _Run, near: int) -> frozenset[int]:
    """List words the token next to the run could be a typo of, if it is linked like a list item."""
    if not 0 <= near < len(tokens) or tokens[near].mask >> run.language & 1:
        return frozenset()
    if tokens[near].key in _FUNCTION_WORDS:
        return frozenset()
    left, right = (near, run.first) if near < run.first else (run.last, near)
    if not _is_separator(text, tokens[left].end, tokens[right].start):
        return frozenset()
    return near_candidates(tokens[near].key, run.language)


def _following_words(text: str, tokens: list[_Token], language: int, near: int) -> list[int]:
    """List words that continue after a mistyped word, so a typo mid-phrase joins both halves."""
    lookup = load_vocabulary().indices[language]
    words: list[int] = []
    position = near + 1
    while position < len(tokens) and tokens[position].mask >> language & 1:
        if not _is_separator(text, tokens[position - 1].end, tokens[position].start):
            break
        words.append(lookup[tokens[position].key])
        position += 1
    return words


def _finding(tokens: list[_Token], first: int, last: int, confidence: float) -> Finding:
    return Finding("seed_phrase", tokens[first].start, tokens[last].end, confidence, DETECTOR)
