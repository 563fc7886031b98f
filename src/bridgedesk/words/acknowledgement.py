"""The automatic acknowledgement: ticket number, expected response time, what we still need,
how to protect funds when a secret leaked, and the standing security reminder — in the
customer's language, falling back to English where no template exists."""

from __future__ import annotations

from collections.abc import Sequence
from string import Template

from bridgedesk.triage.completeness import ask_for_missing
from bridgedesk.words.advice import protection_advice

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "subject": "[$number] We received your request: $subject",
        "greeting": "Hello,",
        "body": (
            "Thank you for contacting $brand Support. Your request has been received and a case "
            "has been opened with the number $number.\n\n"
            "A specialist will reply within $hours hours. To add information, simply reply to "
            "this email and keep $number in the subject."
        ),
        "reminder": (
            "Security reminder: $brand staff will never ask for your password, recovery phrase "
            "(seed words), private keys, 2FA codes or API secret keys. Genuine mail from us comes "
            "only from $domains."
        ),
        "closing": "$brand Support",
    },
    "zh": {
        "subject": "[$number] 我们已收到您的请求：$subject",
        "greeting": "您好，",
        "body": (
            "感谢您联系 $brand 客服。我们已收到您的请求，工单编号为 $number。\n\n"
            "专员将在 $hours 小时内回复您。如需补充信息，请直接回复本邮件，并保留主题中的 $number。"
        ),
        "reminder": (
            "安全提示：$brand 工作人员绝不会向您索取密码、助记词、私钥、二次验证（2FA）码或 API 密钥。"
            "我们的官方邮件只来自 $domains。"
        ),
        "closing": "$brand 客服团队",
    },
}


def acknowledgement_language(language: str) -> str:
    return language if language in TEMPLATES else "en"


def compose_acknowledgement(
    *, language: str, number: str, subject: str, brand: str, official_domains: Sequence[str],
    first_response_hours: int, secret_types: Sequence[str], missing: Sequence[str],
) -> tuple[str, str]:
    """Return (subject, text) of the acknowledgement."""
    lang = acknowledgement_language(language)
    parts = TEMPLATES[lang]
    values = {
        "number": number, "subject": subject or "-", "brand": brand,
        "hours": str(first_response_hours), "domains": ", ".join(official_domains),
    }
    paragraphs = [Template(parts["greeting"]).safe_substitute(values)]
    if secret_types:
        paragraphs.append(protection_advice(secret_types, lang))
    paragraphs.append(Template(parts["body"]).safe_substitute(values))
    if missing:
        paragraphs.append(ask_for_missing(missing, lang))
    paragraphs.append(Template(parts["reminder"]).safe_substitute(values))
    paragraphs.append(Template(parts["closing"]).safe_substitute(values))
    return Template(parts["subject"]).safe_substitute(values), "\n\n".join(paragraphs) + "\n"
