"""Session fixtures over the real corpora (loaded once: the ham set is ~900 messages)."""

from __future__ import annotations

import pytest

from tests.guard.shared import load_bip39_vectors, load_ham_texts


@pytest.fixture(scope="session")
def ham_texts() -> list[tuple[str, str]]:
    return load_ham_texts()


@pytest.fixture(scope="session")
def bip39_vectors() -> dict[str, list[list[str]]]:
    return load_bip39_vectors()
