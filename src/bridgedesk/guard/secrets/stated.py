"""Passwords and one-time codes that a user states in words ("my password is X", "密码是X").

The phrasing per language is data (``_PASSWORD_LABELS``); the value rule is shared: a password
value must look like one (a digit, a symbol or inner capitals, not a bare word), so "my password
is not working" or "密码是什么" stay untouched. A one-time code is 4–8 digits right after a code
label.
"""

from __future__ import annotations

import re

from bridgedesk.guard.secrets.findings import Finding
from bridgedesk.guard.secrets.triggers import cue_windows

_IS = r"[ \t]*(?:[:=：][ \t]*|[ \t]+)"
_PASSWORD_LABELS = (
    r"(?:pass(?:word|code)|pwd|pw)(?:[ \t]+(?:is|was|would be)(?:[ \t]*[:=：])?[ \t]|[ \t]*[:=：])",  # en
    r"(?:密码|密碼|口令)(?:[ \t]*(?:是|为|為|：|:|=)|[ \t]+)",  # zh
    r"パスワード[ \t]*(?:は|：|:)",  # ja
    r"(?:비밀번호|패스워드|암호)[ \t]*(?:는|은|:|：)",  # ko
    r"пароль(?:[ \t]*[:：—\-=]|[ \t]+это[ \t])",  # ru
    r"contraseña(?:[ \t]+es[ \t]|[ \t]*[:=：])",  # es
    r"mật khẩu(?:[ \t]+(?:của tôi|của mình))?(?:[ \t]+là[ \t]|[ \t]*[:=：])",  # vi
    r"şifre(?:m|miz)(?:[ \t]+şu)?" + _IS + r"|şifre[ \t]*[:=：]",  # tr
    r"senha(?:[ \t]+(?:é|era)[ \t]|[ \t]*[:=：])",  # pt
    r"mot de passe(?:[ \t]+(?:est|était)[ \t]|[ \t]*[:=：])",  # fr
    r"(?:passwort|kennwort)(?:[ \t]+(?:ist|lautet|war)[ \t]|[ \t]*[:=：])",  # de
    r"kata[ \t]?sandi(?:[ \t]+saya)(?:[ \t]+adalah)?" + _IS + r"|kata[ \t]?sandi[ \t]*[:=：]",  # id
)
_PASSWORD = re.compile(
    r"(?:" + "|".join(_PASSWORD_LABELS) + r")[ \t]*[\"'“「『]?(?P<value>[\x21-\x3b=\x3f-\x7e]{4,64})",
    re.IGNORECASE,
)
_PASSWORD_CUES = (
    "pass", "pwd", "pw", "密码", "密碼", "口令", "パスワード", "비밀번호", "패스워드", "암호", "пароль",
    "contraseña", "mật khẩu", "şifre", "senha", "mot de passe", "passwort", "kennwort", "sandi",
)
_CODE_LABELS = (
    r"(?:2fa|mfa|otp|totp|sms|one[- ]time|verification|authenticator|auth|security|google)\s*(?:code|pin|password)",
    r"(?:验证码|驗證碼|校验码|动态码|動態碼|谷歌验证码|短信验证码)",
    r"(?:認証コード|確認コード|ワンタイムパスワード)",
    r"(?:인증\s?번호|인증\s?코드|OTP)",
    r"код(?:\s+(?:подтверждения|из смс|2fa))?",
    r"código(?:\s+(?:de verificación|de verificação|2fa|otp|sms))",
    r"mã(?:\s+(?:xác minh|xác thực|otp|2fa))",
    r"doğrulama kodu",
    r"code(?:\s+(?:de vérification|2fa|otp|sms))",
    r"(?:bestätigungscode|verifizierungscode|sicherheitscode)",
    r"kode(?:\s+(?:verifikasi|otp|2fa))",
    r"2fa|otp",
)
# A label starts and a value ends at an ASCII word edge: "…e922fa29234cbe…" is a transaction id, not "2FA 29234".
_CODE = re.compile(
    r"(?<![0-9a-z])(?:" + "|".join(_CODE_LABELS) + r")"
    r"(?:\s*(?:is|was|es|est|ist|é|là|adalah|это|は|는|是|为|為)?\s*[:=：]?\s*)"
    r"(?P<value>\d{3}[ \-]?\d{3}|\d{4,8})(?![0-9a-z])",
    re.IGNORECASE,
)
_CODE_CUES = (
    "2fa", "mfa", "otp", "sms", "one-time", "one time", "verification", "authenticator", "auth code",
    "authentication code", "security code", "security pin", "google", "验证码", "驗證碼", "校验码", "动态码",
    "動態碼", "認証コード", "確認コード", "ワンタイム", "인증", "код", "código", "mã", "doğrulama", "code de",
    "bestätigungscode", "verifizierungscode", "sicherheitscode", "kode",
)
_TRAILING = ".,;:!?)]}\"'”」』。，"
_MASKS = set("*•x●#")


def find_stated_passwords(text: str) -> list[Finding]:
    """Password values that follow a password label in any of the supported languages."""
    findings = []
    for start, end in cue_windows(text.lower(), _PASSWORD_CUES, 24, 90):
        for match in _PASSWORD.finditer(text, start, end):
            value = match.group("value").rstrip(_TRAILING)
            if _looks_like_password(value):
                value_start = match.start("value")
                findings.append(Finding("password", value_start, value_start + len(value), 0.8, "password_stated"))
    return findings


def find_stated_codes(text: str) -> list[Finding]:
    """One-time codes (4–8 digits) that follow a 2FA/SMS/verification-code label."""
    findings = []
    for start, end in cue_windows(text.lower(), _CODE_CUES, 40, 40):
        for match in _CODE.finditer(text, start, end):
            findings.append(Finding("otp_code", match.start("value"), match.end("value"), 0.7, "otp_stated"))
    return findings


def _looks_like_password(value: str) -> bool:
    """A chosen secret, not a word: has a digit or symbol or inner capital, and is not masked."""
    if len(value) < 4 or set(value) <= _MASKS or value.upper().startswith("[REDACTED"):
        return False
    if "://" in value or value.lower().startswith("www.") or "@" in value[1:-1] and "." in value:
        return False
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    inner_capital = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return has_digit or has_symbol or inner_capital
