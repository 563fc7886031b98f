"""The answer to a phishing report: verdict and next steps in the reporter's language."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage

from bridgedesk.config import Brand
from bridgedesk.guard.phishing.analysis import analyse_reported
from bridgedesk.guard.phishing.forwards import reported_from_raw
from bridgedesk.words.phishing_verdict import compose_phishing_reply


def build_mail(*, sender: str, subject: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "li@example.cn", subject
    msg.set_content(body)
    return msg.as_bytes(policy=policy.SMTP)


BRAND = Brand(name="Kestrel Exchange", official_domains=("kestrel.exchange",), support_address="support@kestrel.exchange",
              security_address="security@kestrel.exchange", ticket_prefix="KX")
LOOKALIKE_ZH = build_mail(
    sender="Kestrel 安全中心 <security@kestreI-exchange.help>", subject="您的账户已被冻结",
    body="尊敬的用户：您的账户存在异常，请在24小时内登录 https://kestreI-exchange.help/verify 并输入助记词验证钱包，否则账户将被永久冻结。",
)


def analyse(raw: bytes):
    return analyse_reported(reported_from_raw(raw), official_domains=BRAND.official_domains)


def test_chinese_reporter_gets_a_chinese_phishing_verdict_with_reasons_and_steps():
    analysis = analyse(LOOKALIKE_ZH)
    assert analysis.verdict == "phishing"
    subject, text = compose_phishing_reply(analysis, "zh", BRAND, number="KX-100042")
    assert subject == "[KX-100042] 您的钓鱼举报：该邮件是钓鱼邮件"
    assert "原因：" in text and "我们的名称被放进了他人的域名里" in text and "索取密码、助记词" in text
    assert "不要点击" in text and "立即修改 Kestrel Exchange 密码" in text and "kestrel.exchange" in text
    assert "phishing" not in text.lower()   # nothing left in English


def test_english_reply_from_stored_event_data_and_language_variants():
    analysis = analyse(LOOKALIKE_ZH)
    event = {"verdict": analysis.verdict, "score": analysis.score, "indicators": list(analysis.indicators)}
    subject, text = compose_phishing_reply(event, "en", BRAND, verify_url="https://help.kestrel.exchange/verify/")
    assert subject == "Your phishing report: this message is phishing"
    assert "our name is placed inside someone else's domain" in text and "Delete it" in text
    assert "https://help.kestrel.exchange/verify/" in text
    assert compose_phishing_reply(event, "zh-TW", BRAND)[0].startswith("您的钓鱼举报")
    assert compose_phishing_reply(event, "ja", BRAND)[0].startswith("Your phishing report")   # English fallback


def test_genuine_mail_is_called_clean_without_alarming_reasons():
    genuine = {"verdict": "clean", "score": 0.05, "indicators": ["urgency_threat"]}
    subject, text = compose_phishing_reply(genuine, "en", BRAND)
    assert "no sign of phishing" in subject
    assert "Why:" not in text and "appears to be genuine" in text
    _, text_zh = compose_phishing_reply(genuine, "zh", BRAND)
    assert "未发现钓鱼迹象" in text_zh and "原因" not in text_zh


def test_suspicious_and_missing_message_give_different_advice():
    _, suspicious = compose_phishing_reply({"verdict": "suspicious", "indicators": ["credential_request"]}, "en", BRAND)
    assert "treat it with caution" in suspicious and "asks for a password" in suspicious
    subject, missing = compose_phishing_reply(None, "zh", BRAND)
    assert "未找到" in subject and "作为附件" in missing
