"""The reply a person gets after reporting a suspicious message: the verdict and what to do.

People report because they are unsure; the answer must be plain, in their language, and
tell them the next step for each outcome (delete it; or, if they already clicked or typed
something, secure the account now). The reasons are the analysis' own indicators, named in
words, strongest first. Languages without a template fall back to English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bridgedesk.config import Brand
from bridgedesk.guard.phishing.analysis import PhishingAnalysis

MAX_REASONS = 4

VERDICT_WORDS: dict[str, dict[str, str]] = {
    "en": {"phishing": "this message is phishing", "suspicious": "this message is suspicious",
           "clean": "we found no sign of phishing", "unknown": "we could not find the reported message"},
    "zh": {"phishing": "该邮件是钓鱼邮件", "suspicious": "该邮件可疑",
           "clean": "未发现钓鱼迹象", "unknown": "未找到您举报的邮件"},
}

INDICATOR_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "lookalike_domain": "the sender's domain imitates ours",
        "brand_in_foreign_domain": "our name is placed inside someone else's domain",
        "lookalike_link": "a link goes to a site that imitates ours",
        "dmarc_fail": "the sender failed DMARC authentication",
        "ip_literal_link": "a link points to a bare IP address",
        "link_text_mismatch": "a link shows one address but leads to another",
        "dangerous_attachment": "it carries an attachment that can run code or hide a fake page",
        "credential_request": "it asks for a password, recovery phrase, private key or 2FA code",
        "spf_fail": "the sending server was not authorised (SPF)",
        "dkim_fail": "its signature did not verify (DKIM)",
        "html_form": "it contains a form that collects data",
        "brand_name_mismatch": "the sender uses our name from a domain that is not ours",
        "reply_to_mismatch": "replies would go to an address that is not ours",
        "offsite_link": "links lead away from our official sites",
        "url_shortener": "it hides links behind a URL shortener",
        "urgency_threat": "it pressures you with urgency or threats",
        "return_path_mismatch": "the envelope sender is not ours",
    },
    "zh": {
        "lookalike_domain": "发件人域名仿冒我们的官方域名",
        "brand_in_foreign_domain": "我们的名称被放进了他人的域名里",
        "lookalike_link": "链接指向仿冒我们的网站",
        "dmarc_fail": "发件人未通过 DMARC 验证",
        "ip_literal_link": "链接直接指向 IP 地址",
        "link_text_mismatch": "链接显示的地址与实际去向不同",
        "dangerous_attachment": "附件可能运行代码或藏有仿冒页面",
        "credential_request": "索取密码、助记词、私钥或二次验证码",
        "spf_fail": "发信服务器未获授权（SPF 失败）",
        "dkim_fail": "邮件签名验证失败（DKIM）",
        "html_form": "邮件内含收集信息的表单",
        "brand_name_mismatch": "发件人冒用我们的名称，但域名不是我们的",
        "reply_to_mismatch": "回复会发到非官方地址",
        "offsite_link": "链接指向非官方网站",
        "url_shortener": "用短链接隐藏真实地址",
        "urgency_threat": "用紧迫或威胁的语气施压",
        "return_path_mismatch": "信封发件人不是我们",
    },
}

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "subject": "Your phishing report: {verdict}",
        "tagged_subject": "[{number}] Your phishing report: {verdict}",
        "greeting": "Hello,",
        "thanks": "Thank you for reporting a suspicious message to {brand}. Our check: {verdict}.",
        "why": "Why:",
        "phishing": (
            "What to do: do not click its links, open its attachments or reply. Delete it. "
            "If you already clicked a link or entered anything, change your {brand} password now, "
            "reset your 2FA, delete any API keys you did not create, and reply to this email so we "
            "can protect your account. If you typed a wallet recovery phrase or private key anywhere, "
            "move your funds to a new wallet immediately."
        ),
        "suspicious": (
            "What to do: treat it with caution. Do not click its links or reply with any information "
            "until our security team has confirmed it; we will write again if it is confirmed as phishing. "
            "If you already entered anything, change your {brand} password and reset your 2FA now."
        ),
        "clean": (
            "What to do: it appears to be genuine, but you never need to act on an email: sign in by "
            "typing our address yourself. Our security team will still review your report."
        ),
        "unknown": (
            "What to do: please forward the suspicious message again as an attachment (in most mail "
            "programs: More > Forward as attachment) so we can analyse it."
        ),
        "official": "Genuine mail and sites of {brand} use only: {domains}.",
        "verify": "You can check any address, link, phone number or account at {verify_url}",
        "reminder": "{brand} will never ask for your password, recovery phrase, private keys or 2FA codes.",
        "closing": "{brand} Security Team",
    },
    "zh": {
        "subject": "您的钓鱼举报：{verdict}",
        "tagged_subject": "[{number}] 您的钓鱼举报：{verdict}",
        "greeting": "您好，",
        "thanks": "感谢您向 {brand} 举报可疑邮件。我们的检查结果：{verdict}。",
        "why": "原因：",
        "phishing": (
            "请这样做：不要点击其中的链接、不要打开附件、不要回复，直接删除。"
            "如果您已点击链接或输入了任何信息，请立即修改 {brand} 密码、重置二次验证（2FA）、"
            "删除非本人创建的 API 密钥，并回复本邮件以便我们保护您的账户。"
            "如果您在任何地方输入过助记词或私钥，请立即把资产转移到新钱包。"
        ),
        "suspicious": (
            "请这样做：请谨慎对待。在安全团队确认之前，不要点击其中的链接，也不要回复任何信息；"
            "若确认为钓鱼邮件，我们会再次通知您。如果您已输入任何信息，请立即修改 {brand} 密码并重置二次验证。"
        ),
        "clean": (
            "请这样做：该邮件看起来是真实的，但您无需根据邮件采取行动：请自行输入我们的网址登录。"
            "安全团队仍会复核您的举报。"
        ),
        "unknown": "请这样做：请将可疑邮件作为附件重新转发给我们（多数邮箱：更多 > 作为附件转发），以便我们分析。",
        "official": "{brand} 的官方邮件和网站只使用：{domains}。",
        "verify": "您可以在 {verify_url} 核实任何邮箱、链接、电话号码或社交账号。",
        "reminder": "{brand} 绝不会向您索取密码、助记词、私钥或二次验证码。",
        "closing": "{brand} 安全团队",
    },
}


def reply_language(language: str) -> str:
    """Our template language for ``language`` ('zh-TW', 'zh_CN' count as Chinese)."""
    base = (language or "en").lower().replace("_", "-").split("-", 1)[0]
    return base if base in TEMPLATES else "en"


def compose_phishing_reply(
    analysis: PhishingAnalysis | Mapping[str, Any] | None, language: str, brand: Brand, *,
    number: str = "", verify_url: str = "",
) -> tuple[str, str]:
    """(subject, text) of the answer to a phishing report.

    ``analysis`` is the guard's result or the stored ``phishing_analysis`` event data; None
    means the report carried no message we could find, and the reply asks for it again.
    """
    lang = reply_language(language)
    verdict, indicators = _verdict_and_indicators(analysis)
    words = TEMPLATES[lang]
    values = {"brand": brand.name, "verdict": VERDICT_WORDS[lang][verdict], "number": number,
              "domains": ", ".join(brand.official_domains), "verify_url": verify_url}
    subject = words["tagged_subject" if number else "subject"].format(**values)
    paragraphs = [words["greeting"], words["thanks"].format(**values)]
    reasons = _reasons(indicators, lang)
    if reasons and verdict != "clean":
        paragraphs.append(words["why"] + "\n" + "\n".join(f"- {r}" for r in reasons))
    paragraphs.append(words[verdict].format(**values))
    paragraphs.append(words["official"].format(**values))
    if verify_url:
        paragraphs.append(words["verify"].format(**values))
    paragraphs += [words["reminder"].format(**values), words["closing"].format(**values)]
    return subject, "\n\n".join(paragraphs) + "\n"


def _verdict_and_indicators(analysis: PhishingAnalysis | Mapping[str, Any] | None) -> tuple[str, Sequence[str]]:
    if analysis is None:
        return "unknown", ()
    if isinstance(analysis, PhishingAnalysis):
        return analysis.verdict, analysis.indicators
    verdict = str(analysis.get("verdict", ""))
    return (verdict if verdict in ("phishing", "suspicious", "clean") else "unknown"), tuple(analysis.get("indicators", ()))


def _reasons(indicators: Sequence[str], lang: str) -> list[str]:
    """Indicator names in words, strongest first; unknown names are left out rather than shown raw."""
    table = INDICATOR_WORDS[lang]
    return [table[name] for name in indicators if name in table][:MAX_REASONS]
