"""Completeness rules and the acknowledgement paragraph that asks for what is missing."""

from __future__ import annotations

import pytest

from bridgedesk.triage.completeness import (
    DEFAULT_REQUIREMENTS,
    ask_for_missing,
    missing_fields,
    requirements_from_config,
)
from bridgedesk.triage.entities.extract import extract_entities


def types_in(text: str) -> list[str]:
    return [e.type for e in extract_entities(text)]


HASH = "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"


@pytest.mark.parametrize(
    ("category", "text", "missing"),
    [
        ("deposit", "USDT 充值 TRC20 没到账", ["tx_hash"]),
        ("deposit", f"充值没到账，哈希 {HASH}", []),
        ("withdrawal", "my withdrawal is stuck", ["tx_hash|order_id"]),
        ("withdrawal", "提币ID：88001234567 一直处理中", []),
        ("withdrawal", f"withdrawal txid 0x{HASH} not received", []),
        ("trading", "my limit order did not fill", ["order_id"]),
        ("trading", "订单号 612389471205893 没成交", []),
        ("api", "signature keeps failing", ["error_code"]),
        ("api", 'got {"code":"50113"}', []),
        ("kyc_aml", "why was my passport rejected", []),
        ("feedback", "love the new app", []),
    ],
)
def test_default_requirements_against_real_sentences(category: str, text: str, missing: list[str]) -> None:
    assert missing_fields(category, types_in(text)) == missing


def test_reply_that_supplies_the_hash_clears_the_missing_list() -> None:
    first = "Deposit of 100 USDT never arrived"
    reply = f"Here is the TxID: {HASH}"
    assert missing_fields("deposit", types_in(first)) == ["tx_hash"]
    assert missing_fields("deposit", types_in(first) + types_in(reply)) == []


def test_requirements_come_from_config_with_alternative_groups() -> None:
    requirements = requirements_from_config(
        {"deposit": ["tx_hash", "uid"], "withdrawal": [["tx_hash", "order_id"]]}
    )
    assert requirements["deposit"] == (("tx_hash",), ("uid",))
    assert missing_fields("deposit", ["tx_hash"], requirements) == ["uid"]
    assert missing_fields("withdrawal", ["order_id"], requirements) == []
    assert missing_fields("withdrawal", [], requirements) == ["tx_hash|order_id"]


def test_default_requirements_match_the_issue() -> None:
    assert DEFAULT_REQUIREMENTS["deposit"] == (("tx_hash",),)
    assert DEFAULT_REQUIREMENTS["withdrawal"] == (("tx_hash", "order_id"),)
    assert DEFAULT_REQUIREMENTS["trading"] == (("order_id",),)
    assert DEFAULT_REQUIREMENTS["api"] == (("error_code",),)


def test_english_paragraph_asks_for_exactly_the_missing_field_and_where_to_find_it() -> None:
    text = ask_for_missing(["tx_hash"], "en")
    assert "TxID" in text and "Assets → History" in text
    assert "order" not in text.lower() and "error code" not in text.lower()


def test_chinese_paragraph_is_in_chinese() -> None:
    text = ask_for_missing(["tx_hash|order_id"], "zh")
    assert "交易哈希" in text and "订单号" in text and "资产 → 历史记录" in text
    assert "Assets" not in text


def test_alternatives_are_one_request_joined_by_or() -> None:
    lines = ask_for_missing(["tx_hash|order_id"], "en").splitlines()
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == 1 and "; or " in bullets[0]


@pytest.mark.parametrize("language", ["de", "ja", "xx"])
def test_languages_without_templates_fall_back_to_english(language: str) -> None:
    assert ask_for_missing(["error_code"], language) == ask_for_missing(["error_code"], "en")


def test_nothing_missing_asks_nothing() -> None:
    assert ask_for_missing([], "zh") == ""
