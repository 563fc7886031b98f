"""A ticket that moves beyond an agent's reach (a leaked secret sends it to the security queue)
must not vanish into a bare "Not Found" for the agent working on it: they are told where it
went and why, never what it holds, and a draft they were sending is handed back. Anyone who
never had it still learns nothing. The sealed-original link shows only when one is kept."""

from __future__ import annotations

import pytest

from bridgedesk.desk.models import Message, OutboxMail
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)
LEAK = "my password is Hunter2-Secret! please hurry"


@pytest.fixture
def moved_ticket(make_agent, desk_config):
    """An agent opens a deposit ticket; then the customer's reply leaks a password and it moves to security."""
    [ticket] = make_tickets(mail("Deposit not credited", "My USDT deposit has not arrived."))
    agent = make_agent("worker")
    assert agent.get(f"/tickets/{ticket.number}/").status_code == 200
    make_tickets(mail(f"Re: [{ticket.number}] Deposit not credited", LEAK))
    ticket.refresh_from_db()
    assert ticket.queue == "security"
    return agent, ticket


def test_the_agent_who_had_it_open_is_told_it_moved_and_why(moved_ticket):
    agent, ticket = moved_ticket
    response = agent.get(f"/tickets/{ticket.number}/")
    page = response.content.decode()
    assert response.status_code == 403
    assert ticket.number in page and "security" in page and "contained a secret" in page
    assert "Deposit not credited" not in page and "USDT" not in page, "the moved ticket's content stays hidden"


def test_a_reply_sent_to_a_moved_ticket_is_handed_back_unsent(moved_ticket):
    agent, ticket = moved_ticket
    before = OutboxMail.objects.count()
    response = agent.post(f"/tickets/{ticket.number}/reply/", {"text": "We credited your deposit, sorry for the wait."})
    assert response.status_code == 403
    assert "We credited your deposit" in response.content.decode()
    assert OutboxMail.objects.count() == before and not Message.objects.filter(direction="out", author=agent.user).exists()


def test_the_page_poller_learns_that_it_moved(moved_ticket):
    agent, ticket = moved_ticket
    response = agent.get(f"/tickets/{ticket.number}/state.json")
    assert response.status_code == 403 and response.json()["moved"] is True and response.json()["queue"] == "security"


def test_someone_who_never_had_it_gets_a_plain_not_found(moved_ticket, make_agent):
    _, ticket = moved_ticket
    stranger = make_agent("stranger")
    response = stranger.get(f"/tickets/{ticket.number}/")
    assert response.status_code == 404 and b"security" not in response.content


def test_no_sealed_original_link_when_nothing_is_sealed(make_agent, desk_config):
    [ticket] = make_tickets(mail("wallet", f"help, {LEAK}"))
    security = make_agent("sec", role="security")
    page = security.get(f"/tickets/{ticket.number}/").content.decode()
    assert "/original" not in page, "retention is off by default: there is no original to link to"
