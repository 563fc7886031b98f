"""Portal replies with files: guarded and stored like mail attachments, seen by agents, given back
to their owner only, as downloads; limits refused with a clear message in English and Chinese."""

from __future__ import annotations

import hashlib
import io
import shutil

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from bridgedesk.bench.corpus_values import make_pdf
from bridgedesk.desk.models import Attachment, Message, Ticket, TicketEvent
from bridgedesk.web.portal.uploads import MAX_FILES_PER_REPLY
from tests.web.conftest import mail, make_tickets
from tests.web.portal.test_portal import SEED, signed_in

pytestmark = pytest.mark.django_db(transaction=True)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


PDF = make_pdf("Kestrel Exchange receipt: USDT deposit 1,250.00")   # a real PDF: an unreadable one is quarantined
PROGRAM = b"MZ\x90\x00" + b"\x00" * 200   # a Windows program, whatever its name says


@pytest.fixture
def tickets(desk_config):
    return make_tickets(mail("充值没到账", "我的 USDT 充值没到账，用户ID 27351856", sender="li@example.com"),
                        mail("Withdrawal failed", "My withdrawal failed twice.", sender="bob@example.com"))


def reply(client: Client, ticket: Ticket, text: str, *files: SimpleUploadedFile):
    return client.post(f"/portal/tickets/{ticket.number}/reply/", {"text": text, "files": list(files)})


def latest_reply(ticket: Ticket) -> Message:
    return Message.objects.filter(ticket=ticket, direction="in").latest("id")


def test_files_are_stored_content_addressed_and_shown_to_the_agent(tickets, make_agent):
    mine, _ = tickets
    li = signed_in(mine.requester)
    response = reply(li, mine, "截图和回单在附件里。",
                     SimpleUploadedFile("充值截图.png", png_bytes(), "image/png"),
                     SimpleUploadedFile("回单.pdf", PDF, "application/pdf"))
    assert response.status_code == 302
    message = latest_reply(mine)
    assert message.text == "截图和回单在附件里。" and "portal" in message.flags
    image, pdf = message.attachments.order_by("id")
    assert (image.filename, image.sniffed_type, image.quarantine_reason) == ("充值截图.png", "image/png", "")
    assert (pdf.filename, pdf.sniffed_type, pdf.size) == ("回单.pdf", "application/pdf", len(PDF))
    assert pdf.sha256 == hashlib.sha256(PDF).hexdigest() and pdf.storage_name == f"{pdf.sha256[:2]}/{pdf.sha256}"
    with default_storage.open(pdf.storage_name, "rb") as handle:
        assert handle.read() == PDF

    agent = make_agent("ann")
    page = agent.get(f"/tickets/{mine.number}/").content.decode()
    assert "充值截图.png" in page and "回单.pdf" in page
    assert f"/tickets/{mine.number}/attachments/{image.pk}/preview" in page, "images get the console's safe preview"
    preview = agent.get(f"/tickets/{mine.number}/attachments/{image.pk}/preview")
    assert preview.status_code == 200 and preview["Content-Type"] == "image/png"


def test_the_customer_downloads_their_own_file_as_an_attachment_only(tickets):
    mine, _ = tickets
    li = signed_in(mine.requester)
    reply(li, mine, "see file", SimpleUploadedFile("回单.pdf", PDF, "image/jpeg"))
    pdf = latest_reply(mine).attachments.get()
    url = f"/portal/tickets/{mine.number}/attachments/{pdf.pk}/download"
    assert url in li.get(f"/portal/tickets/{mine.number}/").content.decode()
    response = li.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/octet-stream", "never the type the uploader declared"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment; ") and "UTF-8''%E5%9B%9E%E5%8D%95.pdf" in response["Content-Disposition"]


def test_another_customer_and_strangers_cannot_fetch_it(tickets):
    mine, theirs = tickets
    reply(signed_in(mine.requester), mine, "file", SimpleUploadedFile("回单.pdf", PDF, "application/pdf"))
    pdf = latest_reply(mine).attachments.get()
    bob = signed_in(theirs.requester)
    assert bob.get(f"/portal/tickets/{mine.number}/attachments/{pdf.pk}/download").status_code == 404
    assert bob.get(f"/portal/tickets/{theirs.number}/attachments/{pdf.pk}/download").status_code == 404, \
        "the file is looked up on the ticket, not by its id alone"
    assert Client().get(f"/portal/tickets/{mine.number}/attachments/{pdf.pk}/download").status_code == 404


def test_an_internal_notes_file_is_not_the_customers(tickets):
    mine, _ = tickets
    reply(signed_in(mine.requester), mine, "file", SimpleUploadedFile("回单.pdf", PDF, "application/pdf"))
    pdf = latest_reply(mine).attachments.get()
    note = Message.objects.create(ticket=mine, direction=Message.Direction.NOTE, sender="ann", text="internal")
    Attachment.objects.filter(pk=pdf.pk).update(message=note)
    assert signed_in(mine.requester).get(f"/portal/tickets/{mine.number}/attachments/{pdf.pk}/download").status_code == 404


def test_a_program_is_quarantined_and_never_handed_out(tickets, make_agent):
    mine, _ = tickets
    li = signed_in(mine.requester)
    assert reply(li, mine, "invoice attached", SimpleUploadedFile("invoice.pdf", PROGRAM, "application/pdf")).status_code == 302
    program = latest_reply(mine).attachments.get()
    assert program.quarantine_reason == "executable" and program.sniffed_type == "application/x-msdownload"
    page = li.get(f"/portal/tickets/{mine.number}/").content.decode()
    assert "已隔离" in page and f"/attachments/{program.pk}/download" not in page
    assert li.get(f"/portal/tickets/{mine.number}/attachments/{program.pk}/download").status_code == 404
    assert make_agent("ann").get(f"/tickets/{mine.number}/attachments/{program.pk}/download").status_code == 404
    assert make_agent("sec", role="security").get(f"/tickets/{mine.number}/attachments/{program.pk}/download").status_code == 200


def test_too_large_and_too_many_files_are_refused_with_a_message(tickets, desk_config):
    mine, _ = tickets
    desk_config("[intake]\nmax_attachment_bytes = 1000\n")
    li = signed_in(mine.requester)
    big = reply(li, mine, "big one", SimpleUploadedFile("大文件.pdf", PDF + b"0" * 2000, "application/pdf"))
    text = big.content.decode().replace("\xa0", " ")
    assert big.status_code == 400
    assert "大文件.pdf is too large" in text and "1000 bytes" in text and "过大" in text
    many = reply(li, mine, "many", *(SimpleUploadedFile(f"f{i}.pdf", PDF, "application/pdf") for i in range(MAX_FILES_PER_REPLY + 1)))
    assert many.status_code == 400 and "Too many files" in many.content.decode() and "文件过多" in many.content.decode()
    empty = reply(li, mine, "  ")
    assert empty.status_code == 400 and "请填写回复内容或添加附件" in empty.content.decode()
    assert not [m for m in Message.objects.filter(ticket=mine) if "portal" in m.flags], "nothing was posted"
    assert not Attachment.objects.filter(message__ticket=mine).exists()


def test_a_leaked_recovery_phrase_is_redacted_and_the_customer_told_how_to_protect_funds(tickets):
    mine, _ = tickets
    li = signed_in(mine.requester)
    notes = SimpleUploadedFile("备份.txt", f"钱包备份：{SEED}\n".encode(), "text/plain")
    reply(li, mine, f"还没到账。我的助记词是 {SEED}", notes)
    message = latest_reply(mine)
    assert "还没到账" in message.text and "abandon abandon" not in message.text
    assert {(s["type"], s["location"]) for s in message.secrets} == {("seed_phrase", "text"), ("seed_phrase", "attachment:备份.txt")}
    stored = message.attachments.get()
    with default_storage.open(stored.storage_name, "rb") as handle:
        kept = handle.read().decode()
    assert "钱包备份" in kept and "abandon abandon" not in kept, "the file is redacted before it is stored"
    event = TicketEvent.objects.get(ticket=mine, kind="secret_redacted", data__message=message.pk)
    assert len(event.data["secrets"]) == 2
    page = li.get(f"/portal/tickets/{mine.number}/").content.decode()
    assert "新创建的钱包" in page and "Move all funds now to a NEW wallet" in page, "advice in the ticket's language and English"
    assert "abandon abandon" not in page


def test_the_reply_form_needs_the_csrf_token(tickets):
    mine, _ = tickets
    strict = Client(enforce_csrf_checks=True)
    session = signed_in(mine.requester).cookies
    strict.cookies = session
    response = strict.post(f"/portal/tickets/{mine.number}/reply/",
                           {"text": "hi", "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf")]})
    assert response.status_code == 403
    assert not Attachment.objects.filter(message__ticket=mine).exists()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_screenshot_of_the_phrase_is_read_and_its_bytes_never_kept(tickets, make_agent):
    from tests.guard.secrets.test_ocr import LATIN_FONT, render_png

    mine, _ = tickets
    words = SEED.split()
    shot = render_png(["My recovery phrase:", " ".join(words[:6]), " ".join(words[6:])], LATIN_FONT)
    reply(signed_in(mine.requester), mine, "screenshot attached", SimpleUploadedFile("wallet.png", shot, "image/png"))
    message = latest_reply(mine)
    image = message.attachments.get()
    assert (image.quarantine_reason, image.storage_name) == ("secret_in_image", "")
    assert message.secrets == [{"type": "seed_phrase", "location": "attachment:wallet.png"}]
    assert TicketEvent.objects.get(ticket=mine, kind="secret_redacted").data["ocr"] == "checked"
    assert make_agent("ann").get(f"/tickets/{mine.number}/attachments/{image.pk}/preview").status_code == 404
