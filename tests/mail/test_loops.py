"""RFC 3834 loop rules: which incoming mail must never get an automatic reply."""

import pytest

from bridgedesk.mail.loops import auto_reply_block_reason, is_auto_reply
from bridgedesk.mail.parse import parse_message

OWN = ("support@kestrel.exchange", "security@kestrel.exchange")
BASE = "From: Zhang <zs@example.com>\r\nTo: support@kestrel.exchange\r\nSubject: 充值\r\nMessage-ID: <a@b>\r\n"


def reason(extra_headers: str = "", base: str = BASE, body: str = "hello") -> str | None:
    raw = (base + extra_headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode()
    return auto_reply_block_reason(parse_message(raw), own_addresses=OWN)


def test_ordinary_customer_mail_may_be_answered():
    assert reason() is None
    assert reason("Auto-Submitted: no\r\n") is None
    assert reason("Precedence: first-class\r\n") is None
    assert reason("X-Auto-Response-Suppress: DR, RN\r\n") is None


@pytest.mark.parametrize(
    "headers, expected",
    [
        ("Auto-Submitted: auto-replied\r\n", "auto-submitted"),
        ("Auto-Submitted: auto-generated; owner-email=x@y\r\n", "auto-submitted"),
        ("Precedence: bulk\r\n", "precedence"),
        ("Precedence: JUNK\r\n", "precedence"),
        ("Precedence: list\r\n", "precedence"),
        ("List-Id: <users.lists.example.com>\r\n", "list"),
        ("List-Unsubscribe: <mailto:u@x>\r\n", "list"),
        ("Return-Path: <>\r\n", "null-sender"),
        ("X-Auto-Response-Suppress: All\r\n", "auto-response-suppressed"),
        ("X-Auto-Response-Suppress: OOF, DR\r\n", "auto-response-suppressed"),
        ("X-Autoreply: yes\r\n", "autoreply-header"),
        ("X-Autorespond: vacation\r\n", "autoreply-header"),
    ],
)
def test_automatic_mail_is_blocked(headers, expected):
    assert reason(headers) == expected


def test_sender_rules():
    assert reason(base="To: support@kestrel.exchange\r\nSubject: x\r\n") == "no-sender"
    assert reason(base="From: Support <SUPPORT@kestrel.exchange>\r\nSubject: x\r\n") == "own-address"
    assert reason(base="From: MAILER-DAEMON@mx.example.com\r\nSubject: hello\r\n") == "null-sender"
    assert reason(base="From: postmaster@example.cn\r\nSubject: 系统退信\r\n") == "null-sender"


def test_multipart_report_is_a_bounce():
    raw = (b"From: notifier@example.com\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n"
           b"--R\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--R--\r\n")
    assert auto_reply_block_reason(parse_message(raw), own_addresses=OWN) == "bounce"


def auto(extra_headers: str = "", subject: str = "Re: [KX-100001] 充值") -> bool:
    raw = (BASE.replace("Subject: 充值", f"Subject: {subject}") + extra_headers + "Content-Type: text/plain; charset=utf-8\r\n\r\nx").encode()
    return is_auto_reply(parse_message(raw))


@pytest.mark.parametrize("headers, subject", [
    ("Auto-Submitted: auto-replied\r\n", "Re: [KX-100001] 充值"),
    ("Auto-Submitted: auto-replied (vacation); owner-email=zs@example.com\r\n", "Re: [KX-100001] 充值"),
    ("X-Autoreply: yes\r\n", "Re: [KX-100001] 充值"),
    ("X-Autorespond: vacation\r\n", "Re: [KX-100001] 充值"),
    ("Precedence: auto_reply\r\n", "Re: [KX-100001] 充值"),
    ("Auto-Submitted: auto-generated\r\nX-Auto-Response-Suppress: All\r\n", "Automatic reply: [KX-100001] 充值"),   # Exchange
    ("X-Auto-Response-Suppress: All\r\n", "自动回复: [KX-100001] 充值"),
    ("X-MS-Exchange-Inbox-Rules-Loop: zs@example.com\r\n", "自动答复：[KX-100001] 充值"),
])
def test_out_of_office_answers_are_auto_replies(headers, subject):
    assert auto(headers, subject)


@pytest.mark.parametrize("headers, subject", [
    ("", "Re: [KX-100001] 充值"),
    ("", "Automatic reply: not working, please help"),           # a person may write that subject
    ("", "自动回复: 你们的自动回复没有工单号"),
    ("X-Auto-Response-Suppress: DR, RN\r\n", "Auto reply: not working"),   # ordinary Outlook mail
    ("Auto-Submitted: auto-generated\r\n", "Your statement is ready"),     # a notification, not an answer
    ("Auto-Submitted: no\r\n", "Automatic reply: hi"),
])
def test_a_person_or_a_notification_is_not_an_auto_reply(headers, subject):
    assert not auto(headers, subject)
