"""Decide how an attachment can hide a secret: as text we can redact, or as a picture to OCR."""

from __future__ import annotations

from pathlib import PurePosixPath

TEXT_EXTENSIONS = frozenset(
    "txt text csv tsv json ndjson log xml yaml yml md ini cfg conf env toml js ts py sh key pem asc "
    "html htm eml".split()
)
TEXT_TYPES = frozenset(
    {
        "application/json", "application/xml", "application/csv", "application/x-ndjson",
        "application/javascript", "application/x-yaml", "application/yaml", "application/toml",
        "application/x-sh", "application/x-pem-file", "message/rfc822",
    }
)
HTML_EXTENSIONS = frozenset({"html", "htm"})
IMAGE_EXTENSIONS = frozenset("png jpg jpeg gif bmp tif tiff webp pnm pbm pgm ppm".split())
_SNIFF_BYTES = 8192
_ENCODINGS = ("utf-8-sig", "gb18030")


def extension_of(filename: str) -> str:
    return PurePosixPath(filename.lower()).suffix.lstrip(".")


def is_image(filename: str, content_type: str) -> bool:
    return content_type.lower().startswith("image/") or extension_of(filename) in IMAGE_EXTENSIONS


def is_html(filename: str, content_type: str) -> bool:
    return content_type.lower() == "text/html" or extension_of(filename) in HTML_EXTENSIONS


def is_text_like(filename: str, content_type: str, data: bytes) -> bool:
    """Declared text, a text extension, or (unlabelled) bytes that decode as UTF-8 without NULs.

    Sniffing matters: a file called ``wallet`` sent as octet-stream is still a pasted phrase.
    """
    kind = content_type.lower()
    if kind.startswith("text/") or kind in TEXT_TYPES or extension_of(filename) in TEXT_EXTENSIONS:
        return True
    if is_image(filename, content_type) or kind not in {"", "application/octet-stream"}:
        return False
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3
    return True


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, codec) with a codec that will encode the redacted text back the same way."""
    for codec in _ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            codec = "utf-8"
        return text, codec
    return data.decode("latin-1"), "latin-1"
