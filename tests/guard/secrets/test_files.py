"""Secrets inside files that are not plain text: PDFs, Office and OpenDocument files, archives, and
file names. A file that holds a secret is quarantined and marked so its bytes are never stored; a
file that cannot be read whole within the bounds is quarantined, never passed as clean."""

from __future__ import annotations

import io
import tarfile
import time
import zipfile

import pytest
from pypdf import PdfWriter

from bridgedesk.guard.secrets.scan import GuardedAttachment, GuardResult, guard_message
from bridgedesk.mail.archives import ReadLimits
from tests.files import API_SECRET, PASSWORD, PHRASE, PHRASE_ZH, WIF, fixture, phrase_windows


def guard_file(filename: str, data: bytes, content_type: str = "application/octet-stream", **options) -> GuardResult:
    return guard_message(subject="files", text="see attached", html=None, attachments=[(filename, content_type, data)],
                         ocr=False, **options)


def only(result: GuardResult) -> GuardedAttachment:
    [attachment] = result.attachments
    return attachment


def zip_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def with_part(document: bytes, part: str, xml: bytes) -> bytes:
    """The Office file ``document`` with one XML part replaced (how Word itself would have written it)."""
    with zipfile.ZipFile(io.BytesIO(document)) as original:
        members = [(info.filename, xml if info.filename == part else original.read(info)) for info in original.infolist()]
    return zip_of(members)


def text_of(result: GuardResult) -> str:
    """Everything the guard hands on as text: what the desk would store besides the bytes."""
    return repr((result.subject, result.text, result.html, [(a.filename, a.content_type, a.quarantine_reason)
                                                             for a in result.attachments], result.secrets))


@pytest.mark.parametrize(
    ("name", "content_type", "types"),
    [
        ("secret-statement.pdf", "application/pdf", {"seed_phrase"}),
        ("secret-notes.docx", "application/vnd.openxmlformats-officedocument", {"seed_phrase", "private_key"}),
        ("secret-keys.xlsx", "application/vnd.openxmlformats-officedocument", {"api_key", "api_secret"}),
        ("secret-slides.pptx", "application/vnd.openxmlformats-officedocument", {"password"}),
        ("secret-letter.odt", "application/zip", {"seed_phrase"}),
    ],
)
def test_a_document_holding_a_secret_is_quarantined_and_its_bytes_marked_unkeepable(name, content_type, types):
    # Documents made by the libraries that write them (tests/files/make_files.py); the old guard
    # left every one of them alone, so the desk stored each secret intact.
    attachment = only(result := guard_file(name, fixture(name), content_type))
    assert attachment.quarantine_reason == "secret_in_file" and attachment.holds_secret
    assert {r.type for r in result.secrets} == types
    assert {r.location for r in result.secrets} == {f"attachment:{name}"}


@pytest.mark.parametrize("name", ["clean-statement.pdf", "clean-notes.docx"])
def test_documents_without_a_secret_pass_untouched(name):
    # Statements full of transaction ids, addresses and amounts are what customers send every day.
    attachment = only(result := guard_file(name, fixture(name)))
    assert attachment.quarantine_reason is None and attachment.data == fixture(name) and result.secrets == ()


def test_a_phrase_split_inside_a_word_across_runs_is_still_found():
    # Word splits runs wherever formatting or a spelling mark changes, even inside a word.
    document = fixture("secret-notes.docx")
    with zipfile.ZipFile(io.BytesIO(document)) as original:
        xml = original.read("word/document.xml")
    split = xml.replace(b"<w:t>advice</w:t></w:r>",
                        b'<w:t>adv</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>ice</w:t></w:r>', 1)
    split = split.replace(f"<w:t>{WIF}</w:t>".encode(), b"<w:t>no key here</w:t>")
    assert split != xml
    result = guard_file("notes.docx", with_part(document, "word/document.xml", split))
    assert only(result).quarantine_reason == "secret_in_file" and {r.type for r in result.secrets} == {"seed_phrase"}


@pytest.mark.parametrize(
    ("name", "archive"),
    [
        ("wallet.zip", zip_of([("backup/wallet.txt", f"my words:\n{PHRASE}\n".encode())])),
        ("nested.zip", zip_of([("readme.txt", b"hello"), ("inner.zip", zip_of([("notes.docx", fixture("secret-notes.docx"))]))])),
        ("names.zip", zip_of([(f"{PHRASE}.txt", b"a file named after the words")])),
    ],
    ids=["text-in-zip", "docx-in-zip-in-zip", "phrase-as-member-name"],
)
def test_an_archive_holding_a_secret_anywhere_is_quarantined(name, archive):
    # The old guard kept every zip verbatim, secrets and all.
    attachment = only(result := guard_file(name, archive, "application/zip"))
    assert attachment.quarantine_reason == "secret_in_file" and "seed_phrase" in {r.type for r in result.secrets}


def test_a_tar_gz_holding_a_key_is_quarantined():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = f"paper wallet: {WIF}\n".encode()
        info = tarfile.TarInfo("keys/paper.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    result = guard_file("backup.tar.gz", buffer.getvalue(), "application/gzip")
    assert only(result).quarantine_reason == "secret_in_file" and {r.type for r in result.secrets} == {"private_key"}


def test_a_password_protected_zip_is_quarantined_as_encrypted_and_kept_for_the_security_team():
    # It cannot be read, so it cannot be called clean; nothing was found, so the bytes may be kept (quarantined).
    attachment = only(guard_file("wallet.zip", fixture("encrypted.zip"), "application/zip"))
    assert attachment.quarantine_reason == "encrypted_file" and not attachment.holds_secret


def test_a_pdf_that_needs_a_password_is_quarantined_as_encrypted():
    writer = PdfWriter(clone_from=io.BytesIO(fixture("clean-statement.pdf")))
    writer.encrypt(user_password="1234", owner_password="owner", algorithm="AES-256")
    locked = io.BytesIO()
    writer.write(locked)
    assert only(guard_file("statement.pdf", locked.getvalue(), "application/pdf")).quarantine_reason == "encrypted_file"


def test_a_pdf_locked_only_against_editing_is_read():
    # An owner password with an empty user password opens in every viewer: it hides nothing.
    writer = PdfWriter(clone_from=io.BytesIO(fixture("secret-statement.pdf")))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    locked = io.BytesIO()
    writer.write(locked)
    assert only(guard_file("statement.pdf", locked.getvalue(), "application/pdf")).quarantine_reason == "secret_in_file"


def test_a_damaged_pdf_is_quarantined_and_a_phrase_in_its_plain_bytes_still_found():
    # pypdf cannot parse these; a viewer might still show them, so they are not clean.
    assert only(guard_file("statement.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")).quarantine_reason == "unreadable_file"
    pasted = b"%PDF-1.4\x00\x01\x02" + PHRASE.encode()
    assert only(result := guard_file("statement.pdf", pasted)).quarantine_reason == "secret_in_file"
    assert {r.type for r in result.secrets} == {"seed_phrase"}


def test_xml_with_entity_declarations_is_never_expanded():
    # A billion-laughs document.xml: refused at its DOCTYPE, so it costs nothing and is not clean.
    bomb = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(b'<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">' % ((chr(98 + i).encode(),) + (chr(97 + i).encode(),) * 10)
                       for i in range(9))
            + b"]><w:document><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
    started = time.process_time()
    attachment = only(guard_file("bomb.docx", with_part(fixture("clean-notes.docx"), "word/document.xml", bomb)))
    assert attachment.quarantine_reason == "unreadable_file" and time.process_time() - started < 2


def test_what_does_not_fit_the_bounds_is_quarantined_as_too_large_to_check():
    words = zip_of([(f"log{i}.txt", b"200 OK " * 1000) for i in range(3)])
    assert only(guard_file("logs.zip", words, limits=ReadLimits(max_text_chars=10_000))).quarantine_reason == "too_large_to_check"
    pages = fixture("clean-statement.pdf")
    assert only(guard_file("statement.pdf", pages, limits=ReadLimits(max_members=0))).quarantine_reason == "too_large_to_check"
    assert only(guard_file("statement.pdf", pages, limits=ReadLimits(max_seconds=0.0))).quarantine_reason == "too_large_to_check"


def test_a_secret_found_before_the_bound_is_reached_still_drops_the_bytes():
    # Quarantined for the secret, not only for size: the bytes hold a phrase and must not be kept.
    archive = zip_of([("a.txt", PHRASE.encode()), *((f"log{i}.txt", b"200 OK " * 1000) for i in range(3))])
    assert only(guard_file("logs.zip", archive, limits=ReadLimits(max_text_chars=10_000))).holds_secret


@pytest.mark.parametrize(
    "filename",
    [f"{PHRASE}.txt", PHRASE.replace(" ", "_") + ".pdf", PHRASE.replace(" ", "-") + ".png", f"my password is {PASSWORD}.txt"],
)
def test_a_secret_in_a_file_name_is_redacted_from_the_name(filename):
    # The name is stored in the database and shown on the ticket; the old guard kept it as sent.
    result = guard_file(filename, b"nothing secret in here\n", "text/plain")
    attachment = only(result)
    assert "[REDACTED:" in attachment.filename and attachment.filename.rsplit(".", 1)[-1] == filename.rsplit(".", 1)[-1]
    assert result.secrets and all(r.location == f"attachment:{attachment.filename}" for r in result.secrets)
    dumped = text_of(result)
    assert PASSWORD not in dumped and not any(window in dumped.replace("_", " ").replace("-", " ") for window in phrase_windows(PHRASE))


@pytest.mark.parametrize("filename", ["发票.pdf", "Screenshot 2026-11-24 at 09h30.txt", "statement_nov_2026.txt", "wallet-backup.txt"])
def test_ordinary_file_names_are_kept(filename):
    assert only(guard_file(filename, b"hello\n", "text/plain")).filename == filename


def test_nothing_of_any_secret_is_left_in_what_the_guard_hands_on():
    names = ["secret-statement.pdf", "secret-notes.docx", "secret-keys.xlsx", "secret-slides.pptx", "secret-letter.odt"]
    result = guard_message(subject="files", text="see attached", html=None, ocr=False,
                           attachments=[(name, "application/octet-stream", fixture(name)) for name in names])
    dumped = text_of(result)
    for secret in [*phrase_windows(PHRASE), *phrase_windows(PHRASE_ZH), WIF, API_SECRET, PASSWORD]:
        assert secret not in dumped
    assert all(a.holds_secret for a in result.attachments)
