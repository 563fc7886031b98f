"""parse_message: ordinary mail, Chinese mail, and hostile input that must never raise or stall."""

import base64
import time
from datetime import UTC, datetime

import pytest

from bridgedesk.mail.parse import parse_message

CRLF = b"\r\n"


def timed_parse(raw: bytes, **kwargs):
    """Parse and assert the 1 s budget in CPU time, so a busy shared machine can't fail it."""
    started = time.process_time()
    parsed = parse_message(raw, **kwargs)
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"took {elapsed:.2f}s"
    return parsed


def test_plain_chinese_message_fields():
    raw = (
        "From: =?utf-8?b?5byg5LiJ?= <Zhang.San@Example.COM>\r\n"
        "To: support@kestrel.exchange, 客服 <help@kestrel.exchange>\r\n"
        "Cc: a@b.cn\r\nReply-To: zs@example.com\r\nReturn-Path: <bounce@example.com>\r\n"
        "Subject: =?gb2312?b?s+TWtc60tb3Vyw==?=\r\n"
        "Date: Mon, 23 Nov 2026 21:00:00 +0800\r\n"
        "Message-ID: <abc123@example.com>\r\n"
        "In-Reply-To: <ack.1@kestrel.exchange>\r\n"
        "References: <root@kestrel.exchange>\r\n <ack.1@kestrel.exchange>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        "我的USDT充值还没到账。\r\n"
    ).encode()
    parsed = timed_parse(raw)
    assert parsed.subject == "充值未到账"
    assert parsed.from_addr == "zhang.san@example.com" and parsed.from_name == "张三"
    assert parsed.to == ("support@kestrel.exchange", "help@kestrel.exchange")
    assert parsed.cc == ("a@b.cn",) and parsed.reply_to == ("zs@example.com",)
    assert parsed.return_path == "bounce@example.com"
    assert parsed.date == datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    assert parsed.message_id == "abc123@example.com"
    assert parsed.in_reply_to == ("ack.1@kestrel.exchange",)
    assert parsed.references == ("root@kestrel.exchange", "ack.1@kestrel.exchange")
    assert parsed.text.strip() == "我的USDT充值还没到账。"
    assert parsed.visible_text == "我的USDT充值还没到账。"
    assert parsed.html is None and not parsed.unparseable and parsed.delivery_report is None
    assert ("subject", "充值未到账") in parsed.headers
    assert parsed.defects == ()


def test_utf8_declared_but_gb2312_bytes():
    body = "请帮我查一下提现记录".encode("gb2312")
    raw = b"From: a@b.com\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
    parsed = timed_parse(raw)
    assert parsed.text.strip() == "请帮我查一下提现记录"
    assert any("does not match" in d for d in parsed.defects)


def test_unknown_charset_falls_back():
    raw = b"From: a@b.com\r\nSubject: x\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\ncaf\xc3\xa9 ok"
    parsed = timed_parse(raw)
    assert parsed.text.strip() == "café ok"
    assert any("unknown charset" in d for d in parsed.defects)


def test_raw_8bit_headers_are_decoded():
    raw = "From: 李四 <li@example.com>\r\nSubject: 提现失败 50111\r\n\r\nbody".encode()
    parsed = timed_parse(raw)
    assert parsed.subject == "提现失败 50111"
    assert parsed.from_name == "李四"
    raw_gb = "From: li@example.com\r\nSubject: 提现失败\r\n\r\nbody".encode("gb2312")
    assert timed_parse(raw_gb).subject == "提现失败"


def test_html_only_message_is_sanitised_and_converted():
    html = (
        '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>'
        '<p onclick="steal()">Hello&nbsp;<b>agent</b></p><img src="http://tracker.example/p.gif">'
        '<img src="cid:logo@x"><a href="https://kestrel.exchange/">site</a></body></html>'
    )
    raw = b"From: a@b.com\r\nSubject: h\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()
    parsed = timed_parse(raw)
    assert "script" not in parsed.html and "onclick" not in parsed.html and "color:red" not in parsed.html
    assert "tracker.example" not in parsed.html
    assert 'src="cid:logo@x"' in parsed.html
    assert parsed.text.startswith("Hello agent")
    assert "alert" not in parsed.text


def _multipart(parts: list[bytes], subtype: str = "mixed", boundary: str = "BOUND") -> bytes:
    out = [f"Content-Type: multipart/{subtype}; boundary={boundary}".encode(), b""]
    for part in parts:
        out += [f"--{boundary}".encode(), part]
    out.append(f"--{boundary}--".encode())
    return CRLF.join(out)


def test_alternative_prefers_plain_and_attachments_are_classified():
    plain = b"Content-Type: text/plain; charset=utf-8\r\n\r\nplain words"
    html = b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>html words</p>"
    exe = base64.b64encode(b"MZ\x90\x00" + b"\x00" * 100)
    attach = (b"Content-Type: application/pdf; name=\"../../etc/invoice.pdf\"\r\n"
              b"Content-Disposition: attachment; filename=\"../../etc/invoice.pdf\"\r\n"
              b"Content-Transfer-Encoding: base64\r\n\r\n" + exe)
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    inline = (b"Content-Type: image/png\r\nContent-ID: <img1@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n" + png)
    body = _multipart([_multipart([plain, html], "alternative", "ALT"), attach, inline])
    parsed = timed_parse(b"From: a@b.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n" + body)
    assert parsed.text == "plain words"
    assert "html words" in parsed.html
    pdf, image = parsed.attachments
    assert pdf.filename == "invoice.pdf" and pdf.declared_type == "application/pdf"
    assert pdf.sniffed_type == "application/x-msdownload" and pdf.quarantine_reason == "executable"
    assert image.sniffed_type == "image/png" and image.is_inline and image.content_id == "img1@x"
    assert image.quarantine_reason is None and image.size == 28


def test_oversized_attachment_is_dropped_with_defect():
    data = base64.encodebytes(b"A" * 300_000)
    attach = (b"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\n"
              b"Content-Transfer-Encoding: base64\r\n\r\n" + data)
    raw = b"From: a@b.com\r\nSubject: s\r\n" + _multipart([b"Content-Type: text/plain\r\n\r\nhi", attach])
    parsed = timed_parse(raw, max_attachment_bytes=100_000)
    (big,) = parsed.attachments
    assert big.quarantine_reason == "too-large" and big.size == 0
    assert any("larger than" in d for d in parsed.defects)


def test_thirty_megabyte_message_is_fast():
    payload = bytes(range(256)) * (22 * 1024 * 1024 // 256)
    data = base64.encodebytes(payload).replace(b"\n", b"\r\n")
    attach = (b"Content-Type: application/zip\r\nContent-Disposition: attachment; filename=logs.bin\r\n"
              b"Content-Transfer-Encoding: base64\r\n\r\n" + data)
    raw = b"From: a@b.com\r\nSubject: big\r\n" + _multipart([b"Content-Type: text/plain\r\n\r\nsee attached", attach])
    assert len(raw) > 29_000_000
    parsed = timed_parse(raw, max_attachment_bytes=40 * 1024 * 1024)
    assert parsed.text == "see attached"
    assert parsed.attachments[0].data == payload
    assert timed_parse(raw).attachments[0].quarantine_reason == "too-large"


def test_thirty_megabyte_text_body_is_truncated_not_lost():
    raw = b"From: a@b.com\r\nSubject: big text\r\n\r\n" + (b"deposit missing " * 64 + b"\r\n") * 30_000
    parsed = timed_parse(raw)
    assert parsed.text.startswith("deposit missing")
    assert any("truncated" in d for d in parsed.defects)


def test_rfc822_nested_fifty_deep():
    raw = b"From: inner@x.com\r\nSubject: level 0\r\n\r\nphish body"
    for level in range(1, 51):
        raw = (f"From: l{level}@x.com\r\nSubject: level {level}\r\nContent-Type: message/rfc822\r\n\r\n").encode() + raw
    parsed = timed_parse(b"From: user@x.com\r\nSubject: fwd\r\n" + _multipart(
        [b"Content-Type: text/plain\r\n\r\nplease check this phish", b"Content-Type: message/rfc822\r\n\r\n" + raw]))
    assert parsed.visible_text == "please check this phish"
    assert len(parsed.nested_messages) == 1 and b"level 50" in parsed.nested_messages[0]
    assert any("nested deeper" in d for d in parsed.defects)
    assert "Subject: level 50" in parsed.quoted_text and parsed.incomplete   # shown ten deep, the rest flagged


def test_deeply_nested_multiparts_are_bounded():
    inner = b"Content-Type: text/plain\r\n\r\ndeep text"
    for level in range(2000):
        inner = _multipart([inner], boundary=f"B{level}")
    parsed = timed_parse(b"From: a@b.com\r\nSubject: deep\r\n" + inner)
    assert parsed.defects  # either too deep or a parser failure, recorded
    assert parsed.from_addr == "a@b.com"


def test_many_parts_are_bounded():
    parts = [f"Content-Type: text/plain\r\n\r\npart {i}".encode() for i in range(1000)]
    parsed = timed_parse(b"From: a@b.com\r\nSubject: many\r\n" + _multipart(parts), max_parts=50)
    assert any("more than 50" in d for d in parsed.defects)
    assert "part 0" in parsed.text and "part 999" not in parsed.text


def test_html_with_five_thousand_links_and_whitespace():
    links = "".join(f'<a href="https://x{i}.example/">link {i}</a> ' for i in range(5000))
    spaces = " \n\t" * 1_000_000
    html = f"<html><body><p>start</p>{links}{spaces}<p>end</p></body></html>".encode()
    parsed = timed_parse(b"From: a@b.com\r\nSubject: h\r\nContent-Type: text/html\r\n\r\n" + html)
    assert parsed.text.startswith("start") and parsed.text.endswith("end")
    assert "link 4999" in parsed.text and len(parsed.text) < 200_000


def test_pathologically_nested_html_is_fast():
    html = b"<div>" * 100_000 + b"x"
    parsed = timed_parse(b"From: a@b.com\r\nSubject: h\r\nContent-Type: text/html\r\n\r\n" + html)
    assert parsed.text == "x"


@pytest.mark.parametrize("raw", [b"", b"   \r\n", b"\x00", bytes(range(256)) * 40, b"\xff\xfe\x00garbage" * 100])
def test_garbage_is_unparseable_not_an_exception(raw):
    parsed = timed_parse(raw)
    assert parsed.unparseable
    assert parsed.defects


def test_nul_byte_and_missing_headers():
    raw = b"Subject: hi\x00there\r\n\r\nbody with \x00 nul"
    parsed = timed_parse(raw)
    assert "\x00" not in parsed.subject and "\x00" not in parsed.text
    assert parsed.from_addr == "" and parsed.message_id is None
    assert "missing or invalid From header" in parsed.defects
    assert "missing Message-ID header" in parsed.defects
    assert not parsed.unparseable


def test_null_return_path_and_invalid_date():
    parsed = timed_parse(b"From: a@b.com\r\nReturn-Path: <>\r\nDate: not a date\r\n\r\nx")
    assert parsed.return_path == ""
    assert parsed.date is None and "invalid Date header" in parsed.defects
    assert timed_parse(b"From: a@b.com\r\n\r\nx").return_path is None


def test_malformed_mime_boundary_still_yields_text():
    raw = (b"From: a@b.com\r\nSubject: broken\r\nContent-Type: multipart/mixed; boundary=NOPE\r\n\r\n"
           b"--WRONG\r\nContent-Type: text/plain\r\n\r\nstill readable\r\n")
    parsed = timed_parse(raw)
    assert "still readable" in parsed.text
    assert parsed.defects


def test_rfc3464_delivery_status_notification():
    report = (
        b"From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b"Return-Path: <>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n"
        b"--R\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        b"--R\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.com\r\n\r\n"
        b"Final-Recipient: rfc822; gone@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        b"Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
        b"--R\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        b"From: support@kestrel.exchange\r\nMessage-ID: <ack.9@kestrel.exchange>\r\n\r\n"
        b"--R--\r\n"
    )
    dsn = timed_parse(report).delivery_report
    assert dsn is not None
    assert dsn.recipient == "gone@example.com" and dsn.action == "failed" and dsn.status == "5.1.1"
    assert dsn.original_message_id == "ack.9@kestrel.exchange"
    assert "user unknown" in dsn.diagnostic
    assert dsn.standard, "an RFC 3464 report is surely a bounce"


def test_informal_chinese_bounce():
    raw = (
        "From: postmaster@mail.example.cn\r\nSubject: 系统退信\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "您发送的邮件未能送达 <lost@example.cn>\r\n550 5.7.1 Mailbox not found\r\n"
        "Message-ID: <ack.7@kestrel.exchange>\r\n"
    ).encode()
    dsn = timed_parse(raw).delivery_report
    assert dsn is not None and dsn.recipient == "lost@example.cn"
    assert dsn.status == "5.7.1" and dsn.original_message_id == "ack.7@kestrel.exchange"
    assert not dsn.standard, "read from a guess (sender, subject): a bounce only if it names our mail"


def test_quoted_reply_is_split_inside_parse():
    raw = ("From: a@b.com\r\nSubject: Re: [KX-1] x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "还是没到账。\r\n\r\n发自我的iPhone\r\n\r\n"
           "------------------ 原始邮件 ------------------\r\n发件人: Kestrel <support@kestrel.exchange>\r\n"
           "发送时间: 2026年11月23日 21:00\r\n\r\n我们已收到您的工单\r\n").encode()
    parsed = timed_parse(raw)
    assert parsed.visible_text == "还是没到账。"
    assert parsed.signature == "发自我的iPhone"
    assert parsed.quoted_text.startswith("------------------ 原始邮件")


def test_text_below_the_depth_limit_marks_the_mail_incomplete():
    # Text under more than ten multipart levels is not read; the mail says so, so the desk can
    # tell the agent that part of it is missing instead of showing less without a word.
    def nested(levels: int) -> bytes:
        inner = b"Content-Type: text/plain\r\n\r\nthe words at the bottom"
        for level in range(levels):
            inner = _multipart([inner], boundary=f"L{level}")
        return b"From: a@b.com\r\nSubject: deep\r\n" + inner

    deep, shallow = timed_parse(nested(12)), timed_parse(nested(3))
    assert "the words at the bottom" not in deep.text and deep.incomplete
    assert "the words at the bottom" in shallow.text and not shallow.incomplete


def test_parts_past_the_limit_mark_the_mail_incomplete():
    parts = [f"Content-Type: text/plain\r\n\r\npart {i}".encode() for i in range(600)]
    parsed = timed_parse(b"From: a@b.com\r\nSubject: many\r\n" + _multipart(parts))
    assert "part 0" in parsed.text and "part 599" not in parsed.text
    assert parsed.incomplete


def test_an_attached_message_is_shown_after_the_senders_own_words():
    # A forwarded-as-attachment mail was kept only for the phishing analysis: the agent saw the
    # customer's "is this you?" and nothing of what they asked about. Its own headers and body
    # now follow, as history, so triage still reads the customer's words alone.
    phish = (b"From: Kestrel Security <security@kestreI-exchange.help>\r\nTo: li@example.cn\r\n"
             b"Subject: =?utf-8?b?6LSm5oi35byC5bi4?= verify now\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
             b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Log in at <a href='https://kestrei-exchange.help/v'>our site</a></p>")
    parsed = timed_parse(b"From: li@example.cn\r\nSubject: Is this you?\r\n" + _multipart(
        [b"Content-Type: text/plain; charset=utf-8\r\n\r\nIs this mail really from you?", b"Content-Type: message/rfc822\r\n\r\n" + phish]))
    assert parsed.visible_text == "Is this mail really from you?"
    assert "From: Kestrel Security <security@kestreI-exchange.help>" in parsed.quoted_text
    assert "Subject: 账户异常 verify now" in parsed.quoted_text and "Log in at our site" in parsed.quoted_text
    assert len(parsed.nested_messages) == 1 and not parsed.incomplete
