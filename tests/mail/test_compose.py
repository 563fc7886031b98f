"""build_message: RFC 5322 output that round-trips through parse_message, Chinese included."""

from bridgedesk.mail.compose import OutgoingMail, bound_references, build_message
from bridgedesk.mail.parse import parse_message
from bridgedesk.mail.threading import make_message_id


def outgoing(**changes) -> OutgoingMail:
    values = dict(
        from_addr="support@kestrel.exchange", from_name="Kestrel 客服", to="张三 <zs@example.com>",
        subject="Re: [KX-104233] 充值未到账 deposit missing", text="您好，\n我们已收到您的工单 KX-104233。\n",
        html=None, message_id=make_message_id("kestrel.exchange", kind="ack"), in_reply_to="abc@example.com",
        references=("root@example.com", "abc@example.com"), auto_submitted=False,
    )
    values.update(changes)
    return OutgoingMail(**values)


def test_round_trip_chinese_plain():
    mail = outgoing()
    raw = build_message(mail)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.isascii()  # encoded for any relay: RFC 2047 headers, base64 body
    parsed = parse_message(raw)
    assert parsed.subject == mail.subject
    assert parsed.text.strip() == mail.text.strip()
    assert parsed.message_id == mail.message_id
    assert parsed.in_reply_to == ("abc@example.com",)
    assert parsed.references == ("root@example.com", "abc@example.com")
    assert parsed.from_addr == "support@kestrel.exchange" and parsed.from_name == "Kestrel 客服"
    assert parsed.to == ("zs@example.com",)
    assert parsed.date is not None and parsed.html is None
    assert "auto-submitted" not in dict(parsed.headers)


def test_auto_reply_headers_and_html_alternative():
    raw = build_message(outgoing(auto_submitted=True, html="<p>您好</p>"))
    parsed = parse_message(raw)
    headers = dict(parsed.headers)
    assert headers["auto-submitted"] == "auto-replied"
    assert headers["x-auto-response-suppress"] == "All"
    assert headers["content-type"].startswith("multipart/alternative")
    assert "您好" in parsed.html and parsed.text.startswith("您好")


def test_references_are_bounded_keeping_root_and_latest():
    refs = tuple(f"r{i}@x" for i in range(40))
    assert bound_references(refs) == ("r0@x",) + refs[-10:]
    parsed = parse_message(build_message(outgoing(references=refs)))
    assert parsed.references[0] == "r0@x" and parsed.references[-1] == "r39@x"
    assert len(parsed.references) == 11


def test_header_injection_is_neutralised():
    raw = build_message(outgoing(subject="hi\r\nBcc: evil@example.com", extra_headers=(("X-Ticket", "KX-1\r\nBcc: x@y"), ("To", "evil@x"))))
    parsed = parse_message(raw)
    names = [name for name, _ in parsed.headers]
    assert "bcc" not in names and names.count("to") == 1
    assert dict(parsed.headers)["x-ticket"] == "KX-1 Bcc: x@y"
