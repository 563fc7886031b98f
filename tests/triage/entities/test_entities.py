"""Entity extraction on support-mail text, in English, Chinese and mixed writing."""

from __future__ import annotations

import time

import base58
import bech32
import pytest

from bridgedesk.triage.entities.extract import Entity, extract_entities

TRON_USDT_CONTRACT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
XRP_GENESIS = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"
EVM_CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
HEX64 = "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
USDC_SOLANA_MINT = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"


def pairs(text: str, kind: str) -> list[tuple[str, str | None]]:
    return [(e.value, e.chain) for e in extract_entities(text) if e.type == kind]


def values(text: str, kind: str) -> list[str]:
    return [e.value for e in extract_entities(text) if e.type == kind]


# --- addresses of other chains -------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "chain"),
    [
        (TRON_USDT_CONTRACT, "TRON"),
        ("LQTpS3VaYTjCr4s9Y1t5zbeY26zevf7Fb3", "LTC"),
        ("MQMcJhpWHYVeQArcZR3sBgyPZxxRtnH441", "LTC"),
        (bech32.encode("ltc", 0, bytes(range(20))), "LTC"),
        ("DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L", "DOGE"),
        ("DBXu2kgc3xtvCUWFcxFE3r9hEYgmuaaCyD", "DOGE"),
        (XRP_GENESIS, "XRP"),
        (EVM_CHECKSUMMED, "EVM"),
    ],
)
def test_addresses_of_each_chain_are_found_with_their_chain(address: str, chain: str) -> None:
    assert pairs(f"I sent it to {address} yesterday", "address") == [(address, chain)]


@pytest.mark.parametrize(
    "corrupted",
    [
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T",  # last character changed
        "LQTpS3VaYTjCr4s9Y1t5zbeY26zevf7Fb4",
        "D8vFz4p1L37jdg47HXKtSHA5uYLYxbGgPD",
        "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTj",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # wrong EIP-55 case
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  # 39 hex digits
    ],
)
def test_addresses_failing_their_checksum_are_never_reported(corrupted: str) -> None:
    entities = extract_entities(f"地址是{corrupted}，请查一下")
    assert [e for e in entities if e.type in ("address", "tx_hash")] == []


def test_solana_address_needs_solana_context() -> None:
    assert pairs(f"my Solana wallet {USDC_SOLANA_MINT}", "address") == [(USDC_SOLANA_MINT, "SOL")]
    assert pairs(f"我的SOL地址：{USDC_SOLANA_MINT}", "address") == [(USDC_SOLANA_MINT, "SOL")]
    assert pairs(f"reference {USDC_SOLANA_MINT} please", "address") == []


def test_solana_signature_is_a_sol_tx_hash() -> None:
    signature = base58.b58encode(bytes(range(1, 65))).decode()
    assert pairs(f"signature {signature} not credited", "tx_hash") == [(signature, "SOL")]


# --- transaction hashes ----------------------------------------------------------------------


def test_evm_hash_has_evm_chain() -> None:
    assert pairs(f"TxID: 0x{HEX64}", "tx_hash") == [(f"0x{HEX64}", "EVM")]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (f"USDT TRC20 deposit, hash {HEX64}", "TRON"),
        (f"波场充值，哈希{HEX64}没到账", "TRON"),
        (f"BTC withdrawal txid {HEX64}", "BTC"),
        (f"比特币提现 {HEX64}", "BTC"),
        (f"the transaction {HEX64} is not credited", None),
    ],
)
def test_bare_hex_hash_takes_its_chain_from_nearby_words(text: str, chain: str | None) -> None:
    assert pairs(text, "tx_hash") == [(HEX64, chain)]


def test_hash_in_explorer_url_is_found() -> None:
    text = f"see https://tronscan.org/#/transaction/{HEX64} for details"
    assert values(text, "tx_hash") == [HEX64]


def test_63_and_65_hex_digits_are_not_hashes() -> None:
    assert values(f"id {HEX64[:-1]} and {HEX64}a", "tx_hash") == []


# --- networks, memo, tags --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "network"),
    [
        ("sent via TRC-20", "TRC20"),
        ("用波场网络转的", "TRC20"),
        ("on the Tron network", "TRC20"),
        ("picked ERC20 by mistake", "ERC20"),
        ("withdrew on BSC", "BEP20"),
        ("BEP-20 deposit", "BEP20"),
        ("BEP2 with memo", "BEP2"),
        ("USDC on Arbitrum One", "ARBITRUM"),
        ("Polygon transfer", "POLYGON"),
        ("SPL token", "SOL"),
    ],
)
def test_networks_are_normalised(text: str, network: str) -> None:
    assert values(text, "network") == [network]


def test_xrp_destination_tag_and_memo_are_memo_entities() -> None:
    text = f"XRP to {XRP_GENESIS} destination tag: 104233, forgot the memo 77AB12"
    assert pairs(text, "memo") == [("104233", "XRP"), ("77AB12", None)]


@pytest.mark.parametrize("text", ["我转XRP时备注填了 998877", "XRP 标签：998877", "Tag #998877"])
def test_chinese_memo_and_tag_cues(text: str) -> None:
    assert values(text, "memo") == ["998877"]


def test_tag_without_number_is_not_a_memo() -> None:
    assert values("please tag the right team, memo attached", "memo") == []


# --- UID, order id -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "UID: 27351856",
        "my uid is 27351856",
        "User ID 27351856",
        "用户ID：27351856",
        "我的用户 ID 是27351856",
        "账号ID27351856",
        "ユーザーID：27351856",
    ],
)
def test_uid_after_a_cue(text: str) -> None:
    assert values(text, "uid") == ["27351856"]


def test_numbers_without_uid_cue_or_with_wrong_length_are_not_uids() -> None:
    assert values("I have 27351856 reasons", "uid") == []
    assert values("UID 12345", "uid") == []
    assert values("UID 1234567890123", "uid") == []


@pytest.mark.parametrize(
    ("text", "order_id"),
    [
        ("Order ID: 612389471205893", "612389471205893"),
        ("order no. 612389471205893 did not fill", "612389471205893"),
        ("订单号：612389471205893", "612389471205893"),
        ("订单612389471205893一直没成交", "612389471205893"),
        ("注文番号 8834712093", "8834712093"),
        ("주문번호 1234567890", "1234567890"),
        ("Withdrawal ID W2024112300017", "W2024112300017"),
        ("提币ID：88001234567", "88001234567"),
    ],
)
def test_order_ids_after_a_cue(text: str, order_id: str) -> None:
    assert values(text, "order_id") == [order_id]


def test_ordinary_use_of_the_word_order_is_not_an_order_id() -> None:
    assert values("in order to withdraw, my order was placed 2 days ago", "order_id") == []


# --- error codes ------------------------------------------------------------------------------


def test_error_codes_carry_their_meaning_from_the_default_table() -> None:
    text = 'API returned {"code":"50111","msg":"Invalid OK-ACCESS-KEY"} then -1021.'
    found = [(e.value, e.meaning) for e in extract_entities(text) if e.type == "error_code"]
    assert found == [
        ("50111", "Invalid OK-ACCESS-KEY"),
        ("-1021", "Timestamp for this request is outside of the recvWindow"),
    ]


def test_error_code_table_is_configurable() -> None:
    table = {"70001": "Sub-account frozen"}
    found = [e for e in extract_entities("错误码：70001", error_codes=table) if e.type == "error_code"]
    assert found == [Entity("error_code", "70001", None, 4, 9, "Sub-account frozen")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I get error code 429.", "429"),
        ("error: -2015 when creating the key", "-2015"),
        ("报错 50113", "50113"),
        ("错误代码-1022", "-1022"),
        ("エラーコード 50102 が出ます", "50102"),
    ],
)
def test_cued_error_codes_in_several_languages(text: str, code: str) -> None:
    assert values(text, "error_code") == [code]


def test_unknown_bare_negative_numbers_and_verification_codes_are_not_error_codes() -> None:
    assert values("balance went -5000 overnight", "error_code") == []
    assert values("my verification code 123456 never arrived", "error_code") == []
    assert values("the 2FA code: 654321 fails", "error_code") == []
    assert values("temperature 2024-1021", "error_code") == []


# --- amounts, e-mail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("deposited 100 USDT", "100 USDT"),
        ("withdrew 0.5 BTC", "0.5 BTC"),
        ("1,000.00 USDC missing", "1000.00 USDC"),
        ("充值了0.5个BTC", "0.5 BTC"),
        ("充了500U还没到", "500 USDT"),
        ("sent 2.25 eth", "2.25 ETH"),
    ],
)
def test_amounts_with_tickers(text: str, amount: str) -> None:
    assert values(text, "amount") == [amount]


def test_numbers_without_ticker_or_a_spaced_u_are_not_amounts() -> None:
    assert values("I waited 100 minutes", "amount") == []
    assert values("section 5 U turn", "amount") == []
    assert values("a ton of 5 sol mates", "amount") == []


def test_emails_in_the_body_are_found_even_inside_chinese() -> None:
    text = "请回复到我的新邮箱alice.wang+kx@example.com.cn，旧邮箱 old@mail.example.org 已停用"
    assert values(text, "email") == ["alice.wang+kx@example.com.cn", "old@mail.example.org"]


# --- whole mails -------------------------------------------------------------------------------


def test_mixed_chinese_english_mail_yields_every_fact_once_in_order() -> None:
    text = (
        f"你好，USDT 充值 TRC20 没到账。UID: 27351856，充了 1,000 USDT 到 {TRON_USDT_CONTRACT}，"
        f"哈希 {HEX64}。再说一遍哈希 {HEX64}。邮箱 bob@example.com"
    )
    entities = extract_entities(text)
    assert [(e.type, e.value, e.chain) for e in entities] == [
        ("network", "TRC20", None),
        ("uid", "27351856", None),
        ("amount", "1000 USDT", None),
        ("address", TRON_USDT_CONTRACT, "TRON"),
        ("tx_hash", HEX64, "TRON"),
        ("email", "bob@example.com", None),
    ]


def test_spans_point_at_the_value() -> None:
    text = f"Order ID: 612389471205893, address {EVM_CHECKSUMMED}"
    for entity in extract_entities(text):
        assert text[entity.start : entity.end] == entity.value


def test_extraction_is_fast_on_a_typical_mail() -> None:
    text = (
        f"Hello, my deposit of 250 USDT via TRC20 to {TRON_USDT_CONTRACT} has not arrived. "
        f"TxID {HEX64}. UID 27351856, order id 612389471205893. 谢谢！" * 3
    )
    start = time.perf_counter()
    for _ in range(200):
        extract_entities(text)
    per_call_ms = (time.perf_counter() - start) * 1000 / 200
    print(f"\nentity extraction: {per_call_ms:.3f} ms per {len(text)}-char mail")
    assert per_call_ms < 5


def test_cues_in_capitals_and_values_keep_their_case() -> None:
    text = "ORDER NO: AbC-1234567x, USER ID 12345678, MEMO: Ab12, Destination TAG 99, ERROR CODE 50111 on TRC20"
    found = {(e.type, e.value) for e in extract_entities(text)}
    assert {("order_id", "AbC-1234567x"), ("uid", "12345678"), ("memo", "Ab12"), ("memo", "99"),
            ("error_code", "50111"), ("network", "TRC20")} <= found


def test_offsets_stay_exact_after_letters_that_lower_case_to_two() -> None:
    """"İ" lower-cases to two characters; the folded copy must keep every offset."""
    text = "İİİ İstanbul: order id ZX12345678 please"
    [order] = [e for e in extract_entities(text) if e.type == "order_id"]
    assert text[order.start:order.end] == order.value == "ZX12345678"


def test_network_words_never_hide_a_match() -> None:
    """Each network pattern runs only when one of its words is in the text: on real and
    generated mail, and on every network's own spellings, that must find what the pattern finds."""
    from bridgedesk.bench.corpus import generate_corpus
    from bridgedesk.triage.entities.extract import NETWORKS, fold_case

    spellings = ["TRC-20", "Tron network", "波场", "ERC20", "Ethereum mainnet", "以太坊网络", "BEP-20", "BSC",
                 "BNB Smart Chain", "币安智能链", "BEP2", "BNB Beacon Chain", "SPL", "Solana", "Arbitrum One",
                 "Optimism", "OP Mainnet", "Polygon PoS", "AVAX C-Chain", "Avalanche C-chain"]
    texts = [f"sent via {s}, please check" for s in spellings]
    texts += [raw.decode("utf-8", "replace") for raw in generate_corpus(300, seed=5)]
    for text in map(fold_case, texts):
        for name, words, pattern in NETWORKS:
            if pattern.search(text):
                assert any(word in text for word in words), (name, text[:80])


def test_cue_words_never_hide_a_match() -> None:
    """A cue pattern runs only when one of its words is in the text; on real and generated mail
    and on the cues' own spellings in every language, no match may lack them."""
    from bridgedesk.bench.corpus import generate_corpus
    from bridgedesk.triage.entities.extract import CUE_WORDS, fold_case

    cues = ["UID: 12345678", "user id 12345678", "userid12345678", "user number 1234567", "用户ID 12345678",
            "账户编号：12345678", "帳號號碼 12345678", "ユーザーID 12345678", "사용자 ID 12345678", "회원 번호 12345678",
            "ID пользователя 12345678", "order no. AB12345678", "withdrawal id 1234567890", "订单号 20240115000123",
            "訂單 20240115000123", "委托单号 20240115000123", "提币 ID 1234567890", "提现单号 1234567890",
            "注文番号 1234567890", "주문 번호 1234567890", "номер ордера 1234567890", "memo: 12345", "备注 12345",
            "メモ 12345", "메모 12345", "destination tag 12345", "目标标签 12345", "error code 50111",
            "err_code=50111", "status 503", "code: 50111", "错误码 50111", "报错 50111", "エラーコード 50111",
            "오류 코드 50111", "에러 50111", "код ошибки 50111", "ошибка 50111", '{"code": "50111"}']
    texts = [f"hello, {cue} thanks" for cue in cues]
    texts += [raw.decode("utf-8", "replace") for raw in generate_corpus(300, seed=5)]
    for text in map(fold_case, texts):
        for pattern, words in CUE_WORDS.items():
            if pattern.search(text):
                assert any(word in text for word in words), (pattern.pattern[:40], text[:80])
    found = {e.type for cue in cues for e in extract_entities(f"hello, {cue} thanks")}
    assert found >= {"uid", "order_id", "memo", "error_code"}


def test_patterns_read_on_folded_text_are_written_in_lower_case() -> None:
    """They run without IGNORECASE on lower-cased text: a capital outside an escape or a
    character class (e.g. "ID") could never match again."""
    import re

    from bridgedesk.triage.entities.extract import _NOT_ERROR_CODE, CUE_WORDS, HASH_CONTEXT, NETWORKS, SOLANA_CONTEXT

    patterns = [*CUE_WORDS, *(p for _, _, p in NETWORKS), *(p for _, p in HASH_CONTEXT), SOLANA_CONTEXT, _NOT_ERROR_CODE]
    for pattern in patterns:
        literal = re.sub(r"\\.|\[[^\]]*\]|\(\?P<\w+>", "", pattern.pattern)
        assert literal == literal.lower(), pattern.pattern[:60]
        assert not pattern.flags & re.IGNORECASE
    for words in [*CUE_WORDS.values(), *(w for _, w, _ in NETWORKS)]:
        assert all(word == word.lower() for word in words)
