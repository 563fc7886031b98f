"""Archives as plain data: every member of a zip, tar or gzip file, nested archives opened, within bounds.

An archive is only as safe as its worst member, and the worst member can sit anywhere: at entry
5,001, inside a zip inside a zip, behind a password. So a verdict on an archive needs *every*
member, and a stranger's archive can be built to make reading every member impossible (a zip
bomb: kilobytes that inflate to terabytes; a million empty entries; nesting a hundred deep).
:func:`iter_members` therefore reads under a :class:`ReadBudget` and raises :class:`Unreadable`
the moment the archive cannot be read whole within it; callers quarantine what raises, never
pass it as clean. Office and OpenDocument files are zips too, and are read the same way.

Nothing is ever extracted to disk: members are read into memory, each bounded.
"""

from __future__ import annotations

import gzip
import io
import lzma
import tarfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
GZIP_MAGIC = b"\x1f\x8b"
_TAR_MAGIC_OFFSET = 257
_TAR_MAGIC = b"ustar"
_CHUNK = 1024 * 1024
# Formats we recognise as archives but cannot open with the standard library: never "clean".
UNREADABLE_ARCHIVE_EXTENSIONS = frozenset("rar 7z cab ace arj".split())
_UNREADABLE_MAGIC = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"MSCF")
_ZIP_ENCRYPTED_FLAG = 0x1

# Why an archive could not be read whole; callers turn these into quarantine reasons.
ENCRYPTED = "encrypted"
OVER_LIMITS = "over_limits"
CORRUPT = "corrupt"


class Unreadable(Exception):
    """The file cannot be read whole within the bounds; ``kind`` is ENCRYPTED, OVER_LIMITS or CORRUPT."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class ReadLimits:
    """How much of one attachment we are willing to read; what lies beyond is unchecked, so quarantined.

    Sized so that an ordinary archive or document (a few thousand files, tens of megabytes
    uncompressed) is read whole, while a bomb stops within a second or two of work.
    """

    max_depth: int = 4                     # a docx in a zip in a zip is depth 3
    max_members: int = 10_000              # entries (files, folders, pages) over every nesting level
    max_total_bytes: int = 100 * 1024 * 1024   # uncompressed, over every nesting level
    max_member_bytes: int = 25 * 1024 * 1024   # one uncompressed entry or PDF stream
    max_text_chars: int = 8_000_000        # words scanned for secrets, over the whole attachment
    max_seconds: float = 10.0              # reading and scanning one attachment


DEFAULT_LIMITS = ReadLimits()


class ReadBudget:
    """What reading one attachment may still cost; nested archives and documents draw on the same budget."""

    def __init__(self, limits: ReadLimits = DEFAULT_LIMITS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._deadline = clock() + limits.max_seconds
        self.members = 0
        self.bytes = 0
        self.text_chars = 0
        self.depth = 0

    def charge_member(self) -> None:
        self.members += 1
        if self.members > self.limits.max_members:
            raise Unreadable(OVER_LIMITS, f"more than {self.limits.max_members} entries")
        self.check_time()

    def charge_bytes(self, size: int, *, member_size: int | None = None) -> None:
        """Count ``size`` uncompressed bytes before reading them, so a bomb is refused unread.

        ``member_size`` is the entry's size so far when it is read in chunks (``size`` is the whole entry otherwise).
        """
        whole = size if member_size is None else member_size
        if whole > self.limits.max_member_bytes:
            raise Unreadable(OVER_LIMITS, f"an entry of {whole} bytes or more exceeds {self.limits.max_member_bytes}")
        self.bytes += size
        if self.bytes > self.limits.max_total_bytes:
            raise Unreadable(OVER_LIMITS, f"more than {self.limits.max_total_bytes} bytes uncompressed")

    def charge_text(self, chars: int) -> None:
        self.text_chars += chars
        if self.text_chars > self.limits.max_text_chars:
            raise Unreadable(OVER_LIMITS, f"more than {self.limits.max_text_chars} characters of text")

    def check_time(self) -> None:
        if self._clock() > self._deadline:
            raise Unreadable(OVER_LIMITS, f"not read within {self.limits.max_seconds} s")

    @contextmanager
    def nested(self) -> Iterator[None]:
        """One level deeper (an archive or document inside another)."""
        self.depth += 1
        try:
            if self.depth > self.limits.max_depth:
                raise Unreadable(OVER_LIMITS, f"nested deeper than {self.limits.max_depth}")
            yield
        finally:
            self.depth -= 1


@dataclass(frozen=True)
class Member:
    """One file inside an archive: its path from the outermost archive inwards, and its bytes."""

    path: str     # "bundle.zip/inner.zip/setup.exe"
    data: bytes   # b"" for folders, links and devices

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def archive_format(name: str, data: bytes) -> str | None:
    """"zip", "tar", "gzip", "unreadable" (rar, 7z, cab…) or None when this is not an archive."""
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "zip"
    if data.startswith(GZIP_MAGIC):
        return "gzip"
    if data[_TAR_MAGIC_OFFSET:_TAR_MAGIC_OFFSET + len(_TAR_MAGIC)] == _TAR_MAGIC:
        return "tar"
    if data.startswith(_UNREADABLE_MAGIC):
        return "unreadable"
    extension = extension_of(name)
    if extension in ("zip", "tar", "gz", "tgz"):
        return {"zip": "zip", "tar": "tar"}.get(extension, "gzip")
    if extension in UNREADABLE_ARCHIVE_EXTENSIONS:
        return "unreadable"
    return None


def iter_members(name: str, data: bytes, budget: ReadBudget) -> Iterator[Member]:
    """Every file in the archive ``data`` (named ``name``), members of nested archives instead of the archives.

    Raises :class:`Unreadable` as soon as the whole cannot be read within ``budget``.
    """
    kind = archive_format(name, data)
    with budget.nested():
        if kind == "zip":
            members = _zip_members(name, data, budget)
        elif kind == "tar":
            members = _tar_members(name, data, budget)
        elif kind == "gzip":
            members = _gzip_members(name, data, budget)
        else:
            raise Unreadable(CORRUPT, f"{name!r} is not an archive we can open (zip, tar and gzip are)")
        for member in members:
            if archive_format(member.name, member.data) is None:
                yield member
            else:
                yield from iter_members(member.path, member.data, budget)


def _zip_members(name: str, data: bytes, budget: ReadBudget) -> Iterator[Member]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                yield _zip_member(name, archive, info, budget)
    except Unreadable:
        raise
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError) as error:   # what zipfile raises on damaged or unsupported archives
        raise Unreadable(CORRUPT, f"{name!r}: {type(error).__name__}: {error}") from error


def _zip_member(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ReadBudget) -> Member:
    budget.charge_member()
    path = f"{name}/{info.filename}"
    if info.flag_bits & _ZIP_ENCRYPTED_FLAG:
        raise Unreadable(ENCRYPTED, f"{path!r} is password-protected")
    if info.is_dir():
        return Member(path, b"")
    budget.charge_bytes(info.file_size)   # zipfile never inflates past the declared size
    return Member(path, archive.read(info))


def _tar_members(name: str, data: bytes, budget: ReadBudget) -> Iterator[Member]:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
            while (info := archive.next()) is not None:
                yield _tar_member(name, archive, info, budget)
    except Unreadable:
        raise
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise Unreadable(CORRUPT, f"{name!r}: {type(error).__name__}: {error}") from error


def _tar_member(name: str, archive: tarfile.TarFile, info: tarfile.TarInfo, budget: ReadBudget) -> Member:
    budget.charge_member()
    path = f"{name}/{info.name}"
    if not info.isfile():
        return Member(path, b"")
    budget.charge_bytes(info.size)
    handle = archive.extractfile(info)
    return Member(path, handle.read(info.size) if handle is not None else b"")


def _gzip_members(name: str, data: bytes, budget: ReadBudget) -> Iterator[Member]:
    """A gzip file holds one file (often a tar); it is read in chunks so a bomb stops at the bound."""
    budget.charge_member()
    chunks: list[bytes] = []
    size = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                budget.charge_bytes(len(chunk), member_size=size)
                budget.check_time()
                chunks.append(chunk)
    except Unreadable:
        raise
    except (gzip.BadGzipFile, zlib.error, EOFError, OSError) as error:
        raise Unreadable(CORRUPT, f"{name!r}: {type(error).__name__}: {error}") from error
    yield Member(f"{name}/{_gunzipped_name(name)}", b"".join(chunks))


def _gunzipped_name(name: str) -> str:
    """"logs.tar.gz" holds "logs.tar", "logs.tgz" too; a gzip with no telling suffix holds "content"."""
    base = name.rsplit("/", 1)[-1]
    lowered = base.lower()
    if lowered.endswith(".tgz"):
        return base[:-4] + ".tar"
    if lowered.endswith(".gz") and len(base) > 3:
        return base[:-3]
    return "content"
