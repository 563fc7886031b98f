"""Which wordlist words a mistyped word could have been.

Users mistype one word of a phrase they copy by hand; the phrase is still a secret. A word is a
near miss when it is one edit (insert, delete, substitute, swap) from a list word, or shares the
four-letter prefix that BIP39 makes unique. The deletion index is built per language on first use.
"""

from __future__ import annotations

from functools import lru_cache

from bridgedesk.guard.secrets.wordlists import LANGUAGES, load_vocabulary

MIN_NEAR_LENGTH = 3


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=len(LANGUAGES))
def _deletion_index(language_index: int) -> dict[str, frozenset[int]]:
    index: dict[str, set[int]] = {}
    for position, word in enumerate(load_vocabulary().words[language_index]):
        for variant in _deletions(word) | {word}:
            index.setdefault(variant, set()).add(position)
    return {key: frozenset(value) for key, value in index.items()}


@lru_cache(maxsize=len(LANGUAGES))
def _prefix_index(language_index: int) -> dict[str, int]:
    counts: dict[str, list[int]] = {}
    for position, word in enumerate(load_vocabulary().words[language_index]):
        if len(word) >= 4:
            counts.setdefault(word[:4], []).append(position)
    return {prefix: hits[0] for prefix, hits in counts.items() if len(hits) == 1}


def preload_indexes() -> None:
    """Build every language's indexes now instead of on the first message that needs one."""
    for language_index in range(len(LANGUAGES)):
        _deletion_index(language_index)
        _prefix_index(language_index)


def near_candidates(folded: str, language_index: int) -> frozenset[int]:
    """Indices of list words ``folded`` is one typo away from (empty when it is no near miss)."""
    if len(folded) < MIN_NEAR_LENGTH or not folded.isalpha():
        return frozenset()
    deletion_index = _deletion_index(language_index)
    found: set[int] = set()
    for variant in _deletions(folded) | {folded}:
        found.update(deletion_index.get(variant, ()))
    prefix_hit = _prefix_index(language_index).get(folded[:4]) if len(folded) >= 4 else None
    if prefix_hit is not None:
        found.add(prefix_hit)
    return frozenset(found)
