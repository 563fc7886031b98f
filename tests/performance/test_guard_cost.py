"""The guard runs on every inbound mail: it must stay cheap and never blow up on odd input."""

import time

import pytest

from bridgedesk.guard.secrets.detect import find_secrets


def cpu_seconds(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def test_real_ham_costs_well_under_a_millisecond_per_two_kilobytes(ham_texts):
    find_secrets("warm up the word lists")
    texts = [text for _, text in ham_texts]
    kilobytes = sum(len(text) for text in texts) / 1024
    seconds = cpu_seconds(lambda: [find_secrets(text) for text in texts])
    # measured ~0.3 ms per 2 KB; the bound only catches a regression by an order of magnitude
    assert seconds / kilobytes * 2 < 0.003


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "1 " * 100_000,
        "abandon " * 20_000,
        "的" * 100_000,
        "{" * 50_000 + '"ciphertext": "00", "kdf": "scrypt"',
        "[1," * 30_000,
        "password: " * 20_000,
        "4111 " * 40_000,
        "0x" + "ab" * 50_000,
        ("key: " + "A1" * 20 + " ") * 5_000,
    ],
)
def test_pathological_inputs_finish_quickly(text):
    assert cpu_seconds(find_secrets, text) < 2.0
