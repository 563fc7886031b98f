import random

import pytest

from bridgedesk.guard.secrets.stated import find_stated_codes, find_stated_passwords


def passwords(text):
    return [text[f.start : f.end] for f in find_stated_passwords(text)]


def codes(text):
    return [text[f.start : f.end] for f in find_stated_codes(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my password is hunter22.", "hunter22"),
        ("Password: Kx9!pass", "Kx9!pass"),
        ("密码是Abc12345，谢谢", "Abc12345"),
        ("登录密码：Kx9!pass 请帮我看看", "Kx9!pass"),
        ("パスワードはHunter2です", "Hunter2"),
        ("비밀번호는 qwer1234 입니다", "qwer1234"),
        ("мой пароль: Qwerty123", "Qwerty123"),
        ("mi contraseña es Gato2024", "Gato2024"),
        ("mật khẩu là Matkhau99", "Matkhau99"),
        ("şifrem Sifre2024", "Sifre2024"),
        ("minha senha é Senha@123", "Senha@123"),
        ("mon mot de passe est Soleil2024", "Soleil2024"),
        ("mein Passwort ist Sommer2024", "Sommer2024"),
        ("kata sandi saya Rahasia123", "Rahasia123"),
        ("my password is 'CorrectHorse'", "CorrectHorse"),
        ("my password is: Hunter22", "Hunter22"),
        ("密码 Abc12345", "Abc12345"),
    ],
)
def test_stated_passwords_in_twelve_languages(text, value):
    assert passwords(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "my password is not working",
        "I forgot my password.",
        "密码是什么？",
        "password: ********",
        "reset your password at https://kestrel.exchange/reset",
        "password: https://kestrel.exchange/r1",
        "my password was changed yesterday",
        "Password\nhelp2024",
        "pass: [REDACTED:password]",
        "Password: <b>x1</b>",
        "密码 错误",
    ],
)
def test_talk_about_passwords_is_not_a_password(text):
    assert passwords(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("验证码 123456", "123456"),
        ("验证码：654321", "654321"),
        ("2FA code 123456", "123456"),
        ("my SMS code is 493 221", "493 221"),
        ("Google Authenticator code: 654321", "654321"),
        ("認証コード: 123456", "123456"),
        ("인증번호 123456", "123456"),
        ("код подтверждения 123456", "123456"),
        ("mi código de verificación es 123456", "123456"),
        ("OTP: 8812", "8812"),
    ],
)
def test_one_time_codes(text, value):
    assert codes(text) == [value]


@pytest.mark.parametrize(
    "text",
    ["验证码收不到", "error code 50111", "the 2fa code expired, UID 27351856", "my code is on GitHub", "邮编 100000"],
)
def test_other_numbers_are_not_one_time_codes(text):
    assert codes(text) == []


def test_transaction_ids_are_not_one_time_codes():
    # "2fa" is three hex digits: inside a txid followed by digits it read as "2FA 29234". Harmless
    # in a mail body, it quarantined whole statements once PDFs and documents were read.
    assert codes("txid e086d95ca7db792c7e9af6a378d7e922fa29234cbe2df105a8b4f3b0175 status done") == []
    rng = random.Random(15)
    statement = "\n".join(f"Deposit USDT txid {rng.randbytes(32).hex()}" for _ in range(5_000))
    assert codes(statement) == []
    assert codes("my 2fa 123456") == ["123456"] and codes("OTP:8812.") == ["8812"]
