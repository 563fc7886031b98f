"""Priority: category baseline raised by auditable rules and leaked secrets."""

from __future__ import annotations

import pytest

from bridgedesk.triage.priority import PRIORITY_RULES, decide_priority


@pytest.mark.parametrize(
    "text",
    [
        "My account was hacked and I can't log in",
        "我的账号被盗了，快帮我冻结",
        "收到陌生设备登录提醒，不是我本人操作",
        "There was an unauthorized login from Russia last night",
        "Mi cuenta fue hackeada",
        "アカウントが乗っ取られました",
        "계정이 해킹당했어요",
    ],
)
def test_compromise_signals_make_account_security_urgent(text: str) -> None:
    priority, reasons = decide_priority("account_security", secret_types=(), text=text)
    assert priority == "urgent"
    assert "account_compromise" in reasons


@pytest.mark.parametrize(
    "text",
    ["Someone withdrew all my USDT", "我的资金被转走了", "unauthorized withdrawal of 2 BTC"],
)
def test_funds_at_risk_are_urgent_in_any_category(text: str) -> None:
    priority, reasons = decide_priority("withdrawal", secret_types=(), text=text)
    assert (priority, "funds_at_risk" in reasons) == ("urgent", True)


def test_a_leaked_secret_makes_even_feedback_urgent() -> None:
    priority, reasons = decide_priority("feedback", secret_types=["seed_phrase"], text="nice app")
    assert priority == "urgent"
    assert reasons == ["category:feedback", "leaked_secret"]


def test_giving_a_seed_phrase_to_a_phishing_site_is_urgent() -> None:
    text = "I think I entered my seed phrase on a fake site"
    assert decide_priority("phishing_report", secret_types=(), text=text)[0] == "urgent"


@pytest.mark.parametrize(
    ("category", "text", "priority"),
    [
        ("deposit", "please check my deposit", "high"),
        ("withdrawal", "提币一直处理中", "high"),
        ("trading", "my deposit has not arrived and I cannot trade", "high"),
        ("trading", "why did my stop loss trigger early", "normal"),
        ("kyc_aml", "passport rejected", "normal"),
        ("api", "error -1021", "normal"),
        ("account_security", "how do I change my 2FA device", "normal"),
        ("promotions", "when is the airdrop", "low"),
        ("feedback", "the dark mode button is missing", "low"),
        ("other", "do you have a office in Dubai", "low"),
    ],
)
def test_category_baselines_and_funds_missing(category: str, text: str, priority: str) -> None:
    assert decide_priority(category, secret_types=(), text=text)[0] == priority


def test_reasons_name_every_rule_that_fired_and_rules_are_data() -> None:
    text = "hacked! someone withdrew my USDT, deposit not arrived"
    _, reasons = decide_priority("deposit", secret_types=(), text=text)
    assert reasons == ["category:deposit", "account_compromise", "funds_at_risk", "funds_missing"]
    assert all(len(rule) == 3 for rule in PRIORITY_RULES)


def test_unknown_category_defaults_to_normal() -> None:
    assert decide_priority("weird", secret_types=(), text="hello") == ("normal", ["category:weird"])


@pytest.mark.parametrize(
    "text",
    [
        "My carrier says someone did a SIM swap on my number yesterday",
        "I got a 'password was reset' mail that I never requested",
        "I typed my email and password into a fake login page",
        "收到验证码但不是我登录的，我没有操作过",
    ],
)
def test_indirect_compromise_signals_are_urgent(text: str) -> None:
    assert decide_priority("account_security", secret_types=(), text=text)[0] == "urgent"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("api", "Do you support RSA keys? Our security team doesn't want shared secrets."),
        ("api", "orders fail since Monday, I didn't change anything in my bot"),
        ("promotions", "I won 50 USDT in the box but my balance didn't change"),
    ],
)
def test_ordinary_mail_with_security_words_is_not_urgent(category: str, text: str) -> None:
    assert decide_priority(category, secret_types=(), text=text)[0] != "urgent"


@pytest.mark.parametrize(
    "text, rule",
    [
        ("MY ACCOUNT WAS HACKED", "account_compromise"),
        ("Hesabım ÇALINDI", "account_compromise"),
        ("Someone Withdrew ALL my USDT", "funds_at_risk"),
        ("SIM卡被人补办了", "account_compromise"),
        ("Deposit STILL NOT ARRIVED", "funds_missing"),
    ],
)
def test_rules_match_whatever_the_case(text: str, rule: str) -> None:
    """Rules are matched against lower-cased text, so shouting does not hide a compromise."""
    assert rule in decide_priority("other", secret_types=(), text=text)[1]


def test_a_rule_written_with_capitals_is_refused_at_import() -> None:
    from bridgedesk.triage.priority import _words

    with pytest.raises(ValueError, match="lower case"):
        _words(r"\bstolen\b", "SIM swap")
    assert _words(r"\bsim\s?swap\b").search("sim swap")   # escapes such as \b and \s are fine


@pytest.mark.parametrize("text", ["The whacker tool crashed", "a stolenwords list", "unstolen goods", "notme@example.com"])
def test_word_boundaries_still_hold_behind_the_cheap_probe(text: str) -> None:
    """The probe drops leading \\b (it matches "whacker"); the exact pattern still decides."""
    assert "account_compromise" not in decide_priority("other", secret_types=(), text=text)[1]


def test_each_rule_fires_exactly_where_its_exact_pattern_matches() -> None:
    from bridgedesk.bench.corpus import generate_corpus
    from bridgedesk.mail.parse import parse_message

    texts = [parse_message(raw).visible_text.lower() for raw in generate_corpus(300)]
    texts += ["my account was hacked", "whacked", "not me", "it was not me!", "sim-swap", "someone logged into it"]
    fired = 0
    for name, words, _ in PRIORITY_RULES:
        assert not any(alt.startswith(r"\b") for alt in words.probe.pattern.split("|")), name
        for text in texts:
            assert words.search(text) == bool(words.pattern.search(text)), (name, text)
            fired += words.search(text)
    assert fired > 30    # the comparison saw rules fire, not only silence
