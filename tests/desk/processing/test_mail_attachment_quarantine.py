"""A program attached to an email is stored quarantined: agents never get it, only the security role does."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from bridgedesk.desk.models import Attachment
from tests.desk.helpers import build_mail, drain, receive
from tests.files import fixture  # a real PDF: one no reader can open is quarantined as unreadable

pytestmark = pytest.mark.django_db(transaction=True)

PE_HEADER = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 200


def mail_with(files: list[tuple[str, str, bytes]]) -> bytes:
    msg = EmailMessage()
    base = message_from_bytes(build_mail(subject="发票 / invoice", body="请查看附件，我的充值还没有到账。"), policy=policy.default)
    for name, value in base.items():
        msg[name] = value
    msg.set_content(base.get_content())
    for filename, ctype, data in files:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes(policy=policy.SMTP)


def test_an_emailed_program_is_quarantined_and_a_pdf_is_not(desk_config):
    receive(mail_with([("invoice.exe", "application/octet-stream", PE_HEADER),
                       ("发票.pdf", "application/pdf", fixture("clean-statement.pdf"))]))
    drain()
    rows = {a.filename: a for a in Attachment.objects.all()}
    assert rows["invoice.exe"].quarantine_reason == "executable"
    assert rows["发票.pdf"].quarantine_reason == ""


def test_a_program_disguised_as_a_pdf_is_quarantined_by_its_bytes(desk_config):
    receive(mail_with([("statement.pdf", "application/pdf", PE_HEADER)]))
    drain()
    assert Attachment.objects.get().quarantine_reason == "executable"
