import pytest

from bridgedesk.guard.outbound.lint import lint_reply

OFFICIAL = ["kestrel.exchange"]


def refusals(text):
    return [p.code for p in lint_reply(text, official_domains=OFFICIAL)[0]]


def confirmations(text):
    return [p for p in lint_reply(text, official_domains=OFFICIAL)[1]]


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ("Please send us your 12 words so we can restore access.", "asks_seed_phrase"),
        ("Could you share the secret key?", "asks_api_secret"),
        ("To verify ownership, reply with your recovery phrase.", "asks_seed_phrase"),
        ("Kindly provide your seed phrase and wallet address.", "asks_seed_phrase"),
        ("We need your private key to recover the funds.", "asks_private_key"),
        ("What is your password?", "asks_password"),
        ("Please tell us the 2FA code you just received.", "asks_otp"),
        ("Send the SMS code to this address.", "asks_otp"),
        ("Please include your API secret in your reply.", "asks_api_secret"),
        ("Don't worry, just send us your mnemonic.", "asks_seed_phrase"),
        ("请提供您的助记词", "asks_seed_phrase"),
        ("把私钥发给我们", "asks_private_key"),
        ("告诉我们验证码", "asks_otp"),
        ("请回复您的登录密码以便核实。", "asks_password"),
        ("请把 API 密钥发给客服。", "asks_api_secret"),
        ("为了核实身份，请确认您的助记词。", "asks_seed_phrase"),
        ("Verify your wallet by entering your recovery phrase at our portal.", "asks_seed_phrase"),
        ("Import your private key into the recovery tool to unlock the account.", "asks_private_key"),
        ("请在页面输入您的助记词完成验证", "asks_seed_phrase"),
    ],
)
def test_requests_for_secrets_are_refused(reply, code):
    assert code in refusals(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "We will never ask for your password.",
        "Never share your seed phrase with anyone.",
        "Do not send your private key to anyone, including us.",
        "Please send us your UID and TXID, and never share your password with anyone.",
        "Please reset your password at https://kestrel.exchange/reset",
        "Enter the 2FA code on the withdrawal page.",
        "If anyone asks for your 2FA code, it is a scam.",
        "请勿向任何人透露您的助记词。",
        "我们不会索要您的密码或验证码。",
        "请提供您的用户ID和交易哈希。",
        "Please send us a screenshot of the error message.",
    ],
)
def test_warnings_and_ordinary_requests_pass(reply):
    assert refusals(reply) == []


def test_refusal_carries_both_languages_and_the_sentence_span():
    reply = "Thanks for waiting. Please send us your seed phrase. Regards"
    [problem] = lint_reply(reply, official_domains=OFFICIAL)[0]
    assert reply[problem.span[0] : problem.span[1]] == "Please send us your seed phrase."
    assert problem.message_en and "助记词" in problem.message_zh


def test_official_links_need_no_confirmation():
    text = "See https://kestrel.exchange/help, https://www.kestrel.exchange/x and docs.kestrel.exchange or write to support@kestrel.exchange"
    assert confirmations(text) == []


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("Log in at https://kestrel-exchange.com/login", "kestrel-exchange.com"),
        ("Go to www.kestrel.exchange.evil.co.uk/verify", "evil.co.uk"),
        ("Visit kestrelsupport.io to continue", "kestrelsupport.io"),
        ("http://203.0.113.9/claim", "203.0.113.9"),
        ("打开 https://kestrel.exchange.security-check.cn/ 验证", "security-check.cn"),
    ],
)
def test_foreign_links_need_confirmation(text, domain):
    [problem] = confirmations(text)
    assert problem.code == "external_link" and domain in problem.message_en and domain in problem.message_zh


def test_foreign_email_address_needs_confirmation():
    [problem] = confirmations("Write to kestrel.help@gmail.com")
    assert problem.code == "external_email"


def test_file_names_and_versions_are_not_links():
    assert confirmations("Attach config.py and readme.md, version 1.2.3, e.g. the log.") == []
