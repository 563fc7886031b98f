"""Images too small to show a word are not sent to tesseract (it costs about a second each)."""

import io

from PIL import Image

from bridgedesk.guard.secrets import ocr


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_tiny_image_is_not_ocred(monkeypatch):
    calls = []
    monkeypatch.setattr(ocr.subprocess, "run", lambda *a, **k: calls.append(a))
    assert ocr.read_image_text(png(24, 16)) == ""
    assert calls == []


def test_header_size_is_read_without_decoding():
    assert ocr.image_size(png(640, 120)) == (640, 120)
    assert ocr.image_size(b"not an image") is None
