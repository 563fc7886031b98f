"""Who sent a mail is read from the address header's structure, never from decoded text.

RFC 2047 encoded-words may stand only in a display name (a phrase or a comment), never in an
address. A parser that decodes the header first lets base64 or quoted-printable write the
``<``, ``>``, ``,`` or ``"`` that decide which part is the address: that is how an outside
probe got its mail recorded as sent by dave@d.example, and once as the desk's own address.
Each test below failed on the decode-first parser unless its comment says it guards
behaviour that already worked.
"""

from __future__ import annotations

import base64
from email.header import Header
from email.utils import formataddr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bridgedesk.mail.loops import auto_reply_block_reason
from bridgedesk.mail.parse import ParsedMail, parse_message

ATTACKER = "attacker@evil.example"
DAVE = "dave@d.example"
OWN = ("support@kestrel.exchange", "ceo@kestrel.exchange")


def b_word(text: str, charset: str = "utf-8") -> str:
    """One RFC 2047 "B" encoded-word, written by hand so nothing re-encodes it for us."""
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def mail_from(from_value: str | bytes, extra: bytes = b"") -> ParsedMail:
    """Parse a small message whose From header is exactly ``from_value`` on the wire."""
    value = from_value.encode() if isinstance(from_value, str) else from_value
    raw = (b"From: " + value + b"\r\nTo: support@kestrel.exchange\r\n" + extra +
           b"Subject: hello\r\nMessage-ID: <m1@evil.example>\r\nDate: Mon, 23 Nov 2026 21:00:00 +0800\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\nPlease look at my ticket.\r\n")
    return parse_message(raw)


# The probe's header: the address comes from the angle brackets, the encoded name is only a name.
@pytest.mark.parametrize("from_value", [
    f"{b_word('Dave <dave@d.example>')} <{ATTACKER}>",
    f"=?UTF-8?Q?Dave_=3Cdave=40d=2Eexample=3E?= <{ATTACKER}>",
    f"=?utf-8?q?Dave_=3Cdave=40d=2Eexample=3E?=<{ATTACKER}>",          # no space before the angle bracket
], ids=["base64", "quoted-printable", "no-space"])
def test_encoded_display_name_cannot_supply_the_address(from_value):
    parsed = mail_from(from_value)
    assert parsed.from_addr == ATTACKER
    assert parsed.from_name == "Dave <dave@d.example>", "the agent sees the name exactly as the sender wrote it"


# An encoded comma must not split one mailbox into two and hand the first one to Dave.
def test_encoded_comma_and_second_address_stay_inside_the_name():
    parsed = mail_from(f"{b_word('Dave <dave@d.example>, ceo@kestrel.exchange')} <{ATTACKER}>")
    assert parsed.from_addr == ATTACKER
    assert parsed.from_name == "Dave <dave@d.example>, ceo@kestrel.exchange"


# Written raw inside a would-be encoded-word, ``<dave@d.example>,`` is real structure: the From
# then names two addresses, and a From with two authors gives no sender at all, never Dave.
def test_raw_brackets_inside_an_encoded_word_give_no_sender_rather_than_dave():
    parsed = mail_from(f"=?UTF-8?Q?Dave_<dave@d.example>,?= <{ATTACKER}>")
    assert parsed.from_addr == "" and parsed.from_name == ""
    assert any("2 different addresses" in d for d in parsed.defects)


# Adjacent encoded-words join into one name; an encoded-word inside one is decoded once only,
# and what that one decoding yields is text, even when it looks like an address.
@pytest.mark.parametrize("from_value, name", [
    (f"=?utf-8?q?Da?= {b_word('ve <dave@d.example>')} <{ATTACKER}>", "Dave <dave@d.example>"),
    (f"=?utf-8?q?Da?=\r\n {b_word('ve <dave@d.example>', 'iso-8859-1')} <{ATTACKER}>", "Dave <dave@d.example>"),
    (f"{b_word('=?utf-8?q?x?= <dave@d.example>')} <{ATTACKER}>", "=?utf-8?q?x?= <dave@d.example>"),
], ids=["adjacent", "adjacent-folded-two-charsets", "nested"])
def test_adjacent_and_nested_encoded_words_only_make_a_name(from_value, name):
    parsed = mail_from(from_value)
    assert parsed.from_addr == ATTACKER
    assert parsed.from_name == name


# Display names holding specials (<, ", comma) come through whole instead of being cut up.
@pytest.mark.parametrize("from_value, name, addr", [
    ("=?utf-8?q?Smith=2C_John?= <john@x.example>", "Smith, John", "john@x.example"),
    ("=?utf-8?q?=22Q=22_Dave?= <q@x.example>", '"Q" Dave', "q@x.example"),
    ('"Dave \\"D\\", CEO" =?utf-8?q?=22=3Cdave=40d=2Eexample=3E?= <attacker@evil.example>',
     'Dave "D", CEO "<dave@d.example>', ATTACKER),
], ids=["encoded-comma", "encoded-quotes", "quoted-string-and-encoded-quote"])
def test_display_names_keep_quotes_brackets_and_commas(from_value, name, addr):
    parsed = mail_from(from_value)
    assert (parsed.from_name, parsed.from_addr) == (name, addr)


# Guards behaviour that already worked: a plain quoted-string name with specials and escapes.
def test_plain_quoted_display_name_with_specials_and_escaped_quotes():
    parsed = mail_from(f'"Dave <dave@d.example>, \\"the boss\\"" <{ATTACKER}>')
    assert (parsed.from_name, parsed.from_addr) == ('Dave <dave@d.example>, "the boss"', ATTACKER)


# Obsolete syntax still yields the real address, whatever an encoded name or comment claims
# (an encoded ")" must not end the comment early).
@pytest.mark.parametrize("from_value, name", [
    (f"=?utf-8?q?=3C=40relay=2Eexample=3Adave=40d=2Eexample=3E?= <@relay.example:{ATTACKER}>",
     "<@relay.example:dave@d.example>"),
    (f"(=?utf-8?q?x=29_=3Cdave=40d=2Eexample=3E_=28?=) {ATTACKER}", "x) <dave@d.example> ("),
    (f"{ATTACKER} (=?utf-8?q?x=29_=3Cdave=40d=2Eexample=3E?=)", "x) <dave@d.example>"),
], ids=["route-address", "comment-before", "comment-after"])
def test_route_addresses_and_comments(from_value, name):
    parsed = mail_from(from_value)
    assert parsed.from_addr == ATTACKER
    assert parsed.from_name == name


# Group syntax: a group's encoded name is a name; its members are the addresses.
def test_group_syntax_in_from_and_to():
    parsed = mail_from(f"=?utf-8?q?Team_=3Cdave=40d=2Eexample=3E?=: {ATTACKER};")
    assert parsed.from_addr == ATTACKER
    raw_to = (b"To: undisclosed-recipients:;\r\n"
              b"Cc: =?utf-8?q?Team_=3Cceo=40kestrel=2Eexchange=3E?=: a@x.example, b@y.example;\r\n")
    parsed = mail_from("zs@example.cn", extra=raw_to)
    assert parsed.cc == ("a@x.example", "b@y.example")
    assert "ceo@kestrel.exchange" not in parsed.to + parsed.cc


# A name claiming the desk's own address neither becomes it nor makes the desk think it wrote the mail.
@pytest.mark.parametrize("claimed", ["Kestrel Support <support@kestrel.exchange>", "ceo@kestrel.exchange", "<ceo@kestrel.exchange>,"])
def test_display_name_claiming_the_desks_own_address(claimed):
    parsed = mail_from(f"{b_word(claimed)} <{ATTACKER}>")
    assert parsed.from_addr == ATTACKER
    assert parsed.from_name == claimed
    assert auto_reply_block_reason(parsed, own_addresses=OWN) is None, "it is a stranger's mail, not our own"


# Reply-To and Cc are read the same way (the phishing checks compare their domains).
def test_reply_to_and_cc_addresses_are_structural():
    spoof = f"{b_word('<dave@d.example>')} <{ATTACKER}>".encode()
    parsed = mail_from("zs@example.cn", extra=b"Reply-To: " + spoof + b"\r\nCc: " + spoof + b"\r\n")
    assert parsed.reply_to == (ATTACKER,)
    assert parsed.cc == (ATTACKER,)


# An encoded-word is never decoded where the address is: it stays as the literal text it is.
@pytest.mark.parametrize("from_value, addr", [
    (f"x <{b_word('dave@d.example')}>", ""),
    ("=?utf-8?q?dave?=@d.example", "=?utf-8?q?dave?=@d.example"),
    (f"Dave <dave@{b_word('d.example')}>", "dave@=?utf-8?b?zc5legftcgxl?="),
], ids=["whole-address", "local-part", "domain"])
def test_encoded_words_inside_the_address_are_not_decoded(from_value, addr):
    assert mail_from(from_value).from_addr == addr


# Two different authors (a list, two From headers, an address written as the name) leave the
# mail without a sender instead of taking the first one; the same address repeated is fine.
@pytest.mark.parametrize("from_value", [
    f"Dave <{DAVE}>, <{ATTACKER}>",
    f"{DAVE} <{ATTACKER}>",
    f"Dave <{DAVE}>\r\nFrom: <{ATTACKER}>",
])
def test_a_from_naming_two_different_addresses_has_no_sender(from_value):
    parsed = mail_from(from_value)
    assert parsed.from_addr == ""
    assert "missing or invalid From header" in parsed.defects


# Guards behaviour that already worked: some mailers write the address as its own name.
def test_the_same_address_as_name_and_address_is_one_sender():
    assert mail_from("john@x.example <John@X.example>").from_addr == "john@x.example"


# Guards behaviour that already worked: real mail's raw 8-bit names and mislabelled charsets.
@pytest.mark.parametrize("from_value, name", [
    ("张三丰 <zs@example.cn>".encode("gb2312"), "张三丰"),
    ("José Ñ <zs@example.cn>".encode(), "José Ñ"),
    (b"=?utf-8?b?" + base64.b64encode("张三丰".encode("gb2312")) + b"?= <zs@example.cn>", "张三丰"),
    (b"=?x-unknown?q?Jos=C3=A9?= <zs@example.cn>", "José"),
], ids=["raw-gb2312", "raw-utf8", "utf8-label-gb-bytes", "unknown-charset"])
def test_raw_8bit_and_mislabelled_names_still_decode(from_value, name):
    parsed = mail_from(from_value)
    assert (parsed.from_name, parsed.from_addr) == (name, "zs@example.cn")


# Raw 8-bit names are parsed before their bytes are guessed at: a GBK character whose second
# byte is a backslash escapes the closing quote on the wire, so "<dave@...>" is still the name.
def test_gbk_trail_byte_backslash_does_not_close_the_quoted_name():
    name = "充值未到账充值未到账充值未到账充值未到账".encode("gb2312")
    parsed = mail_from(b'"' + name + b'\xb0\\" <dave@d.example> x" <attacker@evil.example>')
    assert parsed.from_addr == ATTACKER
    assert "dave@d.example" in parsed.from_name


# Raw 8-bit text next to an encoded-word: each is decoded on its own, inside the name.
def test_raw_8bit_name_with_an_encoded_word_in_it():
    parsed = mail_from("José ".encode() + b_word("<dave@d.example>").encode() + b" <attacker@evil.example>")
    assert (parsed.from_name, parsed.from_addr) == ("José <dave@d.example>", ATTACKER)


# Property: however a display name is encoded by the stdlib's own writers, the parsed address
# is the real one. Names include every character that means something in an address header.
_NAME_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(list('<>,";:@()[]\\.=?_ ')), st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))),
    min_size=1, max_size=60,
)
_LOCAL = st.from_regex(r"[A-Za-z0-9]{1,12}(?:[._+-][A-Za-z0-9]{1,8})?", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z0-9]{1,12}(?:-[a-z0-9]{1,6})?\.(?:example|test|co\.uk)", fullmatch=True)


def _encoded_header(name: str, addr: str, how: str) -> str:
    if how == "formataddr":
        return formataddr((name, addr))
    header = Header(name, how).encode(linesep="\r\n")
    return f"{header} <{addr}>"


def _written(name: str, addr: str, how: str) -> str:
    try:
        return _encoded_header(name, addr, how)
    except UnicodeEncodeError:   # a name this charset can't hold is written in utf-8 instead
        return _encoded_header(name, addr, "utf-8")


_HOW = st.sampled_from(["formataddr", "utf-8", "gb18030", "iso-8859-1"])


@settings(max_examples=300, deadline=None)
@given(name=_NAME_TEXT, local=_LOCAL, domain=_DOMAIN, how=_HOW)
def test_any_encoded_display_name_leaves_the_real_address(name, local, domain, how):
    addr = f"{local}@{domain}"
    assert mail_from(_written(name, addr, how)).from_addr == addr.lower()


# Property: and the name reads back as written (up to spacing, which folding may change).
@settings(max_examples=300, deadline=None)
@given(name=_NAME_TEXT.filter(lambda n: "=?" not in n and n.strip()), local=_LOCAL, domain=_DOMAIN, how=_HOW)
def test_any_encoded_display_name_reads_back_as_written(name, local, domain, how):
    parsed = mail_from(_written(name, f"{local}@{domain}", how))
    assert parsed.from_name.split() == name.split()


# The same rule in a delivery report: its recipient field is an address, not a phrase, so an
# encoded-word there stays as written instead of naming a recipient of the sender's choosing.
def test_delivery_report_recipient_is_not_decoded():
    report = (
        b"From: MAILER-DAEMON@mx.example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b"Return-Path: <>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n"
        b"--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
        b"Final-Recipient: rfc822; " + b_word("ceo@kestrel.exchange").encode() + b"\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        b"--R--\r\n"
    )
    dsn = parse_message(report).delivery_report
    assert dsn is not None and dsn.recipient == b_word("ceo@kestrel.exchange").lower()
