import pytest

from bridgedesk.guard.secrets.identity import find_identity_numbers


def found(text):
    return [(f.type, f.detector, text[f.start : f.end]) for f in find_identity_numbers(text)]


@pytest.mark.parametrize(
    "text",
    ["card 4111 1111 1111 1111", "4111-1111-1111-1111 exp 12/27", "Visa 4111111111111111", "银行卡号：6212345678901232", "my mastercard 5555555555554444"],
)
def test_luhn_valid_cards_with_card_context_or_grouping(text):
    assert [t for t, _, _ in found(text)] == ["card_number"]


@pytest.mark.parametrize(
    "text",
    [
        "order 4111111111111111",  # valid Luhn, but no card wording and no 4-4-4-4 grouping
        "Visa 4111111111111112",  # bad Luhn
        "order id 612389471205893",
        "uid 27351856",
        "card 9111 1111 1111 1117",  # no card network starts with 9
    ],
)
def test_numbers_that_are_not_cards(text):
    assert found(text) == []


def test_card_followed_by_its_expiry_year_is_cut_at_the_group():
    text = "card 4111 1111 1111 1111 2027 cvv"
    assert found(text) == [("card_number", "luhn", "4111 1111 1111 1111")]


def test_chinese_resident_id():
    assert found("身份证号 11010519491231002X") == [("id_number", "cn_resident_id", "11010519491231002X")]


def test_chinese_resident_id_with_bad_check_digit_is_not_found():
    assert found("身份证号 110105194912310021") == []


def test_labelled_brazilian_cpf():
    assert found("my CPF 12345678909") == [("id_number", "br_cpf", "12345678909")]


def test_unlabelled_eleven_digits_are_not_a_cpf():
    assert found("phone 12345678909") == []
