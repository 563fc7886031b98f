"""Attachment verdicts, charset decoding and HTML conversion in isolation."""

import io
import zipfile

from bridgedesk.mail.attachments import quarantine_reason, sanitize_filename, sniff_type
from bridgedesk.mail.htmltext import html_to_text, is_pathological, sanitize_html
from bridgedesk.mail.textcodec import decode_bytes, decode_header_value, looks_like_gb


def zip_with(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, b"data")
    return buffer.getvalue()


def test_sanitize_filename():
    assert sanitize_filename("C:\\Users\\x\\发票.pdf") == "发票.pdf"
    assert sanitize_filename("../../etc/passwd") == "passwd"
    assert sanitize_filename("invoice\u202egpj.exe") == "invoicegpj.exe"
    assert sanitize_filename("a\x00b\r\n.txt") == "ab.txt"
    assert sanitize_filename(None) == ""


def test_sniff_type():
    assert sniff_type(b"%PDF-1.7 ...") == "application/pdf"
    assert sniff_type(b"MZ\x90\x00") == "application/x-msdownload"
    assert sniff_type(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_type(b"  <!DOCTYPE html><html>") == "text/html"
    assert sniff_type(zip_with("a.txt")) == "application/zip"
    assert sniff_type(b"plain words") == ""


def test_quarantine_reasons():
    assert quarantine_reason("photo.jpg", "image/jpeg", "image/jpeg", b"\xff\xd8\xff") is None
    assert quarantine_reason("setup.exe", "application/octet-stream", "", b"") == "executable"
    assert quarantine_reason("invoice.pdf", "application/pdf", "application/x-msdownload", b"MZ") == "executable"
    assert quarantine_reason("login.html", "text/html", "text/html", b"<html>") == "executable"
    assert quarantine_reason("report.docm", "application/octet-stream", "", b"") == "macro"
    assert quarantine_reason("docs.zip", "application/zip", "application/zip", zip_with("run.js")) == "archive-with-executable"
    assert quarantine_reason("docs.zip", "application/zip", "application/zip", zip_with("a.txt")) is None


def test_decode_bytes_and_headers():
    assert decode_bytes("提现".encode("gbk"), "gb2312") == ("提现", None)
    text, defect = decode_bytes("提现失败了".encode("gb2312"), "utf-8")
    assert text == "提现失败了" and "does not match" in defect
    assert looks_like_gb("中文内容".encode("gb2312")) and not looks_like_gb("café".encode("latin-1"))
    assert decode_header_value("=?utf-8?b?5YWF5YC8?= =?gb2312?b?zrS1vdXL?=") == "充值未到账"
    assert decode_header_value("=?x-bogus?q?abc?=") == "abc"
    assert decode_header_value("line\r\n folded\x00") == "line folded"


def test_html_conversion_and_sanitising():
    clean = sanitize_html('<p style="x" onmouseover="y">Hi<img src="https://t.example/a.gif"><img src="cid:c1"></p>')
    assert clean == '<p>Hi<img><img src="cid:c1"></p>'
    text = html_to_text("<ul><li>one</li><li>two</li></ul><p>a &amp; b</p>")
    assert [line for line in text.splitlines() if line] == ["one", "two", "a & b"]
    assert is_pathological("<div>" * 1000) and not is_pathological("<p>" * 1000)
    assert html_to_text("<div>" * 100_000 + "deep") == "deep"
