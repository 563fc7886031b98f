"""Domain names as comparable parts: Unicode and ASCII forms, registrable domain, labels.

The Public Suffix List comes from tldextract's bundled snapshot: no suffix URL and no
cache directory, so nothing is fetched or written at run time. Private suffixes
(github.io, blogspot.com) count, because anyone can register a name under them.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import idna
import tldextract

_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})
_ASCII_LABEL_RE = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
MAX_DOMAIN_CHARS = 253


@dataclass(frozen=True)
class DomainName:
    given: str          # as typed, case kept (a capital I is a clue the reason can name)
    unicode: str        # lowercase, punycode decoded
    ascii: str          # lowercase, punycode encoded
    registrable: str    # unicode form of the registrable domain ("" when none)
    label: str          # unicode form of the registrable label: "kestrel" in kestrel.exchange
    suffix: str         # "exchange", "co.uk"
    subdomain: str      # unicode form of what sits left of the registrable domain


@lru_cache(maxsize=1)
def suffix_extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def is_ip_literal(host: str) -> bool:
    """True for 1.2.3.4, [::1] and the like: hosts that name no one."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return _is_numeric_ipv4(host)
    return True


def _is_numeric_ipv4(host: str) -> bool:
    """Decimal, hex or dotted-number forms (even out of range) that browsers or phishers use."""
    return bool(re.fullmatch(r"0x[0-9a-f]+|\d{8,10}|(?:(?:0x)?[0-9a-f]{1,8}\.){1,3}(?:0x)?[0-9a-f]{1,8}", host.lower())
                and any(ch.isdigit() for ch in host.split(".")[-1]))


@lru_cache(maxsize=8192)
def parse_domain(text: str) -> DomainName | None:
    """None when the text cannot be a domain name (spaces, bad labels, IP literals)."""
    given = unicodedata.normalize("NFC", text.strip().translate(_DOTS)).rstrip(".")
    if not given or len(given) > MAX_DOMAIN_CHARS or "." not in given or is_ip_literal(given):
        return None
    unicode_labels: list[str] = []
    for label in given.split("."):
        decoded = _decode_label(label)
        if decoded is None:
            return None
        unicode_labels.append(decoded)
    ascii_labels: list[str] = []
    for label in unicode_labels:
        encoded = _encode_label(label)
        if encoded is None or not _ASCII_LABEL_RE.match(encoded):
            return None
        ascii_labels.append(encoded)
    return _split(given, ".".join(unicode_labels), ".".join(ascii_labels))


def _decode_label(label: str) -> str | None:
    if not label:
        return None
    if not label.lower().startswith("xn--"):
        return label.lower()
    try:
        return idna.decode(label, uts46=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return _raw_punycode(label)


def _raw_punycode(label: str) -> str | None:
    """Punycode that IDNA 2008 refuses still resolves in some registries: decode it anyway."""
    try:
        return label[4:].encode("ascii").decode("punycode").lower()
    except (UnicodeError, ValueError):
        return None


def _encode_label(label: str) -> str | None:
    if label.isascii():
        return label
    try:
        return idna.encode(label, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        try:
            return "xn--" + label.encode("punycode").decode("ascii")
        except UnicodeError:
            return None


def _split(given: str, unicode_form: str, ascii_form: str) -> DomainName:
    parts = suffix_extractor()(ascii_form)
    suffix = parts.suffix
    n_suffix = len(suffix.split(".")) if suffix else 0
    labels = unicode_form.split(".")
    if not parts.domain or not suffix:
        return DomainName(given, unicode_form, ascii_form, "", labels[0], suffix, "")
    registrable_labels = labels[-(n_suffix + 1):]
    return DomainName(
        given=given, unicode=unicode_form, ascii=ascii_form,
        registrable=".".join(registrable_labels), label=registrable_labels[0], suffix=suffix,
        subdomain=".".join(labels[: -(n_suffix + 1)]),
    )


def given_label(name: DomainName) -> str:
    """The registrable label as the person typed it (case kept) when it can be found."""
    for label in name.given.split("."):
        if _decode_label(label) == name.label:
            return label if not label.lower().startswith("xn--") else name.label
    return name.label
