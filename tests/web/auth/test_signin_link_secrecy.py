"""No page shows a working portal sign-in link; the mail the customer receives still signs them in.

A sign-in link signs anyone who holds it in as the customer. Its outbox row is read by people
(the admin lists every outgoing mail) and kept after sending, so nothing stored or shown may be
a usable link: whatever a reader of the admin or the console can copy must be refused by the
sign-in page, while the link in the mail actually delivered works.
"""

from __future__ import annotations

import mailbox
import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bridgedesk.desk.models import Customer, OutboxMail
from tests.desk.helpers import drain
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)
# Anything a reader could paste after /portal/signin/, and anything shaped like a signed token
# (TimestampSigner: value:timestamp:signature) wherever it stands on a page.
LINK = re.compile(r"/portal/signin/([^/\s\"'<>]+)/")
SIGNED = re.compile(r"[\w-]+(?::[\w-]+)*:[0-9A-Za-z]{5,}:[\w-]{20,}")
MODEL_LIST = re.compile(r'href="(/admin/[a-z_]+/[a-z_]+/)"')
OBJECT_PAGE = re.compile(r'href="(/admin/[a-z_]+/[a-z_]+/\d+/change/)"')


def verified_admin() -> Client:
    """An admin who signed in with the password and the authenticator's code."""
    user = get_user_model().objects.create_superuser("root", password="pw-root-good-1")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    assert client.post("/accounts/login/", {"username": "root", "password": "pw-root-good-1"}).status_code == 302
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post("/accounts/otp/", {"token": code}).status_code == 302
    return client


def admin_pages(client: Client) -> dict[str, str]:
    """Every model list of the admin and every object page they link to: path -> HTML."""
    seen: dict[str, str] = {}
    queue = ["/admin/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = response.content.decode()
        if path == "/admin/" or not path.endswith("/change/"):
            queue += MODEL_LIST.findall(seen[path]) + OBJECT_PAGE.findall(seen[path])
    return seen


def console_pages(client: Client, number: str) -> dict[str, str]:
    paths = ("/tickets/", f"/tickets/{number}/", "/search/?q=li%40example.com", "/inbound/parked/")
    return {path: client.get(path).content.decode() for path in paths}


def copyable_tokens(html: str) -> set[str]:
    return set(LINK.findall(html)) | set(SIGNED.findall(html))


def delivered_link(to: str) -> str:
    """The sign-in path from the mail the delivery job sent (the data directory's Maildir)."""
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    for raw in box:
        message = message_from_bytes(bytes(raw), policy=policy.default)
        if str(message["To"]) == to and "sign-in" in str(message["Subject"]):
            return f"/portal/signin/{LINK.findall(message.get_body(('plain',)).get_content())[0]}/"   # type: ignore[union-attr]
    raise AssertionError(f"no sign-in mail was sent to {to}")


@pytest.fixture(autouse=True)
def empty_sent_box():
    mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True).clear()


def test_no_page_shows_a_usable_link_but_the_sent_mail_signs_the_customer_in(desk_config):
    [ticket] = make_tickets(mail("充值没到账", "我的 USDT 充值没到账", sender="li@example.com"))
    assert Client().post("/portal/", {"email": "li@example.com"}).status_code == 200
    staff = verified_admin()
    pages = {**admin_pages(staff), **console_pages(staff, ticket.number)}
    row = OutboxMail.objects.get(kind="portal_link")
    assert f"/admin/desk/outboxmail/{row.pk}/change/" in pages, "the outbox row's own page was read"
    stored = f"{row.text} {row.subject} {bytes(row.raw or b'').decode()}"
    copied = set().union(*(copyable_tokens(html) for html in pages.values())) | copyable_tokens(stored)
    assert copied, "the link's place in the mail is visible, only its token is not"
    for token in copied:
        attempt = Client()
        assert attempt.post(f"/portal/signin/{token}/").status_code == 400, f"{token!r} from a page signed someone in"
        assert "portal_customer" not in attempt.session

    drain()
    customer = Client()
    assert customer.post(delivered_link("li@example.com"))["Location"] == "/portal/tickets/"
    assert customer.session["portal_customer"] == Customer.objects.get(email="li@example.com").pk
    assert ticket.number in customer.get("/portal/tickets/").content.decode()
    row.refresh_from_db()
    assert row.state == OutboxMail.State.SENT and not copyable_tokens(row.text) - copied, "sending wrote no token back"
