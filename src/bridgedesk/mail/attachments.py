"""Attachments as plain data: safe names, content sniffed from bytes, quarantine verdicts.

The declared type and the file name are chosen by the sender, so the verdict rests on the
bytes' magic as well: a ".pdf" that starts with "MZ" is a Windows program.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bridgedesk.mail.archives import (
    CORRUPT,
    DEFAULT_LIMITS,
    ENCRYPTED,
    OVER_LIMITS,
    ReadBudget,
    ReadLimits,
    Unreadable,
    archive_format,
    iter_members,
)

MAX_FILENAME_CHARS = 200

# (offset, magic, type). Order matters: the first match wins.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "application/pdf"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"BM", "image/bmp"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"MZ", "application/x-msdownload"),
    (0, b"\x7fELF", "application/x-executable"),
    (0, b"\xca\xfe\xba\xbe", "application/java-vm"),
    (0, b"\xcf\xfa\xed\xfe", "application/x-mach-binary"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (0, b"L\x00\x00\x00\x01\x14\x02\x00", "application/x-ms-shortcut"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"\x1f\x8b", "application/gzip"),
    (0, b"{\\rtf", "application/rtf"),
    (0, b"OggS", "audio/ogg"),
    (0, b"ID3", "audio/mpeg"),
    (4, b"ftyp", "video/mp4"),
    (32769, b"CD001", "application/x-iso9660-image"),
)
_RIFF_KINDS = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_START_RE = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<script|<svg|<hta:)", re.IGNORECASE)

_EXECUTABLE_EXTENSIONS = frozenset(
    "exe dll msi msp scr com pif cpl js jse vbs vbe wsf wsh bat cmd ps1 psm1 jar apk app "
    "html htm xhtml shtml svg hta lnk url iso img vhd vhdx reg chm gadget scf inf sys".split()
)
_MACRO_EXTENSIONS = frozenset("docm dotm xlsm xltm xlam pptm potm ppam ppsm sldm xls doc ppt".split())
_ARCHIVE_EXTENSIONS = frozenset("zip rar 7z gz tgz tar cab ace arj".split())
_EXECUTABLE_TYPES = frozenset({
    "application/x-msdownload", "application/x-executable", "application/java-vm",
    "application/x-mach-binary", "application/x-ms-shortcut", "application/x-iso9660-image",
    "application/java-archive", "application/vnd.android.package-archive", "text/html",
    "application/x-msdos-program", "application/hta", "application/javascript", "text/javascript",
    "application/x-sh", "application/x-bat",
})
# Bytes that run as a program whatever the member is called (an "invoice.pdf" inside a zip that starts with MZ).
_PROGRAM_TYPES = frozenset({
    "application/x-msdownload", "application/x-executable", "application/java-vm",
    "application/x-mach-binary", "application/x-ms-shortcut",
})
_ARCHIVE_PROBLEMS = {
    ENCRYPTED: "archive-encrypted", OVER_LIMITS: "archive-too-large-to-check", CORRUPT: "archive-unreadable",
}
_UNSAFE_NAME_CHARS_RE = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


@dataclass(frozen=True)
class MailAttachment:
    filename: str            # sanitised: no path parts, no control or bidi characters
    declared_type: str       # as the sender's Content-Type said
    sniffed_type: str        # from the bytes' magic; "" when unknown
    data: bytes
    content_id: str | None
    is_inline: bool
    # "executable", "macro", "archive-with-executable", "archive-encrypted", "archive-too-large-to-check",
    # "archive-unreadable", "too-large"
    quarantine_reason: str | None

    @property
    def size(self) -> int:
        return len(self.data)


def sanitize_filename(name: str | None) -> str:
    """Keep the last path component, drop control and bidi-override characters.

    Right-to-left overrides turn "invoice\u202egpj.exe" into what reads as "invoiceexe.jpg".
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFC", str(name))
    text = _UNSAFE_NAME_CHARS_RE.sub("", text)
    text = re.split(r"[\\/]", text)[-1].strip().strip(".").strip()
    return text[:MAX_FILENAME_CHARS]


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _sniff_zip(data: bytes) -> str:
    """A zip is also an Office document, a Java archive or an Android package."""
    head = data[:4096]
    if b"AndroidManifest.xml" in head or b"classes.dex" in head:
        return "application/vnd.android.package-archive"
    if b"META-INF/MANIFEST.MF" in head:
        return "application/java-archive"
    if b"[Content_Types].xml" in head or b"word/" in head or b"xl/" in head or b"ppt/" in head:
        if b"vbaProject.bin" in data[:1_000_000]:
            return "application/vnd.ms-office.macroEnabled"
        return "application/vnd.openxmlformats-officedocument"
    return "application/zip"


def sniff_type(data: bytes) -> str:
    """Content type from magic numbers; "" when the bytes are not a known format."""
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    for offset, magic, kind in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            return kind
    if _HTML_START_RE.match(data[:512]):
        return "text/html"
    return ""


def _member_is_program(name: str, data: bytes) -> bool:
    return extension_of(name) in _EXECUTABLE_EXTENSIONS or sniff_type(data[:4096]) in _PROGRAM_TYPES


def archive_verdict(filename: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> str | None:
    """Read every member, nested archives included (never extract): is any a program, or can the whole not be read?

    What cannot be read whole within ``limits`` (password-protected, a bomb, damaged, a format
    we cannot open) could hide a program, so it is quarantined too, with the reason.
    """
    try:
        for member in iter_members(filename or "archive", data, ReadBudget(limits)):
            if _member_is_program(member.name, member.data):
                return "archive-with-executable"
    except Unreadable as problem:
        return _ARCHIVE_PROBLEMS[problem.kind]
    return None


def _is_archive(filename: str, sniffed: str, data: bytes) -> bool:
    """Zips (Office and OpenDocument files included), tars, gzip, and the formats we cannot open."""
    if sniffed.startswith(("application/zip", "application/vnd.openxmlformats", "application/gzip")):
        return True
    return extension_of(filename) in _ARCHIVE_EXTENSIONS or archive_format(filename, data) is not None


def quarantine_reason(filename: str, declared_type: str, sniffed: str, data: bytes) -> str | None:
    """Why this attachment must not be opened by an agent, or None when it is safe enough."""
    extension = extension_of(filename)
    if extension in _EXECUTABLE_EXTENSIONS or sniffed in _EXECUTABLE_TYPES:
        return "executable"
    if declared_type.lower() in _EXECUTABLE_TYPES:
        return "executable"
    if extension in _MACRO_EXTENSIONS or sniffed in ("application/vnd.ms-office.macroEnabled", "application/x-ole-storage"):
        return "macro"
    if _is_archive(filename, sniffed, data):
        return archive_verdict(filename, data)
    return None
