"""The outbound lint's vocabulary, kept as data so support staff can read and extend it.

Each refusal topic names the secret a reply must never ask for, in English and Chinese. A reply
clause counts as *asking* when it has a request cue and no warning cue ("never", "请勿"...).
"""

from __future__ import annotations

import re

TOPICS: dict[str, tuple[str, str, str]] = {
    # code: (noun pattern, message_en, message_zh)
    "asks_seed_phrase": (
        r"seed(?:\s+(?:phrase|words))?|recovery\s+(?:phrase|words|seed)|mnemonic|secret\s+(?:recovery\s+)?phrase|"
        r"backup\s+phrase|wallet\s+words|(?:12|15|18|24|twelve|twenty[- ]four)[- ]?words?|"
        r"助记词|助記詞|恢复短语|种子短语|钱包密语|12个单词|24个单词",
        "This reply asks the customer for their recovery phrase. We never ask for it: remove the request.",
        "此回复向用户索要助记词。我们绝不索要助记词，请删除该请求。",
    ),
    "asks_private_key": (
        r"private\s*key|privkey|私钥|私鑰",
        "This reply asks the customer for a private key. We never ask for it: remove the request.",
        "此回复向用户索要私钥。我们绝不索要私钥，请删除该请求。",
    ),
    "asks_password": (
        r"pass(?:word|code)s?|login\s+credentials|密码|密碼",
        "This reply asks the customer for a password. We never ask for it: remove the request.",
        "此回复向用户索要密码。我们绝不索要密码，请删除该请求。",
    ),
    "asks_otp": (
        r"2fa(?:\s+code)?|otp|one[- ]time\s+(?:code|password|pin)|verification\s+code|authenticator(?:\s+code)?|"
        r"sms\s+code|security\s+code|auth(?:entication)?\s+code|验证码|驗證碼|动态码|動態碼|谷歌验证|短信码",
        "This reply asks the customer for a 2FA / one-time code. We never ask for it: remove the request.",
        "此回复向用户索要验证码。我们绝不索要验证码，请删除该请求。",
    ),
    "asks_api_secret": (
        r"api\s*(?:secret|key\s+secret|passphrase)|secret\s*key|api_secret|secretkey|passphrase|"
        r"api\s*密钥|密钥|秘钥",
        "This reply asks the customer for an API secret. We never ask for it: remove the request.",
        "此回复向用户索要 API 密钥。我们绝不索要 API 密钥，请删除该请求。",
    ),
}

REQUEST_CUE = re.compile(
    r"\b(?:send|share|provide|give|tell|reply\s+with|respond\s+with|forward|paste|attach|include|"
    r"submit|upload|dm|let\s+(?:us|me)\s+know|we\s+(?:need|require)|i\s+need|need\s+your|"
    r"(?:confirm|verify)\s+your|what\s+(?:is|are)\s+your|what's\s+your|ask(?:ing)?\s+(?:you\s+)?for|"
    r"write\s+(?:down\s+)?(?:it|them)\s+(?:here|below|in\s+your\s+reply)|type\s+(?:it|them)\s+(?:here|below))\b"
    r"|提供|发给|發給|发送|發送|发来|發來|告诉|告訴|告知|给我们|給我們|给我|回复|回覆|填写|提交|报给|上传|私信|索要|"
    r"确认(?:一下)?(?:您|你)的|核实(?:您|你)的",
    re.IGNORECASE,
)
# Typing a recovery phrase or private key anywhere is never something support should suggest,
# so for those two topics "enter it", "import it", "fill it in" count as asking too.
STRICT_TOPICS = frozenset({"asks_seed_phrase", "asks_private_key"})
STRICT_REQUEST_CUE = re.compile(
    r"\b(?:enter|entering|type|typing|input|import|importing|fill\s+(?:in|out)|sync|synchroni[sz]e|"
    r"validate|connect|restore)\b|输入|填入|导入|同步|验证|恢复",
    re.IGNORECASE,
)
WARNING_CUE = re.compile(
    r"\b(?:never|not|don't|dont|won't|will\s+not|no\s+one|nobody|under\s+no\s+circumstances|shouldn't|"
    r"must\s+not|beware|avoid|anyone|anybody|scam|phishing)\b"
    r"|不会|不會|切勿|请勿|請勿|不要|绝不|絕不|永远不|永遠不|任何人|不得|谨防|謹防|勿|千万不|千萬不|别|別|诈骗|詐騙",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|[。！？\n]+")
CLAUSE_END = re.compile(r"[,，;；:：]")

EXTERNAL_LINK = (
    "This reply links to {domain}, which is not one of our official domains. Confirm before sending.",
    "此回复包含非官方域名 {domain} 的链接，请确认后再发送。",
)
EXTERNAL_EMAIL = (
    "This reply names the address {address}, outside our official domains. Confirm before sending.",
    "此回复包含非官方域名的邮箱地址 {address}，请确认后再发送。",
)
