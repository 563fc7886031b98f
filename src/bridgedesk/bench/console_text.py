"""Message text for the console data set: pools of customer mail, follow-ups, agent replies and notes.

Why pools: a million messages each built from fresh slots would cost minutes of string work;
a few thousand seeded bodies per language, reused, still read like an exchange's inbox and
give full-text search realistic English and Chinese words (tx hashes, UIDs, error codes).
Other languages get a greeting in their own language ahead of English text, which is what
such mail mostly looks like.
"""

from __future__ import annotations

import random
from datetime import datetime

from bridgedesk.bench import corpus
from bridgedesk.bench import corpus_text as text

OTHER_GREETINGS = {
    "ja": "お世話になっております。", "ko": "안녕하세요, 도와주세요.", "ru": "Здравствуйте, прошу помочь.",
    "es": "Hola, necesito ayuda por favor.", "vi": "Xin chào, vui lòng giúp tôi.", "tr": "Merhaba, yardımınızı rica ediyorum.",
}
AGENT_REPLIES = {
    "en": ("Thank you for your patience. We checked transaction {tx} and it is now credited to UID {uid}.",
           "Our team reviewed your case. Please send a screenshot of the error {err} and the order id so we can continue.",
           "The withdrawal was held by the risk system for a routine check; it has been released and should arrive within an hour.",
           "For your security we have frozen the account. Please reset your password and 2FA from a trusted device.",
           "Your identity verification is complete. You can now withdraw up to the level 2 limit.",
           "We have escalated this to our blockchain team and will update you within 24 hours."),
    "zh": ("感谢您的耐心等待。我们已核实交易 {tx}，款项已入账到 UID {uid}。",
           "我们的团队已审核您的问题，请提供错误码 {err} 的截图和订单号，以便继续处理。",
           "该笔提现被风控系统例行审核，现已放行，预计一小时内到账。",
           "为了您的资产安全，我们已冻结账户。请在可信设备上重置密码和二次验证。",
           "您的身份认证已完成，现在可以按二级额度提现。",
           "我们已将问题升级给链上团队，将在24小时内给您答复。"),
}
NOTES = ("Checked on the explorer: confirmed, waiting on the wallet team.", "VIP customer, answer first.",
         "已联系风控团队，等待回复。", "Possible duplicate of an earlier ticket; keep an eye on it.", "客户情绪较激动，注意措辞。")


class TextPools:
    """Seeded bodies per (category, language), follow-ups and replies per language; ``pick`` is cheap."""

    def __init__(self, rng: random.Random, when: datetime, size: int) -> None:
        self.rng = rng
        self.first = {(cat, lang): [self._first_body(cat, lang, when) for _ in range(size)]
                      for cat in text.CATEGORIES for lang in ("en", "zh")}
        self.subjects = {(cat, lang): [rng.choice(text.SUBJECTS[cat][lang]).format(**corpus._slots(rng, when))
                                       for _ in range(size)] for cat in text.CATEGORIES for lang in ("en", "zh")}
        self.follow_ups = {lang: [self._follow_up(lang, when) for _ in range(size)] for lang in ("en", "zh")}
        self.replies = {lang: [rng.choice(AGENT_REPLIES[lang]).format(**corpus._slots(rng, when)) for _ in range(size)]
                        for lang in ("en", "zh")}

    def _first_body(self, category: str, language: str, when: datetime) -> str:
        slots = corpus._slots(self.rng, when)
        paragraphs = [self.rng.choice(text.BODIES[category][language]).format(**slots)]
        paragraphs += [d.format(**slots) for d in self.rng.sample(text.DETAILS[language], self.rng.randint(1, 3))]
        name = self.rng.choice(text.ZH_NAMES if language == "zh" else text.EN_NAMES)
        return corpus._sign(self.rng, language, name, paragraphs)

    def _follow_up(self, language: str, when: datetime) -> str:
        return self.rng.choice(text.FOLLOW_UPS[language]).format(**corpus._slots(self.rng, when))

    def subject(self, category: str, language: str) -> str:
        return self.rng.choice(self.subjects[_known(category), _base(language)])

    def first_body(self, category: str, language: str) -> str:
        body = self.rng.choice(self.first[_known(category), _base(language)])
        return f"{OTHER_GREETINGS[language]}\n\n{body}" if language in OTHER_GREETINGS else body

    def follow_up(self, language: str) -> str:
        return self.rng.choice(self.follow_ups[_base(language)])

    def reply(self, language: str) -> str:
        return self.rng.choice(self.replies[_base(language)])

    def note(self) -> str:
        return self.rng.choice(NOTES)


def _base(language: str) -> str:
    return "zh" if language == "zh" else "en"


def _known(category: str) -> str:
    return category if category in text.CATEGORIES else "promotions"
