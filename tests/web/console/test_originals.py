"""Sealed raw originals: only the security role opens them, each opening is audited."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest
from cryptography.fernet import Fernet

from bridgedesk.desk.models import AuditEvent, Message, Ticket
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)
SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"


@pytest.fixture
def sealed_ticket(desk_config):
    desk_config(f'[retention]\nraw_days = 7\nencryption_key = "{Fernet.generate_key().decode()}"\n')
    [ticket] = make_tickets(mail("钱包被盗 wallet drained", f"My seed phrase is {SEED} please help"))
    message = Message.objects.get(ticket=ticket, direction="in")
    assert message.inbound.raw_encrypted, "retention is on: the original is sealed"
    return ticket, message


def test_security_role_downloads_the_original_and_is_audited(make_agent, sealed_ticket):
    ticket, message = sealed_ticket
    security = make_agent("sec", role="security")
    page = security.get(f"/tickets/{ticket.number}/").content.decode()
    url = f"/tickets/{ticket.number}/messages/{message.pk}/original"
    assert url in page
    response = security.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream" and response["Content-Disposition"].startswith("attachment;")
    original = message_from_bytes(response.content, policy=policy.default)
    assert SEED in original.get_body(("plain",)).get_content(), "the sealed original is the mail as received"
    audit = AuditEvent.objects.get(action="view_original", ticket=ticket)
    assert audit.actor == security.user and audit.data["message"] == message.pk


@pytest.mark.parametrize("role", ["agent", "supervisor", "admin"])
def test_other_roles_never_see_the_original(make_agent, sealed_ticket, role):
    ticket, message = sealed_ticket
    Ticket.objects.filter(pk=ticket.pk).update(queue="funding")   # so every role can open the ticket itself
    client = make_agent(f"{role}-1", role=role)
    url = f"/tickets/{ticket.number}/messages/{message.pk}/original"
    assert client.get(f"/tickets/{ticket.number}/").status_code == 200
    assert url not in client.get(f"/tickets/{ticket.number}/").content.decode()
    assert client.get(url).status_code == 404
    assert not AuditEvent.objects.filter(action="view_original").exists()
