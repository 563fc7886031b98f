"""The warning a user gets after leaking a secret, tailored to what leaked and in their language.

All wording is data: ``ADVICE[language][topic]``. Each secret type maps to one topic, so a mail
with a phrase and a password gets the wallet advice and the password advice once each, then the
closing promise. Languages without a template fall back to English.
"""

from __future__ import annotations

from collections.abc import Sequence

TOPIC_OF_TYPE = {
    "seed_phrase": "wallet",
    "private_key": "wallet",
    "api_key": "api",
    "api_secret": "api",
    "passphrase": "api",
    "password": "password",
    "otp_code": "password",
    "card_number": "card",
    "id_number": "identity",
}

ADVICE: dict[str, dict[str, str]] = {
    "en": {
        "intro": "Important: your message contained sensitive information, and we have removed it.",
        "wallet": (
            "You shared a wallet recovery phrase or private key. Treat that wallet as compromised: "
            "anyone who saw it can take your funds. Move all funds now to a NEW wallet with a new "
            "recovery phrase, and stop using the old one."
        ),
        "api": (
            "You shared an API key or secret. Delete that API key now in your account's API "
            "management page and create a new one; check recent API activity for anything you did not do."
        ),
        "password": (
            "You shared a password or a one-time code. Change your password now, and enable "
            "two-factor authentication (2FA) if it is not already on."
        ),
        "card": "You shared a payment card number. Contact your bank to block the card and watch for unknown charges.",
        "identity": "You shared an identity document number. Be alert to anyone using it to impersonate you.",
        "closing": (
            "We removed it from our records, and we will never ask for your recovery phrase, "
            "private key, password, verification codes or API secret."
        ),
    },
    "zh": {
        "intro": "重要提示：您的邮件中包含敏感信息，我们已将其删除。",
        "wallet": "您发送了钱包助记词或私钥。请视该钱包为已泄露：任何看到它的人都能转走您的资产。请立即将全部资产转移到一个新创建的钱包（使用新的助记词），并停止使用旧钱包。",
        "api": "您发送了 API Key 或 Secret。请立即在账户的 API 管理页面删除该 API Key 并重新创建，同时检查近期是否有非本人的 API 操作。",
        "password": "您发送了密码或验证码。请立即修改密码，并开启双重验证（2FA）。",
        "card": "您发送了银行卡号。请联系您的银行冻结该卡，并留意异常扣款。",
        "identity": "您发送了身份证件号码。请警惕他人冒用您的身份。",
        "closing": "我们已从记录中删除该信息，并且我们永远不会向您索要助记词、私钥、密码、验证码或 API Secret。",
    },
}
FALLBACK_LANGUAGE = "en"


def protection_advice(secret_types: Sequence[str], language: str) -> str:
    """Warning paragraphs for these secret types; empty when nothing leaked."""
    topics = list(dict.fromkeys(TOPIC_OF_TYPE[t] for t in secret_types if t in TOPIC_OF_TYPE))
    if not topics:
        return ""
    templates = ADVICE.get(_base_language(language), ADVICE[FALLBACK_LANGUAGE])
    return "\n\n".join([templates["intro"], *(templates[topic] for topic in topics), templates["closing"]])


def _base_language(language: str) -> str:
    """``zh-CN``, ``zh_Hant`` and ``ZH`` all mean the ``zh`` templates."""
    return language.replace("_", "-").split("-")[0].lower()
