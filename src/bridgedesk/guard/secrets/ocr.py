"""Read the text shown in an image with Debian's tesseract, when it is installed.

OCR is optional on a machine, so callers first ask :func:`ocr_available` and record honestly
that an image was *not* checked when it is missing. Input is bounded (bytes, seconds, one
thread) because attachments come from strangers.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from functools import lru_cache

MAX_IMAGE_BYTES = 8 * 1024 * 1024
TIMEOUT_SECONDS = 30
WANTED_LANGUAGES = ("eng", "chi_sim")


class OcrFailed(Exception):
    """The image could not be read (too large, unreadable, timed out)."""


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """True when a tesseract binary is on PATH (looked up once per process: a PATH walk per message costs)."""
    return shutil.which("tesseract") is not None


@lru_cache(maxsize=1)
def _language_argument() -> str:
    """``eng+chi_sim`` when both packs are installed; whatever subset is, else tesseract's default."""
    try:
        listing = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        listing = []
    installed = [language for language in WANTED_LANGUAGES if language in listing]
    return "+".join(installed) or "eng"


# Smaller than this, an image cannot show even one legible word (glyphs need ~8 px), so
# starting tesseract (about a second with the Chinese model) would buy nothing.
MIN_TEXT_WIDTH = 32
MIN_TEXT_HEIGHT = 8


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) read from the image header only, or None when Pillow cannot tell."""
    from PIL import Image, UnidentifiedImageError  # start-up cost: only when an image is read

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def read_image_text(data: bytes) -> str:
    """The text tesseract sees in ``data`` (PNG, JPEG, GIF, BMP, TIFF…); raises :class:`OcrFailed`."""
    if len(data) > MAX_IMAGE_BYTES:
        raise OcrFailed(f"image of {len(data)} bytes exceeds {MAX_IMAGE_BYTES}")
    size = image_size(data)
    if size is not None and (size[0] < MIN_TEXT_WIDTH or size[1] < MIN_TEXT_HEIGHT):
        return ""
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        completed = subprocess.run(
            ["tesseract", "-", "-", "-l", _language_argument()],
            input=data,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=environment,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise OcrFailed(type(error).__name__) from error
    if completed.returncode != 0:
        raise OcrFailed(f"tesseract exited {completed.returncode}")
    return completed.stdout.decode("utf-8", "replace")
