"""Lookalike domains: each dnstwist-style trick, IDN homographs, and the bilingual reasons."""

from __future__ import annotations

import socket

import idna
import pytest

from bridgedesk.guard.names import domains as lookalike_names
from bridgedesk.guard.names.confusables import build_domain_table, load_domain_table, skeleton
from bridgedesk.guard.names.domains import parse_domain
from bridgedesk.guard.names.lookalike import check_domain, edit_distance
from tests.guard.shared import SHARED_DATA

OFFICIAL = ["kestrel.exchange"]


@pytest.mark.parametrize("domain, status", [
    ("kestrel.exchange", "official"),
    ("KESTREL.EXCHANGE.", "official"),
    ("mail.kestrel.exchange", "official_subdomain"),
    ("gmail.com", "unrelated"),
    ("qq.com", "unrelated"),
    ("163.com", "unrelated"),
    ("exchange.com", "unrelated"),
    ("1.2.3.4", "invalid"),
    ("not a domain", "invalid"),
])
def test_basic_statuses(domain: str, status: str) -> None:
    assert check_domain(domain, OFFICIAL).status == status


@pytest.mark.parametrize("domain, trick", [
    ("kestreI.exchange", "homoglyph"),                 # capital I for l
    ("kestre1.exchange", "homoglyph"),                 # digit 1
    (idna.encode("kеstrel.exchange").decode(), "homoglyph"),   # punycode, Cyrillic е
    ("késtrel.exchange", "homoglyph"),                 # accent
    ("kestrl.exchange", "typo"),                       # omission
    ("kestrell.exchange", "typo"),                     # repetition
    ("kesterl.exchange", "typo"),                      # transposition
    ("kestrwl.exchange", "typo"),                      # keyboard neighbour
    ("kestrem.exchange", "typo"),                      # bit flip l(0x6c)->m(0x6d)
    ("kestrel.exchnage", "typo"),                      # no such ending, one slip away
    ("kestrel.com", "tld_swap"),
    ("kes-trel.exchange", "hyphenation"),
    ("kestrel-exchange.com", "hyphenation"),
    ("kestrel.exchange.account-verify.io", "brand_in_subdomain"),
    ("login.kestrel-exchange.secure-io.net", "brand_in_subdomain"),
    ("kestrel-support.help", "brand_plus_word"),
    ("kestrelexchange-verify.com", "brand_plus_word"),
    ("securekestrel.net", "brand_plus_word"),
])
def test_tricks_are_named(domain: str, trick: str) -> None:
    verdict = check_domain(domain, OFFICIAL)
    assert (verdict.status, verdict.trick, verdict.matched) == ("lookalike", trick, "kestrel.exchange")
    assert verdict.reason.startswith("looks like kestrel.exchange but ")
    assert verdict.reason_zh.startswith("看起来像 kestrel.exchange，但")


def test_reason_names_the_letter() -> None:
    verdict = check_domain("kestreI.exchange", OFFICIAL)
    assert verdict.reason == "looks like kestrel.exchange but the letter l is a capital I"
    assert "大写字母 I" in verdict.reason_zh
    cyrillic = check_domain("kеstrel.exchange", OFFICIAL)
    assert "Cyrillic" in cyrillic.reason and "U+0435" in cyrillic.reason and "mixes Cyrillic and Latin" in cyrillic.reason
    assert "西里尔" in cyrillic.reason_zh
    assert "swapped" in check_domain("kesterl.exchange", OFFICIAL).reason
    assert "flipped bit" in check_domain("kestrem.exchange", OFFICIAL).reason
    assert "account-verify.io" in check_domain("kestrel.exchange.account-verify.io", OFFICIAL).reason


def test_whole_script_homograph() -> None:
    verdict = check_domain("xn--80ak6aa92e.com", ["apple.com"])   # аррӏе.com, all Cyrillic
    assert (verdict.status, verdict.trick) == ("lookalike", "homoglyph")
    assert "non-Latin" in verdict.reason


@pytest.mark.parametrize("domain", ["paypa1.com", "rnicrosoft.com", "ebya.com", "pаypal.com",
                                   "www.paypal.com.cgi-bin.ru", "paypal-secure.com", "ebay.de"])
def test_classic_brand_imitations(domain: str) -> None:
    assert check_domain(domain, ["paypal.com", "ebay.com", "microsoft.com"]).status == "lookalike"


@pytest.mark.parametrize("domain", ["ebony.com", "bay.com", "paypalm.org.cn.example", "okxygen.com",
                                    "binance.com", "coinbase.com", "tokyo.jp", "kestrels.org"])
def test_strangers_stay_unrelated(domain: str) -> None:
    verdict = check_domain(domain, ["ebay.com", "okx.com", "kestrel.exchange"])
    assert verdict.status in ("unrelated", "lookalike")
    if domain in ("ebony.com", "bay.com", "okxygen.com", "binance.com", "coinbase.com", "tokyo.jp"):
        assert verdict.status == "unrelated", verdict


def test_private_suffixes_count_as_registrable() -> None:
    name = parse_domain("kestrel.github.io")
    assert name is not None and name.registrable == "kestrel.github.io"
    assert check_domain("kestrel-exchange.github.io", OFFICIAL).status == "lookalike"


def test_public_suffix_list_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network used")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    lookalike_names.suffix_extractor.cache_clear()
    parse_domain.cache_clear()
    name = parse_domain("a.b.example.co.uk")
    assert name is not None and name.registrable == "example.co.uk" and name.subdomain == "a.b"


def test_edit_distance_counts_a_transposition_once() -> None:
    assert edit_distance("kestrel", "kesterl") == 1
    assert edit_distance("kestrel", "kestrl") == 1
    assert edit_distance("abc", "xyz") == 3
    assert edit_distance("kestrel", "binance", limit=2) == 3
    assert edit_distance("ab", "ba", limit=0) == 1


def test_skeleton_folds_confusables() -> None:
    assert skeleton("pаypal") == skeleton("PAYPA1") == skeleton("paypàl") == "paypal"
    assert skeleton("rnicrosoft") == skeleton("microsoft")
    assert skeleton("vvallet") == skeleton("wallet")


def test_shipped_table_agrees_with_unicode_source() -> None:
    lines = (SHARED_DATA / "unicode" / "confusables.txt").read_text(encoding="utf-8").splitlines()
    assert load_domain_table() == build_domain_table(lines)
    assert len(load_domain_table()) > 1000


def test_idna_conformance_lines_never_crash() -> None:
    """UTS #46 test strings (valid and invalid alike) must come back as a verdict, not an error."""
    path = SHARED_DATA / "unicode" / "IdnaTestV2.txt"
    sources = [line.split(";")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    statuses = {check_domain(s, OFFICIAL).status for s in sources[:3000] if s}
    assert statuses <= {"official", "official_subdomain", "lookalike", "unrelated", "invalid"}
    assert "invalid" in statuses and "unrelated" in statuses


@pytest.mark.parametrize("domain, word", [
    ("kestrel-exchange-verify.io", '"verify"'), ("kestrel-support.help", '"support"'),
    ("securekestrel.net", '"secure"'), ("kestre1-login.com", '"login"'),
])
def test_brand_plus_word_names_the_word(domain: str, word: str) -> None:
    verdict = check_domain(domain, OFFICIAL)
    assert word in verdict.reason and word.strip('"') in verdict.reason_zh
