"""The probe's spoofed sender, end to end: an encoded display name that says "Dave <dave@...>"
must not put the mail in Dave's name, in his open ticket or in a new one."""

from __future__ import annotations

import base64
import mailbox
from pathlib import Path

import pytest
from django.conf import settings

from bridgedesk.desk.models import Message, Ticket, TicketEvent
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

DAVE = "dave@d.example"
ATTACKER = "attacker@evil.example"
SPOOFED_FROM = b"=?UTF-8?B?" + base64.b64encode(b"Dave <dave@d.example>") + b"?= <attacker@evil.example>"
_PLACEHOLDER = b"From: placeholder@spoof.invalid\r\n"


def with_raw_from(raw_from: bytes, **kwargs) -> bytes:
    """A mail from build_mail whose From line is exactly ``raw_from`` (EmailMessage would re-encode it)."""
    raw = build_mail(sender="placeholder@spoof.invalid", **kwargs)
    assert raw.count(_PLACEHOLDER) == 1
    return raw.replace(_PLACEHOLDER, b"From: " + raw_from + b"\r\n")


def sent_to() -> list[str]:
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    return [box.get_message(key)["To"] for key in box.iterkeys()]


@pytest.fixture(autouse=True)
def clean_sent_box():
    mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True).clear()


def daves_open_ticket() -> Ticket:
    receive(build_mail(sender=DAVE, subject="Withdrawal stuck", body="My BTC withdrawal has been pending since yesterday."))
    drain()
    return Ticket.objects.get(requester__email=DAVE)


# A spoofed reply to Dave's ticket is recorded as the attacker's and flagged as a possible hijack.
def test_spoofed_reply_lands_as_the_attacker_and_is_flagged(desk_config):
    ticket = daves_open_ticket()
    receive(with_raw_from(SPOOFED_FROM, subject=f"Re: [{ticket.number}] Withdrawal stuck",
                          body="Please change the withdrawal address on my account to bc1q-new."))
    drain()
    reply = Message.objects.filter(direction="in").order_by("-id").first()
    ticket.refresh_from_db()
    assert reply.sender == ATTACKER and reply.sender_name == "Dave <dave@d.example>"
    assert "sender_mismatch" in reply.flags and "possible_hijack" in ticket.flags
    assert TicketEvent.objects.filter(ticket=ticket, kind="sender_mismatch").exists()
    assert ticket.requester.email == DAVE


# A spoofed first mail opens the attacker's ticket and acknowledges to the attacker, not to Dave.
def test_spoofed_new_mail_is_the_attackers_ticket(desk_config):
    receive(with_raw_from(SPOOFED_FROM, subject="Account locked", body="My account is locked after a password reset."))
    drain()
    ticket = Ticket.objects.get()
    assert ticket.requester.email == ATTACKER
    assert ticket.requester.name == "Dave <dave@d.example>"
    assert sent_to() == [ATTACKER]


# Raw brackets inside a would-be encoded-word make a From with two authors: no sender is taken,
# so the reply is never Dave's, and a reply nobody can be named for is flagged on his ticket.
def test_two_author_from_on_daves_ticket_is_not_dave(desk_config):
    ticket = daves_open_ticket()
    receive(with_raw_from(b"=?UTF-8?Q?Dave_<dave@d.example>,?= <attacker@evil.example>",
                          subject=f"Re: [{ticket.number}] Withdrawal stuck", body="Send the funds to my new address."))
    drain()
    reply = Message.objects.filter(direction="in").order_by("-id").first()
    ticket.refresh_from_db()
    assert reply.ticket_id == ticket.pk and reply.sender != DAVE
    assert "sender_mismatch" in reply.flags and "possible_hijack" in ticket.flags
