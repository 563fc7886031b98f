"""Object-level access: every ticket URL, as the wrong agent, is a 404; security is for its roles."""

from __future__ import annotations

import pytest

from bridgedesk.desk.models import Message, Ticket, TicketEvent
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)

GET_URLS = ("/tickets/{n}/", "/tickets/{n}/?macro=1", "/tickets/{n}/state.json",
            "/tickets/{n}/messages/{m}/html", "/tickets/{n}/messages/{m}/original")
POST_URLS = {
    "/tickets/{n}/reply/": {"text": "Hello, your deposit is credited."},
    "/tickets/{n}/note/": {"text": "internal"},
    "/tickets/{n}/status/": {"status": "solved"},
    "/tickets/{n}/assign/": {"assignee": ""},
    "/tickets/{n}/triage/": {"category": "deposit", "priority": "low", "queue": "general"},
    "/tickets/{n}/merge/": {"target": "KX-000000"},
}


@pytest.fixture
def funding_and_security(desk_config):
    funding, security = make_tickets(
        mail("Deposit not credited", "My USDT deposit has not arrived.", sender="a@example.com"),
        mail("Account stolen", "Someone took over my account.", sender="b@example.com"),
    )
    Ticket.objects.filter(pk=funding.pk).update(queue="funding")
    Ticket.objects.filter(pk=security.pk).update(queue="security")
    return Ticket.objects.get(pk=funding.pk), Ticket.objects.get(pk=security.pk)


def _assert_untouched(ticket: Ticket, messages: int, events: int) -> None:
    fresh = Ticket.objects.get(pk=ticket.pk)
    assert (fresh.status, fresh.priority, fresh.queue, fresh.assignee_id) == (ticket.status, ticket.priority, ticket.queue, ticket.assignee_id)
    assert Message.objects.filter(ticket=ticket).count() == messages
    assert TicketEvent.objects.filter(ticket=ticket).count() == events


def test_every_ticket_url_is_404_for_an_agent_of_another_queue(make_agent, funding_and_security):
    funding, _ = funding_and_security
    outsider = make_agent("api-only", queues=("api",), role="security")   # even the security role, outside its queues
    messages, events = funding.messages.count(), funding.events.count()
    m = funding.messages.filter(direction="in").first().pk
    for url in GET_URLS:
        assert outsider.get(url.format(n=funding.number, m=m)).status_code == 404, url
    for url, data in POST_URLS.items():
        assert outsider.post(url.format(n=funding.number), data).status_code == 404, url
    _assert_untouched(funding, messages, events)
    assert funding.number not in outsider.get("/tickets/").content.decode()


def test_an_agent_of_the_queue_sees_the_ticket(make_agent, funding_and_security):
    funding, _ = funding_and_security
    insider = make_agent("funder", queues=("funding",))
    assert insider.get(f"/tickets/{funding.number}/").status_code == 200


def test_security_queue_only_for_security_and_admin_roles(make_agent, funding_and_security):
    _, security = funding_and_security
    url = f"/tickets/{security.number}/"
    for role in ("agent", "supervisor"):
        client = make_agent(f"{role}-1", role=role)
        assert client.get(url).status_code == 404, role
        assert client.post(url + "note/", {"text": "x"}).status_code == 404, role
        assert security.number not in client.get("/tickets/").content.decode()
    for role in ("security", "admin"):
        assert make_agent(f"{role}-1", role=role).get(url).status_code == 200, role


def test_merge_target_must_be_visible_too(make_agent, funding_and_security):
    funding, security = funding_and_security
    agent = make_agent("funder", queues=("funding",))
    before = Message.objects.filter(ticket=security).count()
    assert agent.post(f"/tickets/{funding.number}/merge/", {"target": security.number}).status_code == 404
    assert Message.objects.filter(ticket=security).count() == before


def test_non_staff_are_sent_to_sign_in(client, funding_and_security):
    funding, _ = funding_and_security
    for url in (*GET_URLS, *POST_URLS):
        target = url.format(n=funding.number, m=1)
        response = client.post(target) if url in POST_URLS else client.get(target)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_escalated_tickets_reach_supervisors_of_a_queue_but_not_its_agents(make_agent, funding_and_security):
    funding, _ = funding_and_security
    Ticket.objects.filter(pk=funding.pk).update(queue="supervisor")
    url = f"/tickets/{funding.number}/"
    assert make_agent("funder", queues=("funding",)).get(url).status_code == 404
    assert make_agent("lead", role="supervisor", queues=("funding",)).get(url).status_code == 200
