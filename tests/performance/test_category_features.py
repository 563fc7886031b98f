"""The fast one-text feature path must give scikit-learn's numbers exactly, cache or not.

``FeatureSpace.vectorise`` caches each word's char n-gram columns; a wrong cache (a stale
entry, a word split differently from scikit-learn, a cleared cache) would silently change
every prediction, so it is compared here with ``TfidfVectorizer.transform`` itself.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from bridgedesk.triage.category import features
from bridgedesk.triage.category.encoder import PieceEmbedder, encoder_available, piece_ids
from bridgedesk.triage.category.features import _VECTORISER_SPECS, fit_feature_space, normalise_text

TRAIN = [
    "My USDT deposit via TRC20 has not arrived after 3 hours",
    "我的充值还没有到账，哈希 0x" + "ab" * 32,
    "Withdrawal pending for two days, order 123456",
    "提现一直在审核中，请帮忙处理",
    "I can't log in, 2FA code is rejected",
    "Phishing site pretending to be your exchange: www.kestre1.exchange",
    "KYC verification failed, passport photo rejected",
    "API error 50111 Invalid OK-ACCESS-KEY when placing orders",
]
UNSEEN = [
    "deposit deposit deposit not arrived   with   odd\tspacing\nand lines",
    "充值未到账 deposit 未到账 TRC20 usdt",
    "Hello team,\n\nmy withdrawal is stuck.\n\nThanks,\nAlice\n-- \nSent from my phone",
    "",
    "   ",
    "a",
    "completely unknown vocabulary zzyzx qwxv",
]


def sklearn_rows(texts: list[str]) -> np.ndarray:
    """The reference: each block fitted and transformed by scikit-learn, stacked."""
    normalised_train = [normalise_text(t) for t in TRAIN]
    normalised = [normalise_text(t) for t in texts]
    blocks = []
    for spec in _VECTORISER_SPECS:
        vectoriser = TfidfVectorizer(**_VECTORISER_SPECS[spec]).fit(normalised_train)
        blocks.append(vectoriser.transform(normalised).toarray())
    return np.hstack(blocks)


def fast_rows(space, texts: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    rows = np.zeros((len(texts), space.size))
    for row, text in zip(rows, texts):
        columns, values = space.vectorise(normalise_text(text))
        row[columns] = values
    return rows


@pytest.fixture()
def space():  # type: ignore[no-untyped-def]
    fitted, _ = fit_feature_space([normalise_text(t) for t in TRAIN])
    return fitted


def test_vectorise_equals_sklearn_on_first_and_cached_calls(space) -> None:  # type: ignore[no-untyped-def]
    expected = sklearn_rows(UNSEEN + TRAIN)
    np.testing.assert_allclose(fast_rows(space, UNSEEN + TRAIN), expected, atol=1e-12)
    np.testing.assert_allclose(fast_rows(space, UNSEEN + TRAIN), expected, atol=1e-12)   # now from the cache


def test_a_full_word_cache_is_emptied_and_results_stay_exact(space, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(features, "WORD_CACHE_SIZE", 3)
    expected = sklearn_rows(UNSEEN)
    np.testing.assert_allclose(fast_rows(space, UNSEEN), expected, atol=1e-12)
    assert all(len(cache) <= 3 for cache in space._word_columns if cache is not None)


def test_transform_equals_vectorise(space) -> None:  # type: ignore[no-untyped-def]
    matrix = space.transform([normalise_text(t) for t in UNSEEN]).toarray()
    np.testing.assert_allclose(matrix, fast_rows(space, UNSEEN), atol=1e-12)


@pytest.mark.skipif(not encoder_available(), reason="the optional encoder package is not installed")
def test_cached_word_pieces_equal_one_tokeniser_call_per_text() -> None:
    """The per-word piece cache must give the pieces of tokenising the whole text at once."""
    embedder = PieceEmbedder.fit([normalise_text(t) for t in TRAIN])
    skip = embedder._skip
    for text in [normalise_text(t) for t in UNSEEN + TRAIN] * 2:   # second round: from the cache
        whole = [i for i in piece_ids(embedder._tokenizer, text) if i not in skip]
        assert embedder.piece_ids_cached(text) == whole


def reference_normalise(text: str) -> str:
    """``normalise_text`` as first written: every pattern on every text, tickers case-blind."""
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    for pattern, token in ((features._URL_RE, features.URL_TOKEN), (features._EMAIL_RE, features.EMAIL_TOKEN),
                           *features._IDENTIFIER_PATTERNS):
        folded = pattern.sub(f" {token} ", folded)
    folded = folded.lower()
    folded = re.compile(features._TICKER_RE.pattern, re.IGNORECASE).sub(f" {features.TICKER_TOKEN} ", folded)
    folded = features._NUMBER_RE.sub(f" {features.NUMBER_TOKEN} ", folded)
    for pattern, expansion in features._CONTRACTIONS:
        folded = pattern.sub(expansion, folded)
    return features._SPACE_RE.sub(" ", folded).strip()


EDGE_TEXTS = [
    "See HTTPS://EXAMPLE.COM/x and WWW.Kestrel.exchange now",
    "mail ME@Example.COM or a.b+c@d-e.co.uk",
    "tx " + "AB" * 32 + " and 0x" + "cd" * 20 + " and BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
    "bc1" + "q" * 19 + " is too short, bc1" + "q" * 20 + " is not",
    "TJYeasTPa6gpEEfYqg8WhE6N3Yq9kZgzWv solana 4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
    "I can't, won't, didn't; I'm sure you're right, we've, they'll, she'd",
    "我的USDT充值TRC20还没到账，订单号 20240115000123",
    "",
]


def test_probed_normalisation_equals_running_every_pattern() -> None:
    """The probes that skip passes must never change the answer (on real mail and edge cases)."""
    from bridgedesk.bench.corpus import generate_corpus

    texts = EDGE_TEXTS + [raw.decode("utf-8", "replace") for raw in generate_corpus(300)]
    assert [normalise_text(t) for t in texts] == [reference_normalise(t) for t in texts]


@pytest.mark.parametrize("values", [[], [7], [3, 3, 3], [1, 2, 2, 5, 9, 9, 9], list(range(50)) * 3])
def test_count_sorted_equals_numpy_unique(values) -> None:  # type: ignore[no-untyped-def]
    array = np.sort(np.array(values, dtype=np.int64))
    index, counts = features.count_sorted(array)
    expected_index, expected_counts = np.unique(array, return_counts=True)
    assert index.tolist() == expected_index.tolist() and counts.tolist() == expected_counts.tolist()
