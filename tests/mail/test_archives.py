"""Archive verdicts rest on every member: a program anywhere in an archive (at entry 5,001, inside a
nested zip, inside a tar.gz) quarantines it, and so does an archive we cannot read whole (a bomb,
too many entries, nesting too deep, a password, damage, a format we cannot open)."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile

import pytest

from bridgedesk.mail.archives import OVER_LIMITS, ReadBudget, ReadLimits, Unreadable, iter_members
from bridgedesk.mail.attachments import archive_verdict, quarantine_reason, sniff_type
from tests.files import fixture

PE_HEADER = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 200


def zip_of(members: list[tuple[str, bytes]], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def tar_gz_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def verdict(filename: str, data: bytes) -> str | None:
    """The verdict the MIME walk and the portal give an attachment."""
    return quarantine_reason(filename, "application/octet-stream", sniff_type(data), data)


def test_a_program_at_entry_5001_is_found():
    # The old inspection stopped at entry 5,000: a setup.exe after 5,000 harmless files went through.
    members = [(f"photos/{i:05d}.txt", b"x") for i in range(5_000)] + [("setup.exe", PE_HEADER)]
    assert verdict("photos.zip", zip_of(members, compression=zipfile.ZIP_STORED)) == "archive-with-executable"


def test_a_program_inside_a_nested_zip_is_found():
    # A zip in a zip holding a program: the outer names are harmless, the inner one is not.
    inner = zip_of([("invoice.exe", PE_HEADER)])
    assert verdict("documents.zip", zip_of([("readme.txt", b"see inside"), ("more.zip", inner)])) == "archive-with-executable"


def test_a_program_named_as_a_document_inside_a_zip_is_found_by_its_bytes():
    # The member's name is the sender's to choose; "MZ" bytes are a Windows program whatever it is called.
    assert verdict("statements.zip", zip_of([("statement.pdf", PE_HEADER)])) == "archive-with-executable"


def test_a_program_inside_a_tar_gz_is_found():
    assert verdict("logs.tar.gz", tar_gz_of([("logs/api.log", b"200 OK\n"), ("logs/fix.ps1", b"Invoke-WebRequest https://example.com/x")])) == \
        "archive-with-executable"


def test_an_ordinary_archive_and_an_office_document_pass():
    # Harmless archives stay usable: nothing is quarantined for being an archive.
    assert verdict("logs.zip", zip_of([("api.log", b"200 OK\n"), ("screens/1.png", b"\x89PNG...")])) is None
    assert verdict("logs.tar.gz", tar_gz_of([("api.log", b"200 OK\n")])) is None
    assert verdict("notes.docx", fixture("clean-notes.docx")) is None


def test_an_encrypted_zip_cannot_be_read_and_is_quarantined_saying_so():
    # Made by Info-ZIP with a password: the member names show, the contents cannot be checked.
    assert verdict("wallet.zip", fixture("encrypted.zip")) == "archive-encrypted"


def test_an_archive_with_more_entries_than_the_bound_is_quarantined():
    members = [(f"{i:05d}.txt", b"") for i in range(10_001)]
    assert verdict("many.zip", zip_of(members, compression=zipfile.ZIP_STORED)) == "archive-too-large-to-check"


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    # 200 MB of zeros deflate to about 200 KB; the declared size alone is over the bound.
    bomb = zip_of([("zeros.bin", b"\x00" * (200 * 1024 * 1024))])
    assert len(bomb) < 1_000_000
    assert verdict("bomb.zip", bomb) == "archive-too-large-to-check"


def test_a_gzip_bomb_stops_at_the_bound():
    bomb = gzip.compress(b"\x00" * (60 * 1024 * 1024))
    assert verdict("zeros.gz", bomb) == "archive-too-large-to-check"


def test_archives_nested_deeper_than_the_bound_are_quarantined():
    data = zip_of([("note.txt", b"hello")])
    for level in range(5):
        data = zip_of([(f"level{level}.zip", data)])
    assert verdict("deep.zip", data) == "archive-too-large-to-check"


def test_damaged_archives_and_formats_we_cannot_open_are_quarantined():
    whole = zip_of([("a.txt", b"hello " * 1000)])
    assert verdict("cut.zip", whole[: len(whole) // 2]) == "archive-unreadable"
    assert verdict("backup.rar", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64) == "archive-unreadable"
    assert verdict("backup.7z", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 64) == "archive-unreadable"


def test_reading_stops_when_the_time_bound_is_spent():
    # A clock that moves one second per look: the third look is past a two-second bound.
    ticks = iter(range(100))
    budget = ReadBudget(ReadLimits(max_seconds=2.0), clock=lambda: float(next(ticks)))
    members = zip_of([(f"{i}.txt", b"x") for i in range(10)])
    with pytest.raises(Unreadable) as raised:
        list(iter_members("slow.zip", members, budget))
    assert raised.value.kind == OVER_LIMITS and "2.0 s" in raised.value.detail


def test_members_carry_their_path_from_the_outermost_archive():
    inner = zip_of([("keys/wallet.txt", b"words")])
    members = list(iter_members("bundle.zip", zip_of([("inner.zip", inner), ("a.txt", b"a")]), ReadBudget()))
    assert [(m.path, m.data) for m in members] == [("bundle.zip/inner.zip/keys/wallet.txt", b"words"), ("bundle.zip/a.txt", b"a")]


def test_the_verdict_can_be_asked_with_tighter_limits():
    members = zip_of([("a.txt", b"a" * 2000)])
    assert archive_verdict("a.zip", members, ReadLimits(max_total_bytes=1000)) == "archive-too-large-to-check"
