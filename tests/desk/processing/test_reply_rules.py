"""One set of customer-reply rules for every channel: a reply from the portal changes its ticket
exactly as the same words sent by mail do (reopen, fill in what was missing, send a leaked
secret to the security team, owe the next response), and a new ticket with a leaked secret is
escalated by the same rule."""

from __future__ import annotations

import pytest
from django.utils import timezone

from bridgedesk.desk.actions import customers as customer_actions
from bridgedesk.desk.models import Ticket, TicketEvent
from bridgedesk.desk.processing.replies import CustomerMessage, apply_reply
from bridgedesk.desk.runtime import get_config
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
COMPARED = ("status", "missing", "tags", "priority", "queue", "flags", "category", "language")


def waiting_deposit_ticket(sender: str) -> Ticket:
    """A deposit ticket still missing its tx hash, answered by an agent, waiting on the customer."""
    receive(build_mail(sender=sender, subject="Deposit not credited",
                       body="I deposited 0.5 ETH yesterday and it is still not in my account."))
    drain()
    ticket = Ticket.objects.select_related("requester").get(requester__email=sender)
    assert ticket.missing == ["tx_hash"]
    Ticket.objects.filter(pk=ticket.pk).update(status=Ticket.Status.PENDING, first_responded_at=timezone.now())
    ticket.refresh_from_db()
    return ticket


def state(ticket: Ticket) -> dict[str, object]:
    ticket.refresh_from_db()
    return {name: getattr(ticket, name) for name in COMPARED} | {
        "next_response_owed": ticket.next_response_due is not None,
        "events": sorted(TicketEvent.objects.filter(ticket=ticket).exclude(kind="triage").values_list("kind", flat=True)),
    }


@pytest.mark.parametrize("words", [
    f"Here is the TxID: {TX}",
    f"TxID {TX}. My password is Hunter2-Secret! if you need to log in.",
    "Any news? It has been two days.",
])
def test_a_portal_reply_changes_the_ticket_as_the_same_mail_reply_does(desk_config, words):
    by_mail, by_portal = waiting_deposit_ticket("mail@example.com"), waiting_deposit_ticket("portal@example.com")
    receive(build_mail(sender="mail@example.com", subject=f"Re: [{by_mail.number}] Deposit not credited", body=words))
    drain()
    customer_actions.customer_reply(by_portal, by_portal.requester, text=words)
    assert state(by_portal) == state(by_mail)


def test_a_leaked_secret_escalates_new_tickets_and_portal_replies_alike(desk_config):
    receive(build_mail(sender="new@example.com", subject="Help", body="my password is Hunter2-Secret! please check my withdrawal"))
    drain()
    new = Ticket.objects.get(requester__email="new@example.com")
    replied = waiting_deposit_ticket("portal@example.com")
    customer_actions.customer_reply(replied, replied.requester, text="my password is Hunter2-Secret! please check")
    replied.refresh_from_db()
    for ticket in (new, replied):
        assert (ticket.priority, ticket.queue) == ("urgent", "security")
        assert ticket.tags == ["secret_leaked:password"]
    assert "Hunter2" not in replied.messages.get(flags=["portal"]).text


def test_an_automatic_reply_changes_nothing_whatever_else_it_carries(desk_config):
    # The one rule set, asked directly for every channel: an automatic reply from a stranger's
    # address, quoting a secret and what was missing, reopens nothing, owes nothing, fills
    # nothing in, flags no takeover and escalates nothing; it only touches updated_at.
    ticket = waiting_deposit_ticket("auto@example.com")
    before = state(ticket)
    fields, events = apply_reply(ticket, CustomerMessage(secret_types=("password",), sender_mismatch=True, auto=True),
                                 lambda: {"tx_hash"}, get_config())
    assert (fields, events) == (["updated_at"], [])
    ticket.save(update_fields=fields)
    assert state(ticket) == before
