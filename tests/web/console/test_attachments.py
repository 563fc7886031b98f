"""Attachments: images re-encoded for preview, other files download-only, access checked."""

from __future__ import annotations

import io
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from PIL import Image

from bridgedesk.desk.models import Attachment, Ticket
from bridgedesk.web.console.attachments import content_disposition, reencode_image, safe_filename
from tests.desk.helpers import drain, receive

pytestmark = pytest.mark.django_db(transaction=True)
HOSTILE_HTML = b"<html><body><script>alert(1)</script></body></html>"


def _png_with_trailer() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue() + b"<script>alert('polyglot')</script>"


@pytest.fixture
def ticket_with_files(desk_config):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "alice@example.com", "support@kestrel.exchange", "截图 screenshot of the failed deposit"
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content("Screenshot attached. 截图见附件。")
    msg.add_attachment(_png_with_trailer(), maintype="image", subtype="png", filename="充值截图.png")
    msg.add_attachment(HOSTILE_HTML, maintype="text", subtype="html", filename='"><img src=x onerror=alert(1)>.html')
    receive(msg.as_bytes(policy=policy.SMTP))
    drain()
    ticket = Ticket.objects.get()
    Ticket.objects.filter(pk=ticket.pk).update(queue="funding")
    return ticket


def test_image_preview_is_a_fresh_png_without_the_trailer(make_agent, ticket_with_files):
    agent = make_agent("ann")
    image = Attachment.objects.get(message__ticket=ticket_with_files, filename="充值截图.png")
    page = agent.get(f"/tickets/{ticket_with_files.number}/").content.decode()
    url = f"/tickets/{ticket_with_files.number}/attachments/{image.pk}/preview"
    assert f'<img class="preview" src="{url}"' in page
    response = agent.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"polyglot" not in response.content
    assert Image.open(io.BytesIO(response.content)).size == (40, 30)


def test_other_files_are_downloads_never_rendered(make_agent, ticket_with_files):
    agent = make_agent("ann")
    html_file = Attachment.objects.filter(message__ticket=ticket_with_files).exclude(filename="充值截图.png").get()
    base = f"/tickets/{ticket_with_files.number}/attachments/{html_file.pk}"
    assert agent.get(base + "/preview").status_code == 404
    response = agent.get(base + "/download")
    if html_file.quarantine_reason:
        assert response.status_code == 404, "quarantined files are for the security role"
        response = make_agent("sec", role="security").get(base + "/download")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream" and response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="') and "<" not in disposition and disposition.count('"') == 2


def test_attachments_are_404_for_an_agent_of_another_queue(make_agent, ticket_with_files):
    outsider = make_agent("api-only", queues=("api",))
    for attachment in Attachment.objects.filter(message__ticket=ticket_with_files):
        for kind in ("preview", "download"):
            assert outsider.get(f"/tickets/{ticket_with_files.number}/attachments/{attachment.pk}/{kind}").status_code == 404


def test_reencode_refuses_what_is_not_a_picture_and_names_are_made_safe():
    assert reencode_image(HOSTILE_HTML) is None
    assert reencode_image(b"<svg onload=alert(1)></svg>") is None
    assert safe_filename('"><img src=x>.html', "f") == "img_src_x.html"
    assert safe_filename("充值截图.png", "attachment-1") == "attachment-1.png"
    assert safe_filename("noext", "f") == "noext"
    assert content_disposition("充值截图.png", "attachment-1").endswith("filename*=UTF-8''%E5%85%85%E5%80%BC%E6%88%AA%E5%9B%BE.png")
