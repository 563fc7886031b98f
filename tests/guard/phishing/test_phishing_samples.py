"""Shared samples (no tests here): genuine exchange mail the tests generate, and the real phishing corpus.

The genuine notices are what an exchange really sends (withdrawal done, deposit credited,
new login, KYC reminder, security tips that *mention* passwords), in English and Chinese,
each carrying the anti-phishing code line, from an official domain, authenticated by a
trusted receiving host, with links only to official hosts.
"""

from __future__ import annotations

import mailbox
from email.message import EmailMessage

from tests.guard.shared import SHARED_DATA

KESTREL = ("kestrel.exchange",)
TRUSTED = ("mx.kestrel-mail.example",)
AUTH_PASS = ("mx.kestrel-mail.example; spf=pass smtp.mailfrom=notice.kestrel.exchange; "
             "dkim=pass header.d=kestrel.exchange; dmarc=pass (p=reject) header.from=kestrel.exchange")
# The brands the Nazario 2004-05 corpus impersonates, as their security teams would list them.
NAZARIO_BRANDS = (
    "paypal.com", "ebay.com", "wamu.com", "regions.com", "huntington.com", "lasallebank.com", "ncua.gov",
    "amazon.com", "suntrust.com", "bankofthewest.com", "key.com", "keybank.com", "bankone.com", "visa.com",
    "citibank.com", "bankofamerica.com", "wellsfargo.com", "chase.com", "usbank.com", "southtrust.com",
    "citizensbank.com", "unionplanters.com", "mbna.com", "smithbarney.com", "barclays.co.uk",
)

GENUINE_NOTICES: tuple[tuple[str, str, str], ...] = (
    ("Your withdrawal was completed",
     "Your withdrawal of 0.25 BTC to bc1q...x7 was completed. Check it in your history.",
     "https://www.kestrel.exchange/history/withdrawals"),
    ("您的提现已完成", "您提现的 1,200 USDT 已完成，可在资产记录中查看。", "https://www.kestrel.exchange/zh/history"),
    ("Deposit credited", "Your deposit of 3.1 ETH has been credited to your spot wallet after 64 confirmations.",
     "https://www.kestrel.exchange/wallet"),
    ("充值到账通知", "您的 500 USDT 充值已到账。", "https://www.kestrel.exchange/zh/wallet"),
    ("New login to your account",
     "We noticed a new login from Chrome on Windows in Singapore. If this was you, no action is needed. "
     "If it was not you, reset your password and contact support right away.",
     "https://www.kestrel.exchange/security"),
    ("新设备登录提醒", "您的账户在新设备上登录。如非本人操作，请立即修改密码并联系客服。",
     "https://www.kestrel.exchange/zh/security"),
    ("Complete your identity verification",
     "To keep withdrawing more than 2 BTC a day, please verify your identity in the app within 30 days.",
     "https://www.kestrel.exchange/kyc"),
    ("请完成身份认证", "为保障您的资金安全，请在 30 天内在 App 内完成身份认证。", "https://www.kestrel.exchange/zh/kyc"),
    ("Security tips", "Kestrel will never ask for your password, recovery phrase, private key or 2FA code. "
     "Never share them with anyone, including our staff.", "https://www.kestrel.exchange/security-tips"),
    ("安全提示", "Kestrel 客服绝不会向您索要密码、助记词、私钥或谷歌验证码，请勿泄露给任何人。",
     "https://www.kestrel.exchange/zh/security-tips"),
    ("API key created", "A new API key named 'bot-1' was created on your account with read and trade permissions.",
     "https://www.kestrel.exchange/account/api"),
    ("Your ticket KX-104233 was answered", "Our support team replied to your ticket about a missing deposit.",
     "https://support.kestrel.exchange/tickets/KX-104233"),
)


def genuine_message(subject: str, body: str, link: str, *, code: str = "BLUE-HERON-42", auth: bool = True) -> bytes:
    """One genuine notice as raw bytes: text and HTML parts, official link, anti-phishing code."""
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in subject)
    code_line = f"防钓鱼码：{code}" if zh else f"Anti-phishing code: {code}"
    msg = EmailMessage()
    msg["From"] = "Kestrel Exchange <notice@kestrel.exchange>"
    msg["To"] = "user@example.com"
    msg["Subject"] = subject
    msg["Return-Path"] = "<bounce@notice.kestrel.exchange>"
    if auth:
        msg["Authentication-Results"] = AUTH_PASS
    msg.set_content(f"{code_line}\n\n{body}\n\n{link}\n")
    msg.add_alternative(
        f"<p>{code_line}</p><p>{body}</p><p><a href=\"{link}\">{link.split('//')[1]}</a></p>"
        f"<p><a href=\"https://www.kestrel.exchange/unsubscribe\">Unsubscribe</a></p>", subtype="html",
    )
    return msg.as_bytes()


def nazario_messages() -> list[bytes]:
    box = mailbox.mbox(SHARED_DATA / "mime" / "phishing" / "nazario_phishing0.mbox")
    return [message.as_bytes() for message in box]
