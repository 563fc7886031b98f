"""Phishing analysis of a reported message: indicators, a transparent score, a verdict.

Each indicator has a fixed weight (``WEIGHTS``); the score is ``1 - exp(-sum)``, so
weights add up the way evidence does and the result stays in 0..1. One strong sign (a
lookalike sender domain) reaches ``phishing`` on its own; a request for a password alone
is ``suspicious``. Mail from an official domain that a trusted receiving host
authenticated, with links only to official hosts, earns a credit: genuine notices talk
about passwords and deadlines too, and must come out ``clean``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.guard.phishing.authresults import read_authentication_results
from bridgedesk.guard.phishing.content import asks_for_credentials, threatens_urgently
from bridgedesk.guard.phishing.forwards import ReportedMessage, find_reported_message
from bridgedesk.guard.phishing.links import LinkFinding, host_of, inspect_link, is_official_host
from bridgedesk.guard.phishing.sender import (
    domain_of,
    inspect_display_name,
    inspect_reply_to,
    inspect_return_path,
    inspect_sender_domain,
    is_official_domain,
)
from bridgedesk.mail.htmltext import sanitized_html_to_text
from bridgedesk.mail.parse import ParsedMail

WEIGHTS: dict[str, float] = {
    "lookalike_domain": 1.4,
    "brand_in_foreign_domain": 1.2,
    "lookalike_link": 1.2,
    "dmarc_fail": 1.0,
    "ip_literal_link": 0.9,
    "link_text_mismatch": 0.9,
    "dangerous_attachment": 0.8,
    "credential_request": 0.7,
    "spf_fail": 0.5,
    "dkim_fail": 0.5,
    "html_form": 0.3,
    "brand_name_mismatch": 0.5,
    "reply_to_mismatch": 0.5,
    "offsite_link": 0.5,
    "url_shortener": 0.4,
    "urgency_threat": 0.4,
    "return_path_mismatch": 0.3,
}
AUTHENTICATED_OFFICIAL_CREDIT = 1.5
PHISHING_AT = 0.7
SUSPICIOUS_AT = 0.35
DANGEROUS_EXTENSIONS = frozenset(
    "html htm shtml xhtml svg js jse vbs vbe wsf wsh hta exe scr com bat cmd pif msi lnk jar ps1 "
    "iso img vhd zip rar 7z gz tgz ace arj cab docm xlsm pptm xll one reg".split()
)
_DANGEROUS_TYPES = ("text/html", "application/x-msdownload", "application/javascript", "application/x-ms")
MAX_LINKS_ANALYSED = 100


@dataclass(frozen=True)
class PhishingAnalysis:
    verdict: str                  # "phishing" | "suspicious" | "clean"
    score: float                  # 0..1
    indicators: tuple[str, ...]   # stable snake_case names, strongest first
    details: tuple[str, ...]      # one human sentence per finding
    domains: tuple[str, ...]      # every domain the message uses (sender, envelope, links)
    urls: tuple[str, ...]         # links that do not go to an official host: the takedown list

    def as_contract(self) -> dict:
        """The ``phishing`` object of ``bridgedesk triage --json`` (CONTRACTS.md): indicators by the contract's names."""
        return {"verdict": self.verdict, "score": self.score, "indicators": contract_indicators(self.indicators)}


# The contract names the indicators other tools read (docs/CONTRACTS.md) and says an indicator that
# fits one of them is reported under that name; ours are finer (which check failed, which part of
# the message). Ours stay on the analysis (the score, the verdict reply's reasons and the stored
# events use them); the contract's are what ``as_contract`` reports. Indicators the contract has
# no name for are reported as they are ("more may be added").
CONTRACT_NAMES: dict[str, str] = {
    "lookalike_domain": "lookalike_domain",
    "brand_in_foreign_domain": "lookalike_domain",
    "lookalike_link": "lookalike_domain",
    "link_text_mismatch": "link_mismatch",
    "credential_request": "credential_request",
    "urgency_threat": "urgency",
    "spf_fail": "auth_fail",
    "dkim_fail": "auth_fail",
    "dmarc_fail": "auth_fail",
    "brand_name_mismatch": "spoofed_display_name",
    "dangerous_attachment": "attachment_risk",
}


def contract_indicators(indicators: Sequence[str]) -> list[str]:
    """Our indicator names as the contract names them, each once, strongest first."""
    return list(dict.fromkeys(CONTRACT_NAMES.get(name, name) for name in indicators))


def analyse_report(
    parsed: ParsedMail, *, official_domains: Sequence[str], trusted_authserv_ids: Sequence[str] = (),
) -> PhishingAnalysis | None:
    """Analyse the message a report carries; None when the report carries none."""
    reported = find_reported_message(parsed)
    if reported is None:
        return None
    return analyse_reported(reported, official_domains=official_domains, trusted_authserv_ids=trusted_authserv_ids)


def analyse_reported(
    msg: ReportedMessage, *, official_domains: Sequence[str], trusted_authserv_ids: Sequence[str] = (),
) -> PhishingAnalysis:
    """Indicators, score and verdict for one reported message (pure, never touches the network)."""
    official = tuple(d.lower() for d in official_domains)
    from_domain = domain_of(msg.from_addr)
    auth = read_authentication_results(msg.headers, trusted_authserv_ids=trusted_authserv_ids)
    findings = (
        _sender_findings(msg, from_domain, official) + _auth_findings(auth)
        + _link_findings(msg.links, official, from_domain) + _offsite_findings(msg, from_domain, official)
        + _attachment_findings(msg.attachments)
        + _content_findings(msg)
    )
    credit = _trust_credit(msg, from_domain, auth, findings, official)
    return _conclude(findings, credit, _domains_seen(msg, from_domain), _takedown_urls(msg.links, official))


def _sender_findings(msg: ReportedMessage, from_domain: str, official: tuple[str, ...]) -> list[LinkFinding]:
    findings = inspect_sender_domain("sender", from_domain, official)
    for address in msg.reply_to:
        findings += inspect_sender_domain("Reply-To", domain_of(address), official)
    findings += inspect_sender_domain("Return-Path", domain_of(msg.return_path), official)
    findings += inspect_display_name(msg.from_name, from_domain, official)
    if _claims_to_be_us(msg, from_domain, official, findings) and not _is_list_mail(msg):
        findings += inspect_reply_to(from_domain, msg.reply_to, official)
        findings += inspect_return_path(from_domain, msg.return_path, official)
    return findings


def _claims_to_be_us(msg: ReportedMessage, from_domain: str, official: tuple[str, ...], findings: list[LinkFinding]) -> bool:
    """Envelope mismatches only mean impersonation when the From pretends to be the brand."""
    return is_official_domain(from_domain, official) or bool(findings)


def _is_list_mail(msg: ReportedMessage) -> bool:
    """Mailing lists rewrite Return-Path and Reply-To by design."""
    return any(name in ("list-id", "list-post") for name, _ in msg.headers)


def _auth_findings(auth: dict[str, str]) -> list[LinkFinding]:
    failing = {"spf": ("fail", "softfail"), "dkim": ("fail", "permerror"), "dmarc": ("fail",)}
    return [
        LinkFinding(f"{method}_fail", f"{method.upper()} {auth[method]} according to the trusted receiving host")
        for method, bad in failing.items() if auth.get(method) in bad
    ]


def _link_findings(links: Sequence[tuple[str, str]], official: tuple[str, ...], from_domain: str) -> list[LinkFinding]:
    findings: list[LinkFinding] = []
    for text, href in links[:MAX_LINKS_ANALYSED]:
        if text == "[form]":
            findings.append(LinkFinding("html_form", f"the message contains a form that posts to {href[:200]}"))
        findings += inspect_link(text, href, official, from_domain)
    return findings


def _offsite_findings(msg: ReportedMessage, from_domain: str, official: tuple[str, ...]) -> list[LinkFinding]:
    """Mail that claims to be ours (by address or by name) but links to someone else's site."""
    claims_ours = is_official_domain(from_domain, official) or bool(inspect_display_name(msg.from_name, from_domain, official))
    if not claims_ours:
        return []
    for _, href in msg.links[:MAX_LINKS_ANALYSED]:
        host = host_of(href)
        if host and not is_official_host(host, official):
            return [LinkFinding("offsite_link", f"claims to come from {from_domain or msg.from_name} but links to {host}")]
    return []


def _attachment_findings(attachments: Sequence[tuple[str, str]]) -> list[LinkFinding]:
    findings = []
    for filename, content_type in attachments:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if extension in DANGEROUS_EXTENSIONS or content_type.lower().startswith(_DANGEROUS_TYPES):
            findings.append(LinkFinding("dangerous_attachment", f"attachment {filename or content_type} can run code or hide a login page"))
    return findings


def _content_findings(msg: ReportedMessage) -> list[LinkFinding]:
    text = f"{msg.subject}\n{msg.text}\n{_html_text(msg)}"
    findings = []
    asked = asks_for_credentials(text)
    if asked:
        findings.append(LinkFinding("credential_request", f"asks for secrets: \"{asked}\""))
    threat = threatens_urgently(text)
    if threat:
        findings.append(LinkFinding("urgency_threat", f"pressure or threat: \"{threat}\""))
    return findings


def _html_text(msg: ReportedMessage) -> str:
    """The HTML's words too: phishers put a decoy in text/plain and the real pitch in HTML."""
    if not msg.html:
        return ""
    rendered = sanitized_html_to_text(msg.html)
    return "" if rendered.strip() == msg.text.strip() else rendered


def _trust_credit(
    msg: ReportedMessage, from_domain: str, auth: dict[str, str], findings: list[LinkFinding], official: tuple[str, ...],
) -> float:
    """Credit for authenticated official mail whose every link stays on official hosts."""
    if not is_official_domain(from_domain, official):
        return 0.0
    authenticated = auth.get("dmarc") == "pass" or (auth.get("dkim") == "pass" and auth.get("spf") == "pass")
    if not authenticated:
        return 0.0
    hosts = [h for h in (host_of(href) for _, href in msg.links) if h]
    if any(not is_official_host(h, official) for h in hosts):
        return 0.0
    severe = {"lookalike_domain", "brand_in_foreign_domain", "dangerous_attachment", "html_form"}
    return 0.0 if any(f.indicator in severe for f in findings) else AUTHENTICATED_OFFICIAL_CREDIT


def _conclude(findings: list[LinkFinding], credit: float, domains: tuple[str, ...], urls: tuple[str, ...]) -> PhishingAnalysis:
    indicators = sorted({f.indicator for f in findings}, key=lambda name: (-WEIGHTS[name], name))
    raw = max(0.0, sum(WEIGHTS[name] for name in indicators) - credit)
    score = round(1.0 - math.exp(-raw), 3)
    verdict = "phishing" if score >= PHISHING_AT else "suspicious" if score >= SUSPICIOUS_AT else "clean"
    details = tuple(dict.fromkeys(f.detail for f in findings))[:50]
    return PhishingAnalysis(verdict, score, tuple(indicators), details, domains, urls)


def _domains_seen(msg: ReportedMessage, from_domain: str) -> tuple[str, ...]:
    domains = [from_domain] + [domain_of(a) for a in msg.reply_to] + [domain_of(msg.return_path)]
    domains += [host_of(href) or "" for _, href in msg.links]
    return tuple(dict.fromkeys(d for d in domains if d))


def _takedown_urls(links: Sequence[tuple[str, str]], official: tuple[str, ...]) -> tuple[str, ...]:
    urls = []
    for _, href in links[:MAX_LINKS_ANALYSED]:
        host = host_of(href)
        if host and not is_official_host(host, official):
            urls.append(href.strip())
    return tuple(dict.fromkeys(urls))
