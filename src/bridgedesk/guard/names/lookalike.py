"""Is this domain ours, one of ours, an imitation of ours, or simply someone else's?

Rather than generating dnstwist's huge permutation sets, each candidate is compared with
each official domain through a few cheap lenses: the UTS #39 skeleton (homoglyphs, IDN),
edit distance on skeletons (omission, insertion, repetition, transposition, replacement,
bit flips), the same name under another ending, hyphenation, the official name inside a
foreign domain, and the brand glued to a word. The first lens that fits decides, and the
reason names the trick in English and Chinese.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.guard.names.confusables import skeleton
from bridgedesk.guard.names.domains import DomainName, given_label, is_ip_literal, parse_domain
from bridgedesk.guard.names.explain import (
    Phrase,
    describe_differences,
    describe_mixed_scripts,
    join_phrases,
    letter_scripts,
)

MIN_BRAND_CHARS = 4          # shorter brand labels ("okx") only match as whole tokens


@dataclass(frozen=True)
class DomainVerdict:
    domain: str
    status: str          # "official" | "official_subdomain" | "lookalike" | "unrelated" | "invalid"
    reason: str
    reason_zh: str
    matched: str | None  # the official domain it is, or imitates
    trick: str | None = None   # homoglyph, typo, tld_swap, hyphenation, brand_in_subdomain, brand_plus_word


def check_domain(domain: str, official_domains: Sequence[str]) -> DomainVerdict:
    """Classify one domain against the official list (never raises)."""
    name = parse_domain(domain)
    if name is None:
        return _invalid(domain)
    officials = [o for o in (parse_domain(d) for d in official_domains) if o is not None]
    for official in officials:
        exact = _exact_match(name, official)
        if exact is not None:
            return exact
    for official in officials:
        imitation = _imitation(name, official)
        if imitation is not None:
            return imitation
    return DomainVerdict(
        name.unicode, "unrelated", f"{name.unicode} is not an official domain",
        f"{name.unicode} 不是官方域名", None,
    )


def _invalid(domain: str) -> DomainVerdict:
    if is_ip_literal(domain.strip()):
        return DomainVerdict(
            domain, "invalid", "a bare IP address, not a domain; official sites always use their name",
            "这是一个裸 IP 地址而不是域名；官方网站总是使用域名", None,
        )
    return DomainVerdict(domain, "invalid", "not a valid domain name", "不是有效的域名", None)


def _exact_match(name: DomainName, official: DomainName) -> DomainVerdict | None:
    if name.ascii == official.ascii:
        return DomainVerdict(
            name.unicode, "official", f"{name.unicode} is an official domain",
            f"{name.unicode} 是官方域名", official.unicode,
        )
    if name.ascii.endswith("." + official.ascii):
        return DomainVerdict(
            name.unicode, "official_subdomain", f"{name.unicode} is part of the official domain {official.unicode}",
            f"{name.unicode} 属于官方域名 {official.unicode}", official.unicode,
        )
    return None


def _imitation(name: DomainName, official: DomainName) -> DomainVerdict | None:
    for lens in (_homoglyph, _tld_swap, _brand_in_subdomain, _hyphenation, _typo, _brand_plus_word):
        found = lens(name, official)
        if found is not None:
            trick, (en, zh) = found
            return DomainVerdict(
                name.unicode, "lookalike", f"looks like {official.unicode} but {en}",
                f"看起来像 {official.unicode}，但{zh}", official.unicode, trick,
            )
    return None


Finding = tuple[str, Phrase]


def _homoglyph(name: DomainName, official: DomainName) -> Finding | None:
    """Same skeleton, different name: lookalike letters, digits, accents or scripts."""
    written = given_label(name)
    if not name.registrable or written.lower() == official.label or skeleton(written) != skeleton(official.label):
        return None
    phrases = describe_differences(written, official.label) or [("it uses lookalike characters", "使用了形近字符")]
    if name.suffix != official.suffix:
        phrases.append((f"it ends in .{name.suffix}", f"后缀是 .{name.suffix}"))
    mixed = describe_mixed_scripts(name.label)
    if mixed:
        phrases.append(mixed)
    elif letter_scripts(name.label) - {"LATIN"}:
        phrases.append(("it is written entirely in non-Latin letters", "它完全由非拉丁字母写成"))
    return "homoglyph", join_phrases(phrases)


def _tld_swap(name: DomainName, official: DomainName) -> Finding | None:
    if not name.registrable or name.suffix == official.suffix or skeleton(name.label) != skeleton(official.label):
        return None
    return "tld_swap", (
        f"it ends in .{name.suffix} instead of .{official.suffix}",
        f"后缀是 .{name.suffix} 而不是 .{official.suffix}",
    )


def _brand_in_subdomain(name: DomainName, official: DomainName) -> Finding | None:
    """kestrel.exchange.account-verify.io: our name on the left, someone else's on the right."""
    if not name.subdomain:
        return None
    left = skeleton(name.subdomain)
    labels = left.split(".")
    brand = skeleton(official.label)
    if skeleton(official.registrable) in left or brand in labels or _has_token(labels, brand):
        return "brand_in_subdomain", (
            f"the real domain is {name.registrable}; {official.unicode} only appears in front of it",
            f"真正的域名是 {name.registrable}；{official.unicode} 只是出现在它前面",
        )
    return None


def _has_token(labels: list[str], brand: str) -> bool:
    return len(brand) >= MIN_BRAND_CHARS and any(brand in label.split("-") for label in labels)


def _hyphenation(name: DomainName, official: DomainName) -> Finding | None:
    """kestrel-exchange.com, kes-trel.exchange, kestrelexchange.io."""
    label = skeleton(name.label)
    joined = skeleton(official.registrable.replace(".", ""))
    if "-" in label and label.replace("-", "") == skeleton(official.label):
        return "hyphenation", ("a hyphen is added", "多加了连字符")
    if label.replace("-", "") == joined and name.registrable:
        return "hyphenation", (
            f"it joins the parts of {official.unicode} into one name under .{name.suffix}",
            f"它把 {official.unicode} 拼成了一个名称，挂在 .{name.suffix} 下",
        )
    return None


def _typo(name: DomainName, official: DomainName) -> Finding | None:
    """One or two slips of the finger (on skeletons, so a homoglyph plus a typo still counts)."""
    if not name.registrable:
        return _unknown_ending_typo(name, official)
    label, brand = skeleton(name.label), skeleton(official.label)
    if len(brand) < MIN_BRAND_CHARS + 1:
        return _short_brand_slip(name, official)
    limit = 1 if len(brand) < 10 else 2
    if min(edit_distance(label, brand), edit_distance(name.label, official.label)) > limit:
        return None
    phrases = describe_differences(given_label(name), official.label)
    if name.suffix != official.suffix:
        phrases.append((f"it ends in .{name.suffix}", f"后缀是 .{name.suffix}"))
    return "typo", join_phrases(phrases)


def _unknown_ending_typo(name: DomainName, official: DomainName) -> Finding | None:
    """kestrel.exchnage: no such ending exists, but the whole name is one slip from ours."""
    if edit_distance(skeleton(name.unicode), skeleton(official.unicode)) > 2:
        return None
    return "typo", join_phrases(describe_differences(name.unicode, official.unicode))


def _short_brand_slip(name: DomainName, official: DomainName) -> Finding | None:
    """Short brands (ebay, okx) get only a swap or a doubled letter: anything looser hits strangers."""
    label, brand = skeleton(name.label), skeleton(official.label)
    if len(brand) < 3 or label == brand or edit_distance(label, brand) != 1:
        return None
    swapped = len(label) == len(brand) and sorted(label) == sorted(brand)
    doubled = len(label) == len(brand) + 1 and any(label[:i] + label[i + 1:] == brand for i in range(1, len(label)) if label[i] == label[i - 1])
    if not (swapped or doubled):
        return None
    return "typo", join_phrases(describe_differences(given_label(name), official.label))


def _brand_plus_word(name: DomainName, official: DomainName) -> Finding | None:
    """kestrel-support.help, kestrelexchange-verify.com, secure-paypa1.net."""
    label, brand = skeleton(name.label), skeleton(official.label)
    joined = skeleton(official.registrable.replace(".", ""))
    tokens = label.split("-")
    if brand in tokens or joined in label.replace("-", "") or _near_token(tokens, brand) or _glued(label, brand):
        extra = _extra_words(tokens, official) or label.replace(brand, "").strip("-") or label
        return "brand_plus_word", (
            f"it adds \"{extra}\" to the brand name; the official domain is only {official.unicode}",
            f"它在品牌名上加了“{extra}”；官方域名只有 {official.unicode}",
        )
    return None


def _extra_words(tokens: list[str], official: DomainName) -> str:
    """'verify' in kestrel-exchange-verify: the words that are not part of our own name."""
    ours = {skeleton(part) for part in official.registrable.split(".")}
    ours.add(skeleton(official.registrable.replace(".", "")))
    brand = skeleton(official.label)
    extra = [t.replace(brand, "") or t for t in tokens if t not in ours and edit_distance(t, brand, limit=1) > 1]
    return "-".join(extra)


def _near_token(tokens: list[str], brand: str) -> bool:
    return len(brand) >= MIN_BRAND_CHARS + 1 and any(
        len(token) >= MIN_BRAND_CHARS and edit_distance(token, brand) <= 1 for token in tokens
    )


def _glued(label: str, brand: str) -> bool:
    """securepaypal, paypalsecure: the brand at either end of a longer label."""
    return len(brand) >= MIN_BRAND_CHARS + 1 and label != brand and (label.startswith(brand) or label.endswith(brand))


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein (optimal string alignment), a transposition costing one edit.

    Anything beyond ``limit`` comes back as ``limit + 1`` as soon as it is certain, which
    keeps the comparison of every link host with every official domain cheap.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            best = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < best:
                best = prev2[j - 2] + 1
            cur[j] = best
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)
