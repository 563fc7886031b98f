import pytest

from bridgedesk.words.advice import ADVICE, protection_advice


def test_recovery_phrase_advice_says_wallet_is_compromised_and_to_move_funds():
    text = protection_advice(["seed_phrase"], "en")
    assert "compromised" in text and "NEW wallet" in text
    assert "never ask" in text and "removed it" in text


def test_api_advice_says_delete_the_key():
    text = protection_advice(["api_secret"], "en")
    assert "Delete that API key now" in text and "wallet" not in text


def test_password_and_card_advice():
    text = protection_advice(["password", "otp_code", "card_number"], "en")
    assert "Change your password" in text and "2FA" in text and "bank" in text
    assert text.count("Change your password") == 1


@pytest.mark.parametrize("language", ["zh", "zh-CN", "zh_TW", "ZH-Hans"])
def test_chinese_variants_get_chinese_advice(language):
    text = protection_advice(["private_key"], language)
    assert "新创建的钱包" in text and "永远不会" in text


def test_unknown_language_falls_back_to_english():
    assert protection_advice(["password"], "sw") == protection_advice(["password"], "en")


def test_order_follows_types_and_nothing_leaked_means_no_warning():
    text = protection_advice(["api_key", "seed_phrase"], "zh")
    assert text.index("API Key") < text.index("助记词或私钥")
    assert protection_advice([], "en") == ""


def test_every_language_has_every_topic():
    topics = set(ADVICE["en"])
    assert all(set(templates) == topics for templates in ADVICE.values())
