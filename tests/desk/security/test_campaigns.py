"""Phishing reports grouped into campaigns by sending domain, link domain or template,
on the real Nazario phishing corpus and on bilingual reports through the whole desk."""

from __future__ import annotations

import csv
import io
import mailbox
from collections import Counter
from datetime import UTC, datetime

import pytest

from bridgedesk.desk.security.campaigns import (
    ReportSignals,
    campaigns_csv,
    group_campaigns,
    grouping_keys,
    load_report_signals,
    template_fingerprint,
)
from bridgedesk.guard.phishing.analysis import analyse_reported
from bridgedesk.guard.phishing.forwards import reported_from_raw

NAZARIO_FIRST = 200
OFFICIAL = ("kestrel.exchange",)


def report(report_id: int, *, sender: str, urls: tuple[str, ...] = (), fingerprint: str = "", verdict: str = "phishing") -> ReportSignals:
    hosts = tuple(u.split("/")[2] for u in urls if u.startswith("http"))
    return ReportSignals(report_id=report_id, ticket=f"KX-{100000 + report_id}", verdict=verdict, sender_domain=sender,
                         urls=urls, domains=(sender, *hosts), fingerprint=fingerprint,
                         reported_at=datetime(2026, 11, 20 + report_id % 5, tzinfo=UTC))


@pytest.fixture(scope="module")
def nazario_reports(shared_data) -> list[ReportSignals]:
    box = mailbox.mbox(shared_data / "mime" / "phishing" / "nazario_phishing0.mbox")
    reports = []
    for index, key in enumerate(box.iterkeys()):
        if index >= NAZARIO_FIRST:
            break
        reported = reported_from_raw(box.get_bytes(key))
        analysis = analyse_reported(reported, official_domains=("paypal.com", "ebay.com"))
        reports.append(ReportSignals(
            report_id=index + 1, ticket=f"KX-{100001 + index}", verdict=analysis.verdict,
            sender_domain=analysis.domains[0] if analysis.domains else "", urls=analysis.urls, domains=analysis.domains,
            fingerprint=template_fingerprint(reported.subject, reported.text),
        ))
    return reports


def test_real_corpus_groups_into_consistent_campaigns(nazario_reports):
    campaigns = group_campaigns(nazario_reports, official_domains=("paypal.com", "ebay.com"))
    counted = [r for r in nazario_reports if r.verdict != "clean"]
    assert sum(len(c.report_ids) for c in campaigns) == len(counted)          # each report in exactly one campaign
    multi = [c for c in campaigns if len(c.report_ids) > 1]
    assert len(multi) >= 5 and len(multi[0].report_ids) >= 3
    owner: dict[str, str] = {}
    by_id = {r.report_id: r for r in counted}
    for campaign in campaigns:
        keys = [grouping_keys(by_id[i], official_domains=("paypal.com", "ebay.com")) for i in campaign.report_ids]
        for key in set().union(*keys):
            assert owner.setdefault(key, campaign.name) == campaign.name        # a key never spans two campaigns
        if len(campaign.report_ids) > 1:
            shared = set(campaign.shared)
            assert shared and all(k & shared for k in keys)                   # every member shares something
    assert not any(key.endswith(("paypal.com", "ebay.com")) for c in campaigns for key in c.shared)


def test_shared_link_domain_and_template_join_but_providers_and_shorteners_do_not():
    zh_a = template_fingerprint("转发：【Kestrel】账户安全警告", "尊敬的张先生：\n您的账户存在异常登录，请在24小时内点击 https://a.io/1 验证钱包，否则将冻结账户。")
    zh_b = template_fingerprint("【Kestrel】账户安全警告", "尊敬的李女士：\n您的账户存在异常登录，请在48小时内点击 https://b.io/2 验证钱包，否则将冻结账户。")
    assert zh_a and zh_a == zh_b
    reports = [
        report(1, sender="kestrel-support.help", urls=("https://login.evil-kx.io/a",)),
        report(2, sender="other-sender.xyz", urls=("https://verify.evil-kx.io/b",)),       # same link domain as 1
        report(3, sender="gmail.com", fingerprint=zh_a),
        report(4, sender="qq.com", fingerprint=zh_b),                                       # same template as 3
        report(5, sender="gmail.com", urls=("https://bit.ly/aaa",)),
        report(6, sender="gmail.com", urls=("https://bit.ly/bbb",)),                        # shortener: not joined
        report(7, sender="kestrel-support.help", verdict="clean"),                          # clean: not a campaign member
        report(8, sender="mail.kestrel.exchange", urls=("https://kestrel.exchange/login",)),
        report(9, sender="kestrel.exchange"),                                               # official: never a key
    ]
    campaigns = group_campaigns(reports, official_domains=OFFICIAL)
    groups = sorted(c.report_ids for c in campaigns)
    assert groups == [(1, 2), (3, 4), (5,), (6,), (8,), (9,)]
    link = next(c for c in campaigns if c.report_ids == (1, 2))
    assert link.shared == ("link:evil-kx.io",) and link.tickets == ("KX-100001", "KX-100002")
    assert set(link.domains) == {"kestrel-support.help", "other-sender.xyz", "login.evil-kx.io", "verify.evil-kx.io"}
    template = next(c for c in campaigns if c.report_ids == (3, 4))
    assert template.shared[0].startswith("template:") and template.domains == ()   # providers are not takedown targets
    assert group_campaigns(reports, official_domains=OFFICIAL, min_reports=2)[0].report_ids == (1, 2)


def test_short_or_reporter_only_text_gives_no_template():
    assert template_fingerprint("Fwd: hi", "Dear you,\nclick") == ""
    assert template_fingerprint("Re: Fwd: Account alert", "Hi,\nYour account 123 is locked") == \
        template_fingerprint("Account alert", "Hello Bob,\nYour account 987 is locked")


def test_csv_lists_every_domain_and_url_and_defuses_formulas():
    reports = [report(1, sender="evil-kx.io", urls=("https://evil-kx.io/login", "=HYPERLINK(\"http://x.io\")")),
               report(2, sender="evil-kx.io")]
    text = campaigns_csv(group_campaigns(reports))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["type"] for r in rows] == ["domain", "url", "url"]
    assert {r["campaign"] for r in rows} == {"C1"} and rows[0]["reports"] == "2" and rows[0]["tickets"] == "KX-100001 KX-100002"
    assert rows[0]["shared_by"] == "sender:evil-kx.io" and rows[0]["first_seen"].startswith("2026-11-2")
    assert rows[2]["value"].startswith("'=")


@pytest.mark.django_db(transaction=True)
def test_reports_through_the_desk_become_a_campaign_exported_by_cli_and_admin(desk_config, capsys, admin_client):
    from bridgedesk.cli import main
    from tests.desk.helpers import build_mail, drain, receive

    def forwarded(reporter: str, victim_name: str, link: str, sender: str) -> bytes:
        body = (f"这是钓鱼邮件吗？Is this phishing?\n\n---------- Forwarded message ---------\nFrom: Kestrel 安全中心 <{sender}>\n"
                f"Date: Mon, 23 Nov 2026 10:00:00 +0000\nSubject: 账户安全警告\nTo: <{reporter}>\n\n"
                f"尊敬的{victim_name}：\n您的账户存在异常登录，请立即点击 {link} 输入助记词验证钱包，否则将永久冻结账户。\n")
        return build_mail(sender=reporter, to="security@kestrel.exchange", subject="Fwd: 账户安全警告", body=body)

    receive(forwarded("li@example.cn", "李女士", "https://kestreI-exchange.help/verify?u=1", "alert@kestreI-exchange.help"),
            forwarded("wang@example.cn", "王先生", "https://kx-wallet-check.top/v?u=2", "notice@kx-secure.top"),
            forwarded("bob@example.com", "Bob", "https://kestreI-exchange.help/verify?u=3", "alert@kestreI-exchange.help"))
    drain()
    signals = load_report_signals()
    assert len(signals) == 3 and Counter(s.verdict for s in signals)["phishing"] == 3
    [campaign] = group_campaigns(signals, official_domains=OFFICIAL)
    assert len(campaign.report_ids) == 3 and any(k.startswith("template:") for k in campaign.shared)
    assert main(["campaigns", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    values = {r["value"] for r in rows}
    assert {"kestrei-exchange.help", "kx-wallet-check.top"} <= values
    assert "https://kx-wallet-check.top/v?u=2" in values and all(r["reports"] == "3" for r in rows)
    from bridgedesk.desk.models import PhishingReport

    listing = admin_client.get("/admin/desk/phishingreport/")
    assert listing.status_code == 200 and listing.content.decode().count("phishing</td>") == 3
    chosen = list(PhishingReport.objects.order_by("id").values_list("id", flat=True)[:2])
    export = admin_client.post("/admin/desk/phishingreport/", {"action": "export_campaigns_csv", "_selected_action": chosen})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    admin_rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8"))))
    assert admin_rows and all(r["reports"] == "2" for r in admin_rows)
