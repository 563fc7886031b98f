"""The verify page's registry check: every kind of channel, official or not, with reasons."""

from __future__ import annotations

import pytest

from bridgedesk.guard.channels.query import classify_query, normalise_phone
from bridgedesk.guard.channels.registry import Channel, verify_channel

OFFICIAL = ["kestrel.exchange"]
REGISTRY = [
    Channel("email", "support@kestrel.exchange"), Channel("phone", "+65 6123 4567"),
    Channel("phone", "400-820-1234"), Channel("telegram", "@KestrelExchange"), Channel("x", "KestrelEx"),
    Channel("domain", "kestrel.io"),
]


@pytest.mark.parametrize("text, kind, value", [
    ("Support@Kestrel.Exchange", "email", "support@kestrel.exchange"),
    ("mailto:a@b.example", "email", "a@b.example"),
    ("https://WWW.Kestrel.Exchange/login", "url", "https://www.kestrel.exchange/login"),
    ("www.kestrel.exchange", "url", "https://www.kestrel.exchange/"),
    ("kestrel.exchange", "domain", "kestrel.exchange"),
    ("+86 138-0013-8000", "phone", "+8613800138000"),
    ("0065 6123 4567", "phone", "+6561234567"),
    ("@Kestrel_Support", "telegram", "kestrel_support"),
    ("https://t.me/KestrelExchange", "telegram", "kestrelexchange"),
    ("twitter.com/KestrelEx", "x", "kestrelex"),
    ("https://x.com/@KestrelEx/status/1", "x", "kestrelex"),
    ("hello world", "unknown", "hello world"),
])
def test_classify_query(text: str, kind: str, value: str) -> None:
    assert classify_query(text) == (kind, value)


def test_phone_normalisation() -> None:
    assert normalise_phone("(+1) 555-123-4567") == "+15551234567"
    assert normalise_phone("tel:+44 20 7946 0958") == "+442079460958"


@pytest.mark.parametrize("text, matched", [
    ("support@kestrel.exchange", "support@kestrel.exchange"),
    ("noreply@mail.kestrel.exchange", "kestrel.exchange"),
    ("https://www.kestrel.exchange/zh/login", "kestrel.exchange"),
    ("kestrel.io", "kestrel.io"),
    ("+65 6123 4567", "+65 6123 4567"),
    ("0065-6123-4567", "+65 6123 4567"),
    ("400 820 1234", "400-820-1234"),
    ("@KestrelExchange", "@KestrelExchange"),
    ("t.me/kestrelexchange", "@KestrelExchange"),
    ("https://x.com/KestrelEx", "@KestrelEx"),
])
def test_official_channels(text: str, matched: str) -> None:
    verdict = verify_channel(text, official_domains=OFFICIAL, channels=REGISTRY)
    assert verdict.official and verdict.matched == matched, verdict
    assert verdict.reason and verdict.reason_zh


def test_capital_i_email_is_explained() -> None:
    verdict = verify_channel("support@kestreI.exchange", official_domains=OFFICIAL, channels=REGISTRY)
    assert not verdict.official
    assert verdict.reason == "not official: looks like kestrel.exchange but the letter l is a capital I"
    assert verdict.reason_zh == "非官方：看起来像 kestrel.exchange，但字母 l 被换成了大写字母 I"


@pytest.mark.parametrize("text, fragment, fragment_zh", [
    ("kestrel.exchange.account-verify.io", "account-verify.io", "真正的域名"),
    ("https://kestrel-support.help/login", "support", "加了"),
    ("https://kestrel.exchange@evil.example/x", "evil.example", "伪装"),
    ("http://45.77.1.2/login", "IP address", "IP"),
    ("support@gmail.com", "gmail.com is not an official domain", "不是官方域名"),
    ("+1 555 123 4567", "not one of the official phone numbers", "不在官方电话列表"),
    ("@KestreIExchange", "capital I", "大写字母 I"),
    ("https://t.me/kestrelexchange_support", "_support", "加了"),
    ("@SomeoneElse", "not an official", "不是官方"),
    ("twitter.com/KestreIEx", "@KestrelEx", "@KestrelEx"),
])
def test_unofficial_channels_say_why(text: str, fragment: str, fragment_zh: str) -> None:
    verdict = verify_channel(text, official_domains=OFFICIAL, channels=REGISTRY)
    assert not verdict.official
    assert fragment in verdict.reason, verdict
    assert fragment_zh in verdict.reason_zh, verdict


def test_unknown_input_is_refused_politely() -> None:
    verdict = verify_channel("???", official_domains=OFFICIAL, channels=REGISTRY)
    assert (verdict.kind, verdict.official) == ("unknown", False)
