"""Finding the reported message: attached, .eml, and inline forwards from many clients."""

from __future__ import annotations

import time
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from bridgedesk.guard.phishing.analysis import analyse_report
from bridgedesk.guard.phishing.forward_inline import find_inline_forward, split_address
from bridgedesk.guard.phishing.forward_links import extract_html_links, extract_text_urls
from bridgedesk.guard.phishing.forwards import find_reported_message, reported_from_raw
from bridgedesk.mail.parse import parse_message
from tests.guard.shared import SHARED_DATA

FORWARD_FIXTURES = SHARED_DATA / "reply_fixtures" / "crisp_email_forward_parser"

QQ_FORWARD = """帮我看看这封邮件是不是真的？

------------------ 原始邮件 ------------------
发件人: "Kestrel 客服"<support@kestre1-exchange.com>;
发送时间: 2026年11月20日(星期五) 晚上9:03
收件人: "我"<me@qq.com>;
主题: 您的账户将被冻结

尊敬的用户，系统检测到异常登录，请在24小时内验证钱包：https://kestre1-exchange.com/verify，否则账户将被冻结。
"""
NETEASE_FORWARD = """转发给你们安全团队

-------- 转发邮件信息 --------
发件人："Kestrel Exchange" <security@kestrel-verify.com>
发送日期：2026-11-20 21:03:00
收件人：user@163.com
主题：紧急：请输入助记词完成验证

请点击链接输入助记词完成验证。
"""
NETEASE_MOBILE_FORWARD = """---- 转发的邮件 ----
发件人：Kestrel<notice@kestrel.exchange.safe-login.cn>
日期：2026年11月20日 21:03
收件人：me@126.com
主题：提现审核

您的提现已暂停
"""


def test_crisp_fixtures_sender_reconstruction_rate() -> None:
    """Measured: the original From is rebuilt for 185 of 186 fixtures that contain it."""
    paths = sorted(FORWARD_FIXTURES.glob("*_body*.txt"))
    with_sender = [p for p in paths if "john.doe@acme.com" in p.read_text(encoding="utf-8", errors="replace")]
    found = sum(
        1 for p in with_sender
        if (f := find_inline_forward(p.read_text(encoding="utf-8", errors="replace"))) and f.from_addr == "john.doe@acme.com"
    )
    assert len(with_sender) >= 180
    assert found / len(with_sender) >= 0.95


def test_crisp_fixtures_subject_and_body() -> None:
    forward = find_inline_forward((FORWARD_FIXTURES / "gmail_en_body.txt").read_text(encoding="utf-8"))
    assert forward is not None
    assert (forward.from_name, forward.subject) == ("John Doe", "Integer consequat non purus")
    assert forward.body.startswith("Aenean quis diam urna.")
    thunderbird = find_inline_forward((FORWARD_FIXTURES / "thunderbird_ru_body.txt").read_text(encoding="utf-8"))
    assert thunderbird is not None and thunderbird.subject == "Integer consequat non purus"
    outlook = find_inline_forward((FORWARD_FIXTURES / "outlook_2013_en_body.txt").read_text(encoding="utf-8"))
    assert outlook is not None and (outlook.from_addr, outlook.from_name) == ("john.doe@acme.com", "John Doe")


@pytest.mark.parametrize("text, addr, name, subject, body_start", [
    (QQ_FORWARD, "support@kestre1-exchange.com", "Kestrel 客服", "您的账户将被冻结", "尊敬的用户"),
    (NETEASE_FORWARD, "security@kestrel-verify.com", "Kestrel Exchange", "紧急：请输入助记词完成验证", "请点击链接"),
    (NETEASE_MOBILE_FORWARD, "notice@kestrel.exchange.safe-login.cn", "Kestrel", "提现审核", "您的提现已暂停"),
])
def test_chinese_clients(text: str, addr: str, name: str, subject: str, body_start: str) -> None:
    forward = find_inline_forward(text)
    assert forward is not None
    assert (forward.from_addr, forward.from_name, forward.subject) == (addr, name, subject)
    assert forward.body.startswith(body_start)


def test_plain_mail_has_no_forward() -> None:
    assert find_inline_forward("Hi, my deposit from: Binance has not arrived.\nThanks") is None
    assert find_inline_forward("您好，我的充值没有到账，订单号 612389471205893。") is None


def test_inline_qq_forward_is_analysed_as_phishing() -> None:
    report = EmailMessage()
    report["From"] = "user@qq.com"
    report["To"] = "security@kestrel.exchange"
    report["Subject"] = "转发: 您的账户将被冻结"
    report.set_content(QQ_FORWARD)
    analysis = analyse_report(parse_message(report.as_bytes()), official_domains=["kestrel.exchange"])
    assert analysis is not None and analysis.verdict == "phishing"
    assert {"lookalike_domain", "credential_request", "urgency_threat", "lookalike_link"} <= set(analysis.indicators)
    assert "https://kestre1-exchange.com/verify" in analysis.urls


def test_attached_eml_file() -> None:
    phish = EmailMessage()
    phish["From"] = "Kestrel <support@kestrel-support.help>"
    phish["Reply-To"] = "claims@other.example"
    phish["Subject"] = "Verify your wallet"
    phish.set_content("Please verify your wallet.")
    report = EmailMessage()
    report["From"] = "user@example.com"
    report.set_content("attached")
    report.add_attachment(phish.as_bytes(), maintype="application", subtype="octet-stream", filename="suspicious.eml")
    reported = find_reported_message(parse_message(report.as_bytes()))
    assert reported is not None and reported.source == "attached_eml"
    assert (reported.from_addr, reported.reply_to) == ("support@kestrel-support.help", ("claims@other.example",))


def test_attached_rfc822_keeps_headers_and_raw_links() -> None:
    phish = EmailMessage()
    phish["From"] = "PayPal <service@paypal.com>"
    phish["Return-Path"] = "<bounce@spammer.example>"
    phish["Subject"] = "Limited"
    phish.set_content("text")
    phish.add_alternative('<a href="http://203.0.113.7/login" onclick="x()">https://www.paypal.com/</a>'
                          '<form action="http://evil.example/post"><input name=pw></form>', subtype="html")
    report = EmailMessage()
    report["From"] = "user@example.com"
    report.set_content("see attached")
    report.add_attachment(message_from_bytes(phish.as_bytes(), policy=policy.default))
    reported = find_reported_message(parse_message(report.as_bytes()))
    assert reported is not None and reported.source == "attached_rfc822"
    assert reported.return_path == "bounce@spammer.example"
    assert ("https://www.paypal.com/", "http://203.0.113.7/login") in reported.links
    assert ("[form]", "http://evil.example/post") in reported.links


def test_link_extraction() -> None:
    html = '<a href="https://a.example/x">Click <b>here</b></a><a href="#top">top</a><a>no href</a><area href="http://b.example" alt="map">'
    assert extract_html_links(html) == [("Click here", "https://a.example/x"), ("top", "#top"), ("map", "http://b.example")]
    assert extract_text_urls("见 https://kestre1.exchange/v，谢谢。Or www.example.com/a.") == [
        ("https://kestre1.exchange/v", "https://kestre1.exchange/v"), ("www.example.com/a", "www.example.com/a")]
    started = time.process_time()
    assert extract_html_links("<a href='x'" * 20000) == []   # the stdlib parser alone takes minutes here
    assert time.process_time() - started < 1.0


def test_split_address_forms() -> None:
    assert split_address('"张三"<zhangsan@qq.com>;') == ("张三", "zhangsan@qq.com")
    assert split_address("John Doe [mailto:John.Doe@acme.com]") == ("John Doe", "john.doe@acme.com")
    assert split_address("john@acme.com") == ("", "john@acme.com")
    assert split_address("Kestrel Support") == ("Kestrel Support", "")


def test_reported_from_raw_on_real_corpus_message() -> None:
    raw = (SHARED_DATA / "mime" / "spamassassin" / "easy-ham-1").iterdir().__next__().read_bytes()
    reported = reported_from_raw(raw)
    assert reported.source == "attached_rfc822" and "@" in reported.from_addr
