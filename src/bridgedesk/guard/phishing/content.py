"""What the reported message *asks for*: secrets and haste, in English and Chinese.

Genuine exchange mail talks about passwords too, but to say it will never ask for them
("we will never ask for your password", "客服绝不会索要您的助记词"). A sentence carrying
such a negation is therefore skipped before the request patterns are tried.
"""

from __future__ import annotations

import re

_SECRET_EN = (
    r"(?:recovery|seed|secret|backup|mnemonic)\s+(?:phrase|words?)|mnemonic|private\s+keys?|pass(?:word|phrase|code)s?"
    r"|(?:2fa|two[- ]factor|otp|verification|security|authenticat\w*|sms|google\s+auth\w*)\s+codes?|\bpin\b"
    r"|keystore|wallet\s+(?:file|phrase|key)|card\s+(?:number|details)|cvv2?|social\s+security|login\s+(?:details|credentials)"
    r"|(?:account|billing|banking|personal)\s+(?:information|details|info)"
)
_REQUEST_EN = re.compile(
    rf"\b(?:enter|provide|confirm|submit|send|update|re-?enter|type|input|reply\s+with|verify|validate|fill\s+in|give\s+us)\b"
    rf"[^.!?\n]{{0,60}}?(?:{_SECRET_EN})",
    re.IGNORECASE,
)
_VERIFY_EN = re.compile(
    r"\b(?:verify|validate|synchroni[sz]e|sync|unlock|restore|reactivate|re-?activate|confirm)\s+(?:your\s+)?"
    r"(?:wallet|account|identity|ownership|funds|assets|information|info|details|records|data)\b"
    r"|\bprove\s+your\s+identity\b",
    re.IGNORECASE,
)
_SECRET_ZH = r"助记词|私钥|密码|验证码|谷歌验证|二次验证|双重验证|动态码|资金密码|交易密码|支付密码|钱包文件|keystore|身份证|银行卡"
_REQUEST_ZH = re.compile(
    rf"(?:输入|提供|填写|提交|发送|告知|回复|确认|核实|验证|导入|粘贴)[^。！？\n]{{0,12}}?(?:{_SECRET_ZH})"
    r"|验证(?:您的)?(?:钱包|账户|帐户|身份)|同步(?:您的)?钱包|激活(?:您的)?钱包|解冻(?:您的)?(?:账户|资产)",
)
_NEGATION = re.compile(
    r"\b(?:never|not|n't|no\s+one|nobody)\s+(?:\w+\s+){0,3}?(?:ask|request|require|need|share|give|tell|send|"
    r"disclose|reveal|email|call|contact)"
    r"|(?:绝不|不会|切勿|请勿|不要|永远不|从不|禁止|勿)[^。！？\n]{0,8}?(?:索要|询问|要求|提供|泄露|透露|告诉|分享|发送|输入|向)",
    re.IGNORECASE,
)
_URGENCY_EN = re.compile(
    r"\b(?:(?:suspend|terminat|clos|lock|freez|frozen|restrict|limit|disabl|delet|deactivat)\w*"
    r"[^.!?\n]{0,80}?(?:within|in)\s+(?:\d+|twenty[- ]four|forty[- ]eight|one|two|three)\s+(?:hours?|days?|hrs?)"
    r"|(?:within|in)\s+(?:\d+|twenty[- ]four|forty[- ]eight)\s+(?:hours?|hrs?)[^.!?\n]{0,80}?"
    r"(?:suspend|terminat|clos|lock|freez|restrict|limit|disabl|delet|deactivat)\w*"
    r"|(?:urgent|immediate)\s+(?:action|attention|response)|act\s+now|final\s+(?:notice|warning)"
    r"|(?:has\s+been|will\s+be|may\s+be|is)\s+(?:temporarily\s+|permanently\s+)?"
    r"(?:suspended|locked|limited|restricted|frozen|closed|disabled|terminated|deactivated)"
    r"|unauthori[sz]ed\s+(?:access|activity|login|transaction)s?|failure\s+to\s+(?:comply|verify|update|confirm))\b",
    re.IGNORECASE,
)
_URGENCY_ZH = re.compile(
    r"(?:冻结|封禁|封号|停用|注销|关闭|限制|暂停|锁定|清零|没收)[^。！？\n]{0,20}?(?:小时|天|日)内"
    r"|(?:\d+|二十四|四十八|一|两|三)\s*(?:小时|天|日)内[^。！？\n]{0,30}?(?:冻结|封禁|封号|停用|注销|关闭|限制|暂停|锁定|清零|没收|永久)"
    r"|(?:账户|帐户|账号|帐号|资产|资金)(?:已|将|将会|即将)(?:被)?(?:冻结|封禁|停用|注销|限制|锁定|清零)"
    r"|紧急|立即处理|立即验证|最后通知|异常登录|异常交易|风险账户|否则后果自负",
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？\n])")
MAX_CONTENT_CHARS = 50_000


def asks_for_credentials(text: str) -> str | None:
    """The sentence that asks for a secret or to 'verify your wallet', or None."""
    for sentence in _sentences(text):
        if _NEGATION.search(sentence):
            continue
        if _REQUEST_EN.search(sentence) or _VERIFY_EN.search(sentence) or _REQUEST_ZH.search(sentence):
            return sentence.strip()[:300]
    return None


def threatens_urgently(text: str) -> str | None:
    """The sentence with a deadline or a threat to the account, or None."""
    for sentence in _sentences(text):
        if _URGENCY_EN.search(sentence) or _URGENCY_ZH.search(sentence):
            return sentence.strip()[:300]
    return None


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(text[:MAX_CONTENT_CHARS]) if s.strip()]
