"""Never store a secret, whatever it is wrapped in: a recovery phrase, a private key, an API secret or
a password inside a PDF, an Office or OpenDocument file, a zip or tar.gz, or in a file's name,
mailed in or uploaded in the portal, or pasted by an agent into an internal note, leaves no trace in
any database column, in the database file or in the attachment storage."""

from __future__ import annotations

import gzip
import io
import logging
import re
import tarfile
import zipfile
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import connection
from pypdf import PdfReader

from bridgedesk.desk.actions.customer_files import Upload
from bridgedesk.desk.actions.customers import customer_reply
from bridgedesk.desk.actions.tickets import add_note
from bridgedesk.desk.models import Attachment, Message, Ticket, TicketEvent
from tests.desk.helpers import build_mail, drain, receive
from tests.desk.processing.test_no_secret_stored import all_database_text
from tests.files import API_SECRET, PASSWORD, PHRASE, PHRASE_ZH, WIF, fixture, phrase_windows

pytestmark = pytest.mark.django_db(transaction=True)

SECRETS = [*phrase_windows(PHRASE), *(w.replace(" ", "_") for w in phrase_windows(PHRASE)), *phrase_windows(PHRASE_ZH),
           WIF, API_SECRET, PASSWORD]
NAMED_AFTER_PHRASE = PHRASE.replace(" ", "_") + ".pdf"


def zip_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def tar_gz_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


# (file name, declared type, bytes, stored quarantine reason); "" means an agent may open it.
FILES = [
    ("statement.pdf", "application/pdf", fixture("secret-statement.pdf"), "secret_in_file"),
    ("notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fixture("secret-notes.docx"),
     "secret_in_file"),
    ("bot.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fixture("secret-keys.xlsx"), "secret_in_file"),
    ("login.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", fixture("secret-slides.pptx"),
     "secret_in_file"),
    ("信.odt", "application/vnd.oasis.opendocument.text", fixture("secret-letter.odt"), "secret_in_file"),
    ("backup.zip", "application/zip", zip_of([("wallet/words.txt", f"{PHRASE}\n".encode())]), "secret_in_file"),
    ("keys.tar.gz", "application/gzip", tar_gz_of("paper.txt", f"WIF {WIF}\n".encode()), "secret_in_file"),
    ("locked.zip", "application/zip", fixture("encrypted.zip"), "archive-encrypted"),
    (NAMED_AFTER_PHRASE, "application/pdf", fixture("clean-statement.pdf"), ""),
    ("回单.pdf", "application/pdf", fixture("clean-statement.pdf"), ""),
]


def mail_with(files: list[tuple[str, str, bytes, str]]) -> bytes:
    msg = EmailMessage()
    base = message_from_bytes(build_mail(subject="wallet files", body="All my files are attached, please help."),
                              policy=policy.default)
    for name, value in base.items():
        msg[name] = value
    msg.set_content(base.get_content())
    for filename, ctype, data, _ in files:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes(policy=policy.SMTP)


def readable(data: bytes) -> str:
    """What a person could read in stored bytes: zips and gzip unpacked, PDF pages extracted, XML tags dropped."""
    pieces = [_words(data.decode("utf-8", "replace"))]
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.flag_bits & 1:
                    pieces.append(readable(archive.read(info)))
    elif data.startswith(b"\x1f\x8b"):
        pieces.append(readable(gzip.decompress(data)))
    elif data.startswith(b"%PDF-"):
        pieces += [_words(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]
    return "\n".join(pieces)


def _words(text: str) -> str:
    """Markup dropped and white space squashed, so "<w:t>letter</w:t> <w:t>advice</w:t>" reads "letter advice"."""
    return re.sub(r"\s+", " ", re.sub(r"<[^<>]*>", "", text))


def stored_files_text() -> str:
    root = Path(default_storage.location)
    return "\n".join(readable(path.read_bytes()) for path in root.rglob("*") if path.is_file())


def database_file_bytes() -> bytes:
    connection.close()   # let the WAL be checkpointed into the file we read
    return b"".join(p.read_bytes() for p in Path(settings.DATA_DIR).glob("*.sqlite3*") if p.is_file())


def assert_no_secret_stored() -> None:
    rows, files = all_database_text(), stored_files_text()
    for secret in SECRETS:
        assert secret not in rows, f"{secret!r} is in the database"
        assert secret not in files, f"{secret!r} is in the attachment storage"
    if connection.vendor == "sqlite":
        blob = database_file_bytes()
        for secret in SECRETS:
            assert secret.encode() not in blob, f"{secret!r} is in the database file"


def test_a_mail_with_secrets_in_every_kind_of_attachment_stores_none_of_them(desk_config, caplog):
    caplog.set_level(logging.DEBUG)
    receive(mail_with(FILES))
    drain()
    ticket = Ticket.objects.get()
    rows = list(Attachment.objects.order_by("id"))
    assert [row.quarantine_reason for row in rows] == [reason for *_, reason in FILES]
    for row in rows:
        # A file that holds a secret keeps its row (the agent sees it was sent) and loses its bytes.
        assert (row.storage_name == "") == (row.quarantine_reason == "secret_in_file")
        assert row.size > 0
    renamed = rows[-2]
    assert renamed.filename == "[REDACTED:seed_phrase].pdf" and renamed.sniffed_type == "application/pdf"
    assert rows[-1].filename == "回单.pdf" and rows[0].filename == "statement.pdf"
    message = ticket.messages.get(direction="in")
    locations = {s["location"] for s in message.secrets}
    assert {"attachment:statement.pdf", "attachment:notes.docx", "attachment:backup.zip",
            "attachment:[REDACTED:seed_phrase].pdf"} <= locations
    assert TicketEvent.objects.filter(ticket=ticket, kind="secret_redacted").exists()
    assert ticket.queue == "security" and "secret_leaked:seed_phrase" in ticket.tags
    assert not any(secret in caplog.text for secret in SECRETS)
    assert_no_secret_stored()


def test_a_portal_upload_with_a_secret_inside_or_in_its_name_stores_none_of_it(desk_config):
    receive(build_mail(subject="Withdrawal failed", body="My withdrawal failed twice."))
    drain()
    ticket = Ticket.objects.get()
    uploads = [Upload("notes.docx", "application/octet-stream", fixture("secret-notes.docx")),
               Upload(f"{PHRASE}.txt", "text/plain", b"the file name says it all\n"),
               Upload("回单.pdf", "application/pdf", fixture("clean-statement.pdf"))]
    message = customer_reply(ticket, ticket.requester, text="here are my files", uploads=uploads, ocr=False)
    docx, named, pdf = message.attachments.order_by("id")
    assert (docx.quarantine_reason, docx.storage_name) == ("secret_in_file", "")
    assert named.filename == "[REDACTED:seed_phrase].txt" and named.storage_name
    assert (pdf.quarantine_reason, pdf.filename) == ("", "回单.pdf") and pdf.storage_name
    assert_no_secret_stored()


def test_a_phrase_pasted_into_an_internal_note_is_redacted_and_the_removal_recorded(desk_config):
    receive(build_mail(subject="Locked out", body="I cannot sign in."))
    drain()
    ticket = Ticket.objects.get()
    agent = get_user_model().objects.create_user("mei", password="pw-mei-1", is_staff=True)
    note = add_note(ticket, text=f"Customer read me their words on the phone: {PHRASE}. Told them to move funds.", author=agent)
    note.refresh_from_db()
    assert note.direction == Message.Direction.NOTE and "[REDACTED:seed_phrase]" in note.text
    assert "Told them to move funds." in note.text
    assert note.secrets == [{"type": "seed_phrase", "location": "note"}]
    event = TicketEvent.objects.get(ticket=ticket, kind="secret_redacted")
    assert event.data["message"] == note.pk and event.actor == agent
    assert_no_secret_stored()


def test_a_note_without_a_secret_is_stored_as_written(desk_config):
    receive(build_mail(subject="Deposit", body="USDT deposit missing."))
    drain()
    ticket = Ticket.objects.get()
    agent = get_user_model().objects.create_user("li", password="pw-li-1", is_staff=True)
    note = add_note(ticket, text="Checked txid 0xabc on the explorer; waiting for 12 confirmations.", author=agent)
    assert note.text == "Checked txid 0xabc on the explorer; waiting for 12 confirmations." and note.secrets == []
    assert not TicketEvent.objects.filter(kind="secret_redacted").exists()
