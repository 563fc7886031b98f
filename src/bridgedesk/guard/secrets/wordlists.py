"""BIP39 vocabularies as lookup tables, built once on first use.

Users type phrases with any case and often without accents, so every word is keyed by a
folded form (NFKD, combining marks dropped, casefolded). Each official list stays unique under
that folding, which is what lets one dict answer "which lists hold this word, at what index".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from mnemonic import Mnemonic

LANGUAGES = (
    "english",
    "chinese_simplified",
    "chinese_traditional",
    "japanese",
    "korean",
    "spanish",
    "french",
    "italian",
    "czech",
    "portuguese",
)
CJK_LANGUAGES = frozenset({"chinese_simplified", "chinese_traditional"})


@dataclass(frozen=True)
class Vocabulary:
    """All ten lists keyed by folded word: a bitmask of languages and per-language indices."""

    masks: dict[str, int]
    indices: tuple[dict[str, int], ...]
    words: tuple[tuple[str, ...], ...]


def fold_word(word: str) -> str:
    """Fold case and accents so ``Ábaco``, ``abaco`` and NFD input meet the same key."""
    if word.isascii():
        return word.lower()
    return _fold_unicode(word)


@lru_cache(maxsize=65536)
def _fold_unicode(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Read the ten official lists shipped with ``mnemonic`` into one folded lookup."""
    masks: dict[str, int] = {}
    indices: list[dict[str, int]] = []
    words: list[tuple[str, ...]] = []
    for bit, language in enumerate(LANGUAGES):
        wordlist = tuple(Mnemonic(language).wordlist)
        folded = {fold_word(word): index for index, word in enumerate(wordlist)}
        folded.update(
            {_written_form(word): index for index, word in enumerate(wordlist)}
        )
        for key in folded:
            masks[key] = masks.get(key, 0) | (1 << bit)
        indices.append(folded)
        words.append(tuple(fold_word(word) for word in wordlist))
    return Vocabulary(masks=masks, indices=tuple(indices), words=tuple(words))


def _written_form(word: str) -> str:
    """The composed, lowercased spelling a user types (``ábaco``, Hangul syllables)."""
    return unicodedata.normalize("NFC", word).lower()


def language_bit(language: str) -> int:
    """Bit that marks ``language`` in :attr:`Vocabulary.masks`."""
    return 1 << LANGUAGES.index(language)
