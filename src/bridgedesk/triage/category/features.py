"""Text normalisation and n-gram analysers for the category model.

Why normalise first: a transaction hash, an address or an order number is unique to
one message, so as a raw feature it only memorises noise. Replacing each with a
placeholder word keeps the useful signal ("this mail carries a hash") and drops the
noise. Why two analysers: word n-grams carry meaning in space-separated languages,
character n-grams survive typos and inflection, and Chinese/Japanese/Korean have no
spaces at all, so their runs are cut into character 1-3 grams instead of words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

# Placeholders are plain lowercase words so every analyser treats them as one token.
HASH_TOKEN = "zzhash"
ADDRESS_TOKEN = "zzaddr"
EMAIL_TOKEN = "zzemail"
URL_TOKEN = "zzurl"
NUMBER_TOKEN = "zznum"
TICKER_TOKEN = "zzcoin"

_TICKERS = (
    "btc", "eth", "usdt", "usdc", "bnb", "trx", "sol", "xrp", "ltc", "doge", "ada", "dot",
    "matic", "pol", "avax", "ton", "shib", "link", "dai", "busd", "fdusd", "tusd", "arb",
    "op", "atom", "near", "apt", "sui", "pepe", "xlm", "etc", "bch", "fil", "uni",
)
_CJK_RANGES = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
)

_B58 = "[1-9A-HJ-NP-Za-km-z]"
# ASCII-only edges instead of \b: Chinese glues identifiers to words ("哈希0x5c..."),
# and \b sees no boundary between a Han character and a Latin one.
_A, _Z = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
_URL_RE = re.compile(r"https?://[!-~]+|www\.[!-~]+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Hashes and addresses: every shape below is a run of at least 23 ASCII letters and digits.
_IDENTIFIER_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_A + r"(?:0x)?[0-9a-fA-F]{64}" + _Z), HASH_TOKEN),
    (re.compile(_A + r"0x[0-9a-fA-F]{40}" + _Z), ADDRESS_TOKEN),
    (re.compile(_A + r"(?:bc1|tb1|ltc1)[02-9ac-hj-np-z]{20,90}" + _Z, re.IGNORECASE), ADDRESS_TOKEN),
    (re.compile(_A + r"[13LMDT]" + _B58 + r"{25,34}" + _Z), ADDRESS_TOKEN),
    # Solana-style base58 (32-44 chars) only if it mixes digits and letters, unlike words.
    (re.compile(_A + r"(?=%s*\d)(?=%s*[A-Za-z])%s{32,44}" % ((_B58,) * 3) + _Z), ADDRESS_TOKEN),
    (re.compile(_A + _B58 + r"{80,90}" + _Z), HASH_TOKEN),
)
_IDENTIFIER_PROBE = re.compile(r"[0-9A-Za-z]{23}")   # the shortest identifier above: bc1 + 20
_TICKER_RE = re.compile(_A + r"(?:%s)" % "|".join(_TICKERS) + _Z)   # applied to lower-cased text
# Digits glued to Latin letters stay (TRC20, ERC20, 2FA reads as "2fa" after folding).
_NUMBER_RE = re.compile(r"(?<![a-z])\d+(?:[.,]\d+)*(?![a-z])")
_CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
)
_TOKEN_RE = re.compile(r"[%s]+|[^\W_]+" % _CJK_RANGES)
_CJK_RUN_RE = re.compile(r"[%s]+" % _CJK_RANGES)
_SPACE_RE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Fold width and case, expand English contractions and replace identifiers.

    NFKC turns full-width Latin and digits (common in Chinese mail) into ASCII so
    "ＵＳＤＴ" and "USDT" become one feature.
    """
    folded = replace_identifiers(unicodedata.normalize("NFKC", text).replace("\u2019", "'"))
    folded = folded.lower()
    folded = _TICKER_RE.sub(f" {TICKER_TOKEN} ", folded)
    folded = _NUMBER_RE.sub(f" {NUMBER_TOKEN} ", folded)
    if "'" in folded:   # every contraction has one; most mail has none, and each pass costs
        for pattern, expansion in _CONTRACTIONS:
            folded = pattern.sub(expansion, folded)
    return _SPACE_RE.sub(" ", folded).strip()


def replace_identifiers(text: str) -> str:
    """Links, e-mail addresses, hashes and addresses as placeholder words.

    Each pattern runs only when a cheap probe shows it could match (a scheme, an "@", a run
    of 23 letters and digits): the answer is the same, and most mail skips most passes.
    """
    if "://" in text or "www." in text.lower():
        text = _URL_RE.sub(f" {URL_TOKEN} ", text)
    if "@" in text:
        text = _EMAIL_RE.sub(f" {EMAIL_TOKEN} ", text)
    if _IDENTIFIER_PROBE.search(text):
        for pattern, token in _IDENTIFIER_PATTERNS:
            text = pattern.sub(f" {token} ", text)
    return text


def split_tokens(text: str) -> list[str]:
    """Split normalised text into words and whole CJK runs (kept as one token each)."""
    return _TOKEN_RE.findall(text)


def cjk_char_ngrams(run: str, max_n: int = 3) -> list[str]:
    """Character 1..max_n grams of one CJK run: the word features of unspaced scripts."""
    return [run[i : i + n] for n in range(1, max_n + 1) for i in range(len(run) - n + 1)]


def analyse_words(text: str) -> list[str]:
    """Word unigrams and bigrams for spaced scripts plus char 1-3 grams for CJK runs.

    Module-level (not a lambda) so a vectoriser that uses it stays importable by name.
    A bigram across two CJK runs adds nothing the char n-grams lack, so none is made;
    whether a token is a CJK run is asked once per token, not once per pair it is in.
    """
    tokens = split_tokens(text)
    is_cjk = [_CJK_RUN_RE.fullmatch(token) is not None for token in tokens]
    features: list[str] = []
    for token, cjk in zip(tokens, is_cjk):
        if cjk:
            features.extend(cjk_char_ngrams(token))
        else:
            features.append(token)
    features.extend(
        f"{a} {b}" for a, b, a_cjk, b_cjk in zip(tokens, tokens[1:], is_cjk, is_cjk[1:]) if not (a_cjk and b_cjk)
    )
    return features


# Each spec names a fixed TF-IDF configuration; a saved model refers to it by name.
_VECTORISER_SPECS: dict[str, dict[str, object]] = {
    "words_cjk3": {"analyzer": analyse_words, "sublinear_tf": True, "lowercase": False},
    "char_wb_2_5": {
        "analyzer": "char_wb",
        "ngram_range": (2, 5),
        "sublinear_tf": True,
        "lowercase": False,
    },
}
DEFAULT_SPECS = tuple(_VECTORISER_SPECS)


@dataclass(frozen=True)
class FeatureBlock:
    """One fitted TF-IDF block: its spec name, term -> column map and idf weights."""

    spec: str
    vocabulary: dict[str, int]
    idf: np.ndarray


# Word-bounded char n-gram blocks: a text's n-grams are the concatenation of each
# whitespace-separated word's own n-grams, so a word's vocabulary columns can be cached.
_PER_WORD_SPECS = frozenset({"char_wb_2_5"})
WORD_CACHE_SIZE = 50_000   # words per block (a few MB); the cache is emptied when full


class FeatureSpace:
    """Fitted blocks stacked side by side, with a fast path for one text at a time.

    Why not call scikit-learn's ``transform`` at predict time: on one short message
    its sparse-matrix plumbing costs milliseconds, while the arithmetic (count,
    1 + log tf, times idf, L2 per block) is a few dozen dictionary look-ups.
    Why a per-word cache for the char n-gram block: a 1,500-character mail has some
    6,000 char n-grams but only a few hundred words, and support mail reuses the same
    words (greetings, signatures, quoted text) all day, so most words cost one look-up.
    """

    def __init__(self, blocks: Sequence[FeatureBlock]) -> None:
        self.blocks = tuple(blocks)
        self._analysers = tuple(make_analyser(block.spec) for block in self.blocks)
        sizes = [len(block.vocabulary) for block in self.blocks]
        self._offsets = tuple(int(x) for x in np.cumsum([0, *sizes[:-1]]))
        self.size = int(sum(sizes))
        self._word_columns: tuple[dict[str, np.ndarray] | None, ...] = tuple(
            {} if block.spec in _PER_WORD_SPECS else None for block in self.blocks
        )

    def vectorise(self, normalised: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices (ascending within each block) and TF-IDF values of one normalised text."""
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for block, analyse, offset, cache in zip(self.blocks, self._analysers, self._offsets, self._word_columns):
            if cache is None:
                found = term_columns(analyse(normalised), block)
            else:
                found = columns_by_word(normalised, block, analyse, cache)
            index, value = weigh_columns(found, block)
            columns.append(index + offset)
            values.append(value)
        return np.concatenate(columns), np.concatenate(values)

    def transform(self, normalised_texts: Sequence[str]) -> sparse.csr_matrix:
        """Feature matrix of many normalised texts (same numbers as ``vectorise``)."""
        rows = [self.vectorise(text) for text in normalised_texts]
        indptr = np.cumsum([0, *(len(cols) for cols, _ in rows)])
        indices = np.concatenate([cols for cols, _ in rows]) if rows else np.zeros(0, int)
        data = np.concatenate([vals for _, vals in rows]) if rows else np.zeros(0)
        return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), self.size))


_NO_COLUMNS = np.zeros(0, dtype=np.int64)


def columns_by_word(normalised: str, block: FeatureBlock, analyse: Callable[[str], list[str]],
                    cache: dict[str, np.ndarray]) -> np.ndarray:
    """Vocabulary columns of every term of a word-bounded analyser, one array per text.

    Exact only for analysers whose terms never span two words (``char_wb``): each word is
    analysed alone, as scikit-learn splits the text on whitespace before cutting n-grams.
    The cache keeps each word's columns as an array, so a text costs one look-up per word
    and one concatenation, with no Python integer per n-gram.
    """
    parts: list[np.ndarray] = []
    for word in normalised.split():
        known = cache.get(word)
        if known is None:
            known = term_columns(analyse(word), block)
            if len(cache) >= WORD_CACHE_SIZE:
                cache.clear()
            cache[word] = known
        parts.append(known)
    return np.concatenate(parts) if parts else _NO_COLUMNS


def term_columns(terms: list[str], block: FeatureBlock) -> np.ndarray:
    """Vocabulary columns of the terms the vocabulary knows (one per occurrence).

    Unknown terms map to -1 and are dropped in numpy: no Python-level filter per term.
    """
    found = np.fromiter(map(block.vocabulary.get, terms, repeat(-1)), dtype=np.int64, count=len(terms))
    return found[found >= 0]


def weigh_columns(columns: np.ndarray, block: FeatureBlock) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear tf times idf, L2-normalised, from one column per term occurrence.

    Returns the distinct columns in ascending order with their values (counted in numpy;
    a ``Counter`` over Python integers was most of this block's cost).
    """
    if not len(columns):
        return _NO_COLUMNS, np.zeros(0)
    index, counts = count_sorted(np.sort(columns))
    value = 1.0 + np.log(counts)
    value *= block.idf[index]
    return index, value / np.sqrt(value @ value)


def count_sorted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs: ``np.unique(values,
    return_counts=True)`` with a third of its calls, which is what it costs on arrays this small."""
    if not len(values):
        return values, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    return values[starts], np.diff(np.append(starts, len(values)))


def fit_feature_space(
    normalised_texts: Sequence[str], specs: Sequence[str] = DEFAULT_SPECS
) -> tuple[FeatureSpace, sparse.csr_matrix]:
    """Learn vocabularies and idf on the texts; return the space and their features."""
    blocks: list[FeatureBlock] = []
    matrices: list[sparse.csr_matrix] = []
    for spec in specs:
        vectoriser = TfidfVectorizer(**_VECTORISER_SPECS[spec])
        matrices.append(vectoriser.fit_transform(normalised_texts))
        vocabulary = {term: int(col) for term, col in vectoriser.vocabulary_.items()}
        blocks.append(FeatureBlock(spec, vocabulary, vectoriser.idf_.astype(np.float64)))
    return FeatureSpace(blocks), sparse.hstack(matrices, format="csr")


def make_analyser(spec: str) -> Callable[[str], list[str]]:
    """The term extractor of a spec, exactly as the fitting vectoriser used it."""
    if spec not in _VECTORISER_SPECS:
        raise ValueError(f"unknown feature spec {spec!r}")
    return TfidfVectorizer(**_VECTORISER_SPECS[spec]).build_analyzer()
