"""OCR for real: images rendered here (Pillow) and read by Debian's tesseract."""

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from bridgedesk.guard.secrets.ocr import OcrFailed, read_image_text
from bridgedesk.guard.secrets.scan import guard_message
from tests.guard.shared import load_bip39_vectors

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def render_png(lines: list[str], font_path: Path, size: int = 32) -> bytes:
    font = ImageFont.truetype(str(font_path), size) if font_path.exists() else ImageFont.load_default(size)
    width = max(int(font.getlength(line)) for line in lines) + 80
    image = Image.new("RGB", (width, 60 + len(lines) * size * 2), "white")
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((40, 30 + row * size * 2), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def guard_image(data: bytes):
    return guard_message(subject="screenshot", text="see attached", html=None, attachments=[("shot.png", "image/png", data)])


def test_screenshot_of_a_twelve_word_phrase_is_quarantined():
    words = load_bip39_vectors()["english"][1][1].split()
    data = render_png(["My recovery phrase:", " ".join(words[:6]), " ".join(words[6:])], LATIN_FONT)
    result = guard_image(data)
    assert result.ocr == "checked"
    assert result.attachments[0].quarantine_reason == "secret_in_image"
    assert result.attachments[0].data == data
    assert result.secret_types == ("seed_phrase",)
    assert result.secrets[0].location == "attachment:shot.png"


@pytest.mark.skipif(not CJK_FONT.exists(), reason="no CJK font to render Chinese with")
def test_screenshot_of_a_chinese_phrase_is_quarantined():
    phrase = load_bip39_vectors()["chinese_simplified"][15][1]
    result = guard_image(render_png(["我的助记词：", "  ".join(phrase.split())], CJK_FONT, size=48))
    assert result.attachments[0].quarantine_reason == "secret_in_image"
    assert result.secret_types == ("seed_phrase",)


@pytest.mark.skipif(not CJK_FONT.exists(), reason="no CJK font to render Chinese with")
def test_screenshot_of_a_chinese_password_note_is_quarantined():
    result = guard_image(render_png(["我的登录密码：Kestrel2024"], CJK_FONT, size=40))
    assert result.secret_types == ("password",)


def test_ordinary_screenshot_is_checked_and_kept():
    data = render_png(["Withdrawal failed: error 50111", "Please contact support"], LATIN_FONT)
    result = guard_image(data)
    assert result.ocr == "checked" and result.attachments[0].quarantine_reason is None
    assert result.secrets == ()


def test_unreadable_image_is_quarantined_as_unchecked():
    result = guard_image(b"\x89PNG\r\n\x1a\nnot really a png")
    assert result.attachments[0].quarantine_reason == "ocr_failed"


def test_oversized_image_is_refused_before_running_tesseract():
    with pytest.raises(OcrFailed):
        read_image_text(b"\x00" * (9 * 1024 * 1024))
