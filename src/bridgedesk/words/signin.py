"""The portal sign-in mail: a one-time link, in English and Chinese."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    subject: str
    text: str


def signin_mail(brand_name: str, link: str) -> Wording:
    """What the customer reads; the link works once and expires in 30 minutes."""
    text = (f"Sign in to {brand_name} support: {link}\n"
            "The link works once and expires in 30 minutes. If you did not ask for it, ignore this mail.\n\n"
            f"登录 {brand_name} 客服中心：{link}\n此链接仅可使用一次，30 分钟内有效。如非本人操作，请忽略本邮件。\n")
    return Wording(subject=f"{brand_name}: your sign-in link · 登录链接", text=text)
