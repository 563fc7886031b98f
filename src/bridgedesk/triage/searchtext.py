"""Turn ticket text and search queries into the same tokens, so Chinese and identifiers can be found.

Why not a stock tokenizer: Chinese has no spaces, and agents mostly search two characters
(提现, 充值, 冻结, 到账). A trigram index cannot answer a two-character query, and a word
tokenizer sees a whole sentence of hanzi as one "word". So CJK runs are indexed as
overlapping bigrams (提现失败 -> 提现 现失 失败) followed by the run's last character alone;
a query of two or more CJK characters becomes the phrase of its bigrams (adjacent, in order:
an exact substring match), and a one-character query is a prefix of a bigram or that trailing
single character, so every occurrence is found.

Latin text becomes lower-cased words. Identifiers users paste (KX-100123, li.wei@qq.com, a tx
hash, an order id) are kept whole as one token *and* split into their parts, so the pasted
identifier matches exactly while a part (100123) still finds it. Text is NFKC-normalised
first, so full-width ＵＳＤＴ and １２３ (common from Chinese input methods) match USDT and 123.

The module is pure (stdlib only); ``bridgedesk.desk.search.index`` stores the tokens in SQLite
FTS5 or a PostgreSQL tsvector, both of which take the tokens exactly as given here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Hiragana/Katakana, CJK Extension A, CJK Unified Ideographs, Hangul syllables, CJK compatibility.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
JOINERS = "-_.@:+/"                    # kept inside identifiers; also FTS5 ``tokenchars``
MAX_DOCUMENT_CHARS = 20_000            # a pasted log file must not blow up the index row
MAX_TOKEN_CHARS = 128               # PostgreSQL refuses lexemes over 2 KB; no identifier is this long
MAX_QUERY_TERMS = 12
MAX_QUERY_CHARS = 200

_WORD = rf"[^\W_{CJK_RANGES}]+"
_TOKEN = re.compile(rf"(?P<cjk>[{CJK_RANGES}]+)|(?P<word>{_WORD}(?:[{re.escape(JOINERS)}]{_WORD})*)")
_PARTS = re.compile(_WORD)


@dataclass(frozen=True)
class Term:
    """One thing every result must contain: a phrase of adjacent tokens, or a prefix of a token."""

    tokens: tuple[str, ...]
    prefix: bool = False


def normalise(text: str) -> str:
    """NFKC then case-fold: full-width forms, ligatures and case no longer matter."""
    return unicodedata.normalize("NFKC", text).casefold()


def cjk_tokens(run: str) -> list[str]:
    """Overlapping bigrams of a CJK run, then its last character alone (see the module docstring)."""
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def word_tokens(word: str) -> list[str]:
    """A word, or an identifier kept whole followed by its parts."""
    parts = _PARTS.findall(word)
    return [word] if len(parts) == 1 else [word, *parts]


def document_tokens(text: str) -> list[str]:
    """The tokens to index for one document, in reading order (positions matter for CJK phrases)."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(normalise(text[:MAX_DOCUMENT_CHARS])):
        if match.group("cjk"):
            tokens.extend(cjk_tokens(match.group("cjk")))
        else:
            tokens.extend(word_tokens(match.group("word")))
    return [token for token in tokens if len(token) <= MAX_TOKEN_CHARS]


def query_terms(query: str) -> list[Term]:
    """The terms of a search box entry; all of them must match. Empty when nothing is searchable."""
    terms: list[Term] = []
    for match in _TOKEN.finditer(normalise(query[:MAX_QUERY_CHARS])):
        run = match.group("cjk")
        if run and len(run) == 1:
            terms.append(Term((run,), prefix=True))
        elif run:
            terms.append(Term(tuple(run[i:i + 2] for i in range(len(run) - 1))))
        else:
            terms.append(Term((match.group("word"),)))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TERMS]


def needles(query: str) -> list[str]:
    """The literal strings a query looks for, to find where a match sits when showing a snippet."""
    return [match.group(0) for match in _TOKEN.finditer(normalise(query[:MAX_QUERY_CHARS]))]
