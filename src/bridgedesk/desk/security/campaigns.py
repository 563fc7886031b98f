"""Phishing campaigns: reports that share a sending domain, a link domain or a template.

One phishing run reaches many customers, and each report alone is a small fact; grouped,
they give the security team one list of domains and URLs to take down. Grouping is a
union-find over shared keys, kept pure (plain ``ReportSignals`` in, ``Campaign`` out) so it
can be tested on real corpora; only ``load_report_signals`` reads the database.

Keys are deliberately conservative: a mailbox provider (gmail.com, qq.com...) or an official
domain never links two reports, and a URL shortener links reports only by the exact URL,
because unrelated phishers share those hosts.
"""

from __future__ import annotations

import csv
import hashlib
import io
import ipaddress
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bridgedesk.desk.models import Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import EventKind
from bridgedesk.guard.phishing.forward_inline import find_inline_forward
from bridgedesk.guard.phishing.links import URL_SHORTENERS, host_of, registrable_of

MAILBOX_PROVIDERS = frozenset("""
gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com icloud.com me.com
aol.com proton.me protonmail.com gmx.com gmx.de mail.com zoho.com yandex.ru yandex.com mail.ru
qq.com foxmail.com 163.com 126.com yeah.net sina.com sina.cn sohu.com 139.com aliyun.com naver.com
""".split())
SHARED_HOSTS = frozenset("""
google.com googleusercontent.com microsoft.com office.com sharepoint.com dropbox.com github.com
doubleclick.net google-analytics.com googletagmanager.com w3.org macromedia.com adobe.com
""".split())
CAMPAIGN_VERDICTS = ("phishing", "suspicious")
MIN_TEMPLATE_CHARS = 24
_FORWARD_PREFIX = re.compile(r"^\s*((re|fwd?|fw|aw|wg|tr|rv|転送|转发|回复|答复)\s*[:：]\s*|\[[^\]]{0,40}\]\s*)+", re.IGNORECASE)
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d+")
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class ReportSignals:
    """What one phishing report contributes to grouping (from a ``phishing_analysis`` event)."""

    report_id: int
    ticket: str
    verdict: str
    sender_domain: str
    urls: tuple[str, ...]
    domains: tuple[str, ...]
    fingerprint: str           # template hash; "" when the reported text is unknown or too short
    reported_at: datetime | None = None


@dataclass(frozen=True)
class Campaign:
    name: str                      # stable: derived from the smallest report id
    report_ids: tuple[int, ...]
    tickets: tuple[str, ...]
    shared: tuple[str, ...]        # the keys that tie the reports: "sender:x", "link:y", "url:z", "template:h"
    domains: tuple[str, ...]       # takedown list: non-official, non-provider domains seen
    urls: tuple[str, ...]
    first_seen: datetime | None
    last_seen: datetime | None


def template_fingerprint(subject: str, text: str) -> str:
    """A hash of the message with what varies per victim removed (names stay; links, numbers go).

    Empty when too little text remains to call two messages the same template.
    """
    subject = _FORWARD_PREFIX.sub("", subject or "")
    body = "\n".join(line for line in (text or "").splitlines()[1:] if line.strip())   # drop "Dear <name>,"
    normal = _normalise(subject) + "|" + _normalise(body)[:400]
    if len(normal) < MIN_TEMPLATE_CHARS:
        return ""
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DIGITS.sub("0", _EMAIL.sub(" ", _URL.sub(" ", text)))
    return _NOISE.sub("", text)


def grouping_keys(report: ReportSignals, *, official_domains: Sequence[str] = ()) -> set[str]:
    """The keys that can tie this report to others."""
    ignored = MAILBOX_PROVIDERS | {d.lower() for d in official_domains}
    keys: set[str] = set()
    sender = registrable_of(report.sender_domain) if report.sender_domain else ""
    if sender and sender not in ignored:
        keys.add(f"sender:{sender}")
    for url in report.urls:
        host = host_of(url) or ""
        site = registrable_of(host) if host else ""
        if not site or site in ignored or _is_private_ip(host):
            continue
        keys.add(f"url:{url.strip()}" if site in URL_SHORTENERS or site in SHARED_HOSTS or host in URL_SHORTENERS else f"link:{site}")
    if report.fingerprint:
        keys.add(f"template:{report.fingerprint}")
    return keys


def _is_private_ip(host: str) -> bool:
    """10.x, 192.168.x, link-local...: no one can take those down, and they join unrelated reports."""
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        return False


def group_campaigns(
    reports: Iterable[ReportSignals], *, official_domains: Sequence[str] = (), min_reports: int = 1,
) -> list[Campaign]:
    """Connected groups of phishing/suspicious reports, largest first."""
    chosen = [r for r in reports if r.verdict in CAMPAIGN_VERDICTS]
    keys = [grouping_keys(r, official_domains=official_domains) for r in chosen]
    parent = list(range(len(chosen)))
    first_holder: dict[str, int] = {}
    for index, report_keys in enumerate(keys):
        for key in report_keys:
            if key in first_holder:
                _union(parent, first_holder[key], index)
            else:
                first_holder[key] = index
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(chosen)):
        members[_find(parent, index)].append(index)
    campaigns = [_campaign([chosen[i] for i in group], [keys[i] for i in group], official_domains)
                 for group in members.values() if len(group) >= min_reports]
    return sorted(campaigns, key=lambda c: (-len(c.report_ids), c.report_ids[0]))


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _union(parent: list[int], a: int, b: int) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _campaign(reports: list[ReportSignals], keys: list[set[str]], official_domains: Sequence[str]) -> Campaign:
    counts: dict[str, int] = defaultdict(int)
    for report_keys in keys:
        for key in report_keys:
            counts[key] += 1
    shared = sorted(k for k, n in counts.items() if n > 1)
    ignored = MAILBOX_PROVIDERS | {d.lower() for d in official_domains}
    domains = dict.fromkeys(d for r in reports for d in r.domains if registrable_of(d) not in ignored)
    urls = dict.fromkeys(u for r in reports for u in r.urls)
    times = sorted(r.reported_at for r in reports if r.reported_at is not None)
    ids = tuple(sorted(r.report_id for r in reports))
    return Campaign(
        name=f"C{ids[0]}", report_ids=ids, tickets=tuple(dict.fromkeys(r.ticket for r in reports if r.ticket)),
        shared=tuple(shared), domains=tuple(domains), urls=tuple(urls),
        first_seen=times[0] if times else None, last_seen=times[-1] if times else None,
    )


CSV_FIELDS = ("campaign", "type", "value", "reports", "tickets", "shared_by", "first_seen", "last_seen")


def campaigns_csv(campaigns: Sequence[Campaign]) -> str:
    """One row per domain and per URL to take down, each with its campaign's size and reach."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for campaign in campaigns:
        common = [len(campaign.report_ids), " ".join(campaign.tickets), " ".join(campaign.shared),
                  _iso(campaign.first_seen), _iso(campaign.last_seen)]
        for domain in campaign.domains:
            writer.writerow([campaign.name, "domain", _defuse(domain), *common])
        for url in campaign.urls:
            writer.writerow([campaign.name, "url", _defuse(url), *common])
    return out.getvalue()


def _iso(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def _defuse(value: str) -> str:
    """A spreadsheet must never run a phisher's URL as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def signals_from_event_data(report_id: int, ticket: str, data: dict, *, subject: str = "", text: str = "",
                            reported_at: datetime | None = None) -> ReportSignals:
    """Signals from a stored ``phishing_analysis`` event and the report's own subject and text.

    The event's first domain is the reported sender's (the guard lists sender first). The
    template comes from the event's ``fingerprint`` when the pipeline stored one, else from an
    inline forward in the report's text; never from the reporter's own words.
    """
    domains = tuple(str(d) for d in data.get("domains", ()))
    sender = str(data.get("sender_domain", "")) or (domains[0] if domains else "")
    fingerprint = str(data.get("fingerprint", ""))
    if not fingerprint:
        forward = find_inline_forward(text) if text else None
        fingerprint = template_fingerprint(forward.subject or subject, forward.body) if forward else ""
    return ReportSignals(
        report_id=report_id, ticket=ticket, verdict=str(data.get("verdict", "")), sender_domain=sender,
        urls=tuple(str(u) for u in data.get("urls", ())), domains=domains, fingerprint=fingerprint,
        reported_at=reported_at,
    )


def load_report_signals(since: datetime | None = None) -> list[ReportSignals]:
    """Every ``phishing_analysis`` event (optionally since a moment) as ``ReportSignals``."""
    events = TicketEvent.objects.filter(kind=EventKind.PHISHING_ANALYSIS).order_by("id")
    if since is not None:
        events = events.filter(created_at__gte=since)
    return report_signals(events)


def report_signals(events: Iterable[TicketEvent]) -> list[ReportSignals]:
    """``ReportSignals`` for the given ``phishing_analysis`` events (one query for their reports)."""
    rows = [e for e in events if e.kind == EventKind.PHISHING_ANALYSIS]
    numbers = _ticket_numbers({e.ticket_id for e in rows})
    message_ids = {e.data.get("message") for e in rows if isinstance(e.data.get("message"), int)}
    messages = {m.pk: m for m in Message.objects.filter(pk__in=message_ids).only("id", "subject", "text")}
    signals = []
    for event in rows:
        message = messages.get(event.data.get("message"))
        signals.append(signals_from_event_data(
            event.pk, numbers.get(event.ticket_id, ""), event.data, subject=message.subject if message else "",
            text=message.text if message else "", reported_at=event.created_at,
        ))
    return signals


def _ticket_numbers(ticket_ids: set[int]) -> dict[int, str]:
    return {pk: number or "" for pk, number in Ticket.objects.filter(pk__in=ticket_ids).values_list("id", "number")}
