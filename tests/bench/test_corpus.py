"""The generated benchmark corpus: deterministic per seed, parseable, and the promised mix."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from mnemonic import Mnemonic

from bridgedesk.bench.corpus import generate_corpus, load_corpus, make_support_mail

N = 200


@pytest.fixture(scope="module")
def corpus() -> list[bytes]:
    return generate_corpus(N, seed=3)


@pytest.fixture(scope="module")
def parsed(corpus: list[bytes]) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(raw, policy=policy.default) for raw in corpus]


def test_same_seed_same_bytes_other_seed_other_bytes(corpus: list[bytes]) -> None:
    assert generate_corpus(N, seed=3) == corpus
    assert generate_corpus(20, seed=4) != corpus[:20]


def test_every_message_parses_without_defects_and_has_identity(parsed) -> None:
    for message in parsed:
        assert not message.defects
        assert message["Message-ID"] and message["From"] and message["Date"]
        body = message.get_body(preferencelist=("plain",))
        assert body is not None and len(body.get_content()) > 40


def test_mix_of_languages_replies_html_attachments_and_resends(corpus: list[bytes], parsed) -> None:
    texts = [m.get_body(preferencelist=("plain",)).get_content() for m in parsed]
    chinese = sum(1 for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t[:80]))
    assert 0.3 * N <= chinese <= 0.5 * N
    assert sum(1 for m in parsed if m["In-Reply-To"]) >= N * 0.05
    assert sum(1 for t in texts if "\n> " in t) >= N * 0.05                  # quoted history
    assert sum(1 for m in parsed if m.get_body(preferencelist=("html",)) is not None) >= N * 0.2
    kinds = {part.get_content_type() for m in parsed for part in m.iter_attachments()}
    assert kinds & {"image/png", "application/pdf", "text/plain"}
    assert len(set(corpus)) < N                                               # exact resends exist
    subjects = [str(m["Subject"]) for m in parsed]
    assert len(set(subjects)) < N


def test_sizes_are_those_of_real_support_mail(corpus: list[bytes]) -> None:
    sizes = sorted(len(raw) for raw in corpus)
    assert 800 <= sizes[N // 2] <= 8 * 1024
    assert sizes[-1] < 64 * 1024


def test_leaked_phrases_are_valid_bip39(parsed) -> None:
    english, chinese = Mnemonic("english"), Mnemonic("chinese_simplified")
    found = 0
    for message in parsed:
        text = message.get_body(preferencelist=("plain",)).get_content()
        for marker in ("recovery phrase is: ", "wallet seed so you can check: ", "助记词是：", "方便你们核实："):
            if marker in text:
                phrase = text.split(marker, 1)[1].splitlines()[0].strip()
                checker = chinese if "助记词" in marker or "核实" in marker else english
                assert checker.check(phrase)
                found += 1
    assert found >= 1


def test_support_mail_is_about_five_kilobytes() -> None:
    raw = make_support_mail(5120)
    assert 4800 <= len(raw) <= 6000
    assert email.message_from_bytes(raw, policy=policy.default)["To"] == "support@kestrel.exchange"


def test_load_corpus_reads_eml_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.eml").write_bytes(b"Subject: two\r\n\r\nsecond\r\n")
    (tmp_path / "a.eml").write_bytes(b"Subject: one\r\n\r\nfirst\r\n")
    (tmp_path / "notes.txt").write_text("not mail")
    assert load_corpus(tmp_path) == [b"Subject: one\r\n\r\nfirst\r\n", b"Subject: two\r\n\r\nsecond\r\n"]


def test_load_corpus_refuses_missing_or_empty_folders(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "absent")
    with pytest.raises(ValueError):
        load_corpus(tmp_path)
