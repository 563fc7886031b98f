"""The registry check behind the public "is this really the exchange?" page.

Domains (and so email addresses and web addresses) are judged against the official
domains with the lookalike checks; phone numbers and social handles against the channel
registry the security team keeps. A "no" always says why, in English and Chinese, and
names the official channel an imitation copies when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bridgedesk.guard.channels.query import classify_query, normalise_phone
from bridgedesk.guard.names.confusables import skeleton
from bridgedesk.guard.names.explain import describe_differences, join_phrases
from bridgedesk.guard.names.lookalike import DomainVerdict, check_domain, edit_distance

KINDS = ("email", "domain", "url", "phone", "telegram", "x")
_OFFICIAL_STATUSES = ("official", "official_subdomain")
_HANDLE_NAMES = {"telegram": ("Telegram", "Telegram"), "x": ("X (Twitter)", "X（推特）")}


@dataclass(frozen=True)
class Channel:
    kind: str      # email | domain | url | phone | telegram | x
    value: str


@dataclass(frozen=True)
class ChannelVerdict:
    query: str
    kind: str
    official: bool
    reason: str
    reason_zh: str
    matched: str | None


def verify_channel(text: str, *, official_domains: Sequence[str], channels: Sequence[Channel]) -> ChannelVerdict:
    """Is ``text`` one of the exchange's official channels? Never raises."""
    kind, value = classify_query(text)
    if kind in ("email", "url", "domain"):
        return _verify_by_domain(text, kind, value, official_domains, channels)
    if kind == "phone":
        return _verify_phone(text, value, channels)
    if kind in ("telegram", "x"):
        return _verify_handle(text, kind, value, channels)
    return ChannelVerdict(
        text, "unknown", False, "not an email address, web address, domain, phone number or handle",
        "无法识别：不是邮箱、网址、域名、电话号码或社交账号", None,
    )


def _verify_by_domain(
    text: str, kind: str, value: str, official_domains: Sequence[str], channels: Sequence[Channel],
) -> ChannelVerdict:
    host = _given_host(kind, text) or _host_of(kind, value)
    registered = [c.value for c in channels if c.kind == "domain"]
    verdict = check_domain(host, [*official_domains, *registered])
    if verdict.status in _OFFICIAL_STATUSES:
        return _official_domain_verdict(text, kind, value, verdict, channels)
    if verdict.status == "lookalike":
        return ChannelVerdict(
            text, kind, False, f"not official: {verdict.reason}", f"非官方：{verdict.reason_zh}", verdict.matched,
        )
    userinfo = _userinfo_trick(kind, value, text)
    if userinfo is not None:
        return ChannelVerdict(text, kind, False, userinfo[0], userinfo[1], None)
    return ChannelVerdict(text, kind, False, f"not official: {verdict.reason}", f"非官方：{verdict.reason_zh}", None)


def _given_host(kind: str, text: str) -> str:
    """The host as typed, case kept, so the reason can say "a capital I"."""
    query = text.strip().strip("<>\"'").removeprefix("mailto:")
    if kind == "email":
        return query.rsplit("@", 1)[1]
    if kind == "url":
        netloc = query.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0]
        host = netloc.rsplit("@", 1)[-1]
        return host.split(":", 1)[0] if not host.startswith("[") else ""
    return query


def _host_of(kind: str, value: str) -> str:
    if kind == "email":
        return value.rsplit("@", 1)[1]
    if kind == "url":
        return urlsplit(value).hostname or ""
    return value


def _official_domain_verdict(
    text: str, kind: str, value: str, verdict: DomainVerdict, channels: Sequence[Channel],
) -> ChannelVerdict:
    if kind == "email" and any(c.kind == "email" and c.value.lower() == value for c in channels):
        return ChannelVerdict(text, kind, True, f"{value} is a listed official address",
                              f"{value} 是登记在册的官方邮箱", value)
    where = {"email": "the address is at", "url": "the link goes to", "domain": "it belongs to"}[kind]
    where_zh = {"email": "该邮箱属于", "url": "该链接指向", "domain": "该域名属于"}[kind]
    return ChannelVerdict(text, kind, True, f"official: {where} {verdict.matched}",
                          f"官方：{where_zh}官方域名 {verdict.matched}", verdict.matched)


def _userinfo_trick(kind: str, value: str, text: str) -> tuple[str, str] | None:
    """https://kestrel.exchange@evil.example/ shows our name before the '@' that hides the host."""
    if kind != "url" or "@" not in text.split("//", 1)[-1].split("/", 1)[0]:
        return None
    host = urlsplit(value).hostname or ""
    return (f"not official: everything before the @ is decoration, the link really goes to {host}",
            f"非官方：@ 前面的内容只是伪装，链接实际指向 {host}")


def _verify_phone(text: str, value: str, channels: Sequence[Channel]) -> ChannelVerdict:
    for channel in channels:
        if channel.kind == "phone" and _same_phone(value, normalise_phone(channel.value)):
            return ChannelVerdict(text, "phone", True, f"{channel.value} is a listed official phone number",
                                  f"{channel.value} 是登记在册的官方电话", channel.value)
    return ChannelVerdict(text, "phone", False, f"{value} is not one of the official phone numbers",
                          f"{value} 不在官方电话列表中", None)


def _same_phone(a: str, b: str) -> bool:
    """Equal, or equal in the last 9+ digits when one side was written without a country code."""
    if a == b:
        return True
    da, db = a.lstrip("+"), b.lstrip("+")
    if a.startswith("+") and b.startswith("+"):
        return False
    short = min(len(da), len(db))
    return short >= 9 and da[-short:] == db[-short:]


def _verify_handle(text: str, kind: str, handle: str, channels: Sequence[Channel]) -> ChannelVerdict:
    bare_at = text.strip().startswith("@")
    kinds = ("telegram", "x") if bare_at else (kind,)
    listed = [(c.kind, c.value.strip().lstrip("@")) for c in channels if c.kind in kinds]
    for listed_kind, value in listed:
        if value.lower() == handle:
            en, zh = _HANDLE_NAMES[listed_kind]
            return ChannelVerdict(text, listed_kind, True, f"@{value} is the official {en} account",
                                  f"@{value} 是官方 {zh} 账号", f"@{value}")
    return _unlisted_handle(text, kind, handle, listed)


def _unlisted_handle(text: str, kind: str, handle: str, listed: list[tuple[str, str]]) -> ChannelVerdict:
    written = text.strip().rstrip("/").rsplit("/", 1)[-1].lstrip("@")
    for listed_kind, value in listed:
        if skeleton(written) == skeleton(value) or edit_distance(handle, value.lower(), limit=2) <= 2 or value.lower() in handle:
            en, zh = join_phrases(describe_differences(written, value)) if value.lower() not in handle else (
                f"it adds \"{handle.replace(value.lower(), '')}\" to the name", f"它在名称上加了“{handle.replace(value.lower(), '')}”")
            return ChannelVerdict(text, listed_kind, False, f"not official: looks like @{value} but {en}",
                                  f"非官方：看起来像 @{value}，但{zh}", f"@{value}")
    en, zh = _HANDLE_NAMES.get(kind, ("social", "社交"))
    return ChannelVerdict(text, kind, False, f"@{handle} is not an official {en} account",
                          f"@{handle} 不是官方 {zh} 账号", None)
