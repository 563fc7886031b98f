"""The minimal agent views: sign-in required, tickets listed, timeline shown, content escaped."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from bridgedesk.desk.models import InboundMessage, Ticket
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def agent_client(client):
    user = get_user_model().objects.create_user("agent", password="agent-copper-lantern-47", is_staff=True)
    client.force_login(user)
    return client


def test_ticket_pages_need_a_staff_sign_in(client, desk_config):
    receive(build_mail())
    drain()
    number = Ticket.objects.get().number
    for url in ("/tickets/", f"/tickets/{number}/", "/inbound/parked/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    customer_like = get_user_model().objects.create_user("customer", password="customer-copper-lantern-47", is_staff=False)
    client.force_login(customer_like)
    assert client.get(f"/tickets/{number}/").status_code == 302


def test_agent_sees_tickets_and_the_timeline(agent_client, desk_config):
    receive(build_mail(subject="充值没到账", body="我的 USDT 充值没到账，用户ID 27351856"))
    drain()
    ticket = Ticket.objects.get()
    listing = agent_client.get("/tickets/").content.decode()
    assert ticket.number in listing and "充值没到账" in listing
    page = agent_client.get(f"/tickets/{ticket.number}/").content.decode()
    assert "我的 USDT 充值没到账" in page
    assert "triage" in page, "system events are on the timeline"
    assert agent_client.get("/tickets/KX-999999/").status_code == 404


def test_hostile_subject_and_body_are_escaped(agent_client, desk_config):
    receive(build_mail(subject="<script>alert(1)</script>", body='<img src=x onerror="alert(2)"> hello'))
    drain()
    ticket = Ticket.objects.get()
    for url in ("/tickets/", f"/tickets/{ticket.number}/"):
        html = agent_client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert '<img src=x onerror="alert(2)">' not in html
        assert "&lt;script&gt;" in html


def test_parked_messages_are_listed_for_agents(agent_client, desk_config):
    InboundMessage.objects.create(source="smtp", raw=b"x", sha256="0" * 64, state="parked", attempts=5, stage="understand", last_error="RuntimeError in stage understand")
    assert "1 message(s) could not be processed" in agent_client.get("/tickets/").content.decode()
    assert "RuntimeError in stage understand" in agent_client.get("/inbound/parked/").content.decode()
