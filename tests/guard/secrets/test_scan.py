import json

import pytest

from bridgedesk.guard.secrets import scan
from bridgedesk.guard.secrets.scan import GuardResult, SecretReport, guard_message

PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
API = "API Key: 2a6b5c3e-1f4d-4e8a-9b7c-0d1e2f3a4b5c\nSecret Key: Zx9aQ8wE7rT6yU5iO4pL3kJ2hG1fD0sA\n"


def guard(**overrides) -> GuardResult:
    message = {"subject": "help", "text": "hello", "html": None, "attachments": [], "ocr": False}
    message.update(overrides)
    return guard_message(**message)


def test_clean_message_passes_through_unchanged():
    result = guard(subject="Deposit not credited", text="txid 0xabc, UID 27351856", html="<p>hi</p>")
    assert (result.subject, result.text, result.html) == ("Deposit not credited", "txid 0xabc, UID 27351856", "<p>hi</p>")
    assert result.secrets == () and result.secret_types == () and result.ocr == "not_needed"


def test_subject_text_and_html_are_each_redacted_and_reported_by_location():
    result = guard(
        subject="my password is Hunter22",
        text=f"my words: {PHRASE}",
        html=f"<p>{PHRASE}</p><p>验证码 123456</p>",
    )
    assert "Hunter22" not in result.subject and "sausage" not in result.text and "sausage" not in result.html
    assert "123456" not in result.html
    assert result.secrets == (
        SecretReport("password", "subject"),
        SecretReport("seed_phrase", "text"),
        SecretReport("seed_phrase", "html"),
        SecretReport("otp_code", "html"),
    )
    assert result.secret_types == ("password", "seed_phrase", "otp_code")


def test_reports_never_carry_a_value():
    result = guard(text=f"{PHRASE}\n{API}")
    dumped = json.dumps([r.__dict__ for r in result.secrets])
    assert "legal" not in dumped and "Zx9aQ8" not in dumped and "2a6b5c3e" not in dumped


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("keys.txt", "text/plain"),
        ("export.csv", "text/csv"),
        ("config.json", "application/json"),
        ("bot.log", "application/octet-stream"),
        ("wallet", "application/octet-stream"),
    ],
)
def test_text_like_attachments_are_redacted_in_place(filename, content_type):
    data = f"note\n{API}{PHRASE}\n".encode()
    result = guard(attachments=[(filename, content_type, data)])
    [attachment] = result.attachments
    assert b"Zx9aQ8" not in attachment.data and b"sausage" not in attachment.data
    assert b"[REDACTED:api_secret]" in attachment.data and attachment.quarantine_reason is None
    assert {r.location for r in result.secrets} == {f"attachment:{filename}"}


def test_gb18030_attachment_keeps_its_encoding():
    data = "我的密码是Abc12345，谢谢".encode("gb18030")
    [attachment] = guard(attachments=[("说明.txt", "text/plain", data)]).attachments
    assert attachment.data.decode("gb18030") == "我的密码是[REDACTED:password]，谢谢"


def test_html_attachment_is_redacted_as_markup():
    data = f"<ul>{''.join(f'<li>{w}</li>' for w in PHRASE.split())}</ul>".encode()
    [attachment] = guard(attachments=[("page.html", "text/html", data)]).attachments
    assert attachment.data.count(b"<li>") == 12 and b"sausage" not in attachment.data


def test_binary_attachment_is_left_alone():
    # A format that carries no text (sound, here) passes as sent; PDFs and documents are read (test_files.py).
    data = b"OggS\x00\x02" + bytes(range(256)) * 4
    [attachment] = guard(attachments=[("voice.ogg", "audio/ogg", data)]).attachments
    assert attachment.data == data and attachment.quarantine_reason is None


def test_images_without_tesseract_are_reported_unchecked(monkeypatch):
    monkeypatch.setattr(scan, "ocr_available", lambda: False)
    result = guard(attachments=[("shot.png", "image/png", b"\x89PNG...")], ocr=True)
    assert result.ocr == "not_installed"
    assert result.attachments[0].quarantine_reason is None


def test_images_with_ocr_switched_off_are_reported_as_disabled():
    result = guard(attachments=[("shot.png", "image/png", b"\x89PNG...")], ocr=False)
    assert result.ocr == "disabled"
