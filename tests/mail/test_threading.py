"""Threading keys: subject tags, prefixes, Message-IDs and near-duplicate similarity."""

import re

import pytest

from bridgedesk.mail.threading import (
    find_ticket_number,
    make_message_id,
    normalize_for_duplicate,
    similarity,
    strip_reply_prefixes,
    tag_subject,
)


@pytest.mark.parametrize(
    "subject, expected",
    [
        ("Re: [KX-104233] deposit missing", "KX-104233"),
        ("回复：【KX-104233】充值未到账", "KX-104233"),
        ("RE: [kx-77] api error", "KX-77"),
        ("Fwd: ［KX-５５］ full-width digits", "KX-55"),
        ("[KX 104233] no dash", None),
        ("[XX-104233] other brand", None),
        ("no tag at all", None),
        ("", None),
    ],
)
def test_find_ticket_number(subject, expected):
    assert find_ticket_number(subject, "KX") == expected


def test_find_ticket_number_escapes_prefix():
    # A prefix with regex metacharacters must be literal, not a pattern.
    assert find_ticket_number("[A.B-12] hi", "A.B") == "A.B-12"
    assert find_ticket_number("[AxB-12] hi", "A.B") is None


@pytest.mark.parametrize(
    "subject, expected",
    [
        ("Re: RE: Fwd: deposit", "deposit"),
        ("回复：转发：充值未到账", "充值未到账"),
        ("答复: 提现失败", "提现失败"),
        ("AW: WG: Auszahlung", "Auszahlung"),
        ("SV: Re[2]: hello", "hello"),
        ("Réf : dossier", "dossier"),
        ("FW: [KX-1] x", "[KX-1] x"),
        ("Reset password", "Reset password"),
        ("Regarding: my order", "Regarding: my order"),
    ],
)
def test_strip_reply_prefixes(subject, expected):
    assert strip_reply_prefixes(subject) == expected


def test_strip_reply_prefixes_is_bounded_on_hostile_input():
    subject = "Re: " * 10_000 + "x"
    assert strip_reply_prefixes(subject).startswith("Re:")  # stops after a bounded number


def test_tag_subject_adds_tag_once():
    assert tag_subject("充值未到账", "KX-104233") == "Re: [KX-104233] 充值未到账"
    assert tag_subject("Re: [KX-104233] 充值未到账", "KX-104233") == "Re: [KX-104233] 充值未到账"
    assert tag_subject("回复：【KX-104233】充值未到账", "KX-104233") == "Re: [KX-104233] 充值未到账"
    assert tag_subject("", "KX-1") == "Re: [KX-1]"


def test_make_message_id_is_unique_and_bare():
    ids = {make_message_id("kestrel.exchange", kind="ack") for _ in range(1000)}
    assert len(ids) == 1000
    sample = ids.pop()
    assert "<" not in sample and ">" not in sample
    assert re.fullmatch(r"ack\.\d+\.[0-9a-f]{32}@kestrel\.exchange", sample)


def test_normalize_for_duplicate():
    assert normalize_for_duplicate("  My  DEPOSIT\n\t 123 ") == "my deposit 123"
    assert normalize_for_duplicate("ＵＩＤ：２７３５") == "uid:2735"


def test_similarity_english_and_chinese():
    a = "My deposit of 500 USDT has not arrived after 3 hours, txid 0xabc"
    assert similarity(a, a) == 1.0
    assert similarity(a, a.upper() + "  ") == 1.0
    assert similarity(a, "How do I enable two-factor authentication?") < 0.2
    zh = "我的充值500 USDT三个小时还没有到账，请帮忙查一下"
    assert similarity(zh, zh + "谢谢") > 0.8
    assert similarity(zh, "我想修改绑定的手机号码") < 0.2
    assert similarity("", "") == 1.0
    assert similarity("abc", "") == 0.0


def test_similarity_is_fast_on_long_text():
    import time
    long_a = "充值未到账 deposit missing " * 20_000
    started = time.process_time()
    similarity(long_a, long_a[::-1])
    assert time.process_time() - started < 1.0
