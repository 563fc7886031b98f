"""One set of threading rules over two kinds of evidence: what a persist group read up front
(``GroupEvidence``) must lead every message it covers to the same ticket, by the same way, as
asking the database one question at a time (``StoredEvidence``)."""

from __future__ import annotations

import random

import pytest

from bridgedesk.bench.corpus import generate_corpus
from bridgedesk.desk.models import Ticket
from bridgedesk.desk.processing.threads import StoredEvidence, find_thread, gather_evidence
from bridgedesk.desk.runtime import get_config
from bridgedesk.mail.parse import parse_message
from bridgedesk.mail.quotes import split_reply
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


def decide(parsed, sender: str, evidence):  # type: ignore[no-untyped-def]
    config = get_config()
    visible = split_reply(parsed.text)[0]
    decision = find_thread(parsed, text=visible, sender=sender, prefix=config.brand.ticket_prefix,
                           duplicate_similarity=config.processing.duplicate_similarity, evidence=evidence)
    return (decision.ticket.pk if decision.ticket else None, decision.how, decision.duplicate, decision.sender_mismatch)


def stored_desk() -> list[Ticket]:
    """A desk with history: the first part of a realistic corpus, processed."""
    receive(*generate_corpus(160)[:120])
    drain()
    return list(Ticket.objects.select_related("requester").order_by("id"))


def follow_ups(tickets: list[Ticket]) -> list[bytes]:
    """Mail that exercises every rule: tags, Re: same subject, duplicates, other senders, new questions."""
    rng = random.Random(11)
    mails = generate_corpus(160)[120:]
    for ticket in rng.sample(tickets, 12):
        mails.append(build_mail(sender=ticket.requester.email, subject=f"Re: [{ticket.number}] {ticket.subject}", body="Any news?"))
        mails.append(build_mail(sender=ticket.requester.email, subject=f"Re: {ticket.subject}", body="Still waiting, please check."))
        mails.append(build_mail(sender="someone-else@example.net", subject=f"Re: [{ticket.number}]", body="This is my case now."))
    first = tickets[0].messages.filter(direction="in").first()
    assert first is not None
    mails.append(build_mail(sender=first.sender, subject=first.subject, body=first.visible_text or first.text))   # a near-copy
    rng.shuffle(mails)
    return mails


def test_group_evidence_decides_like_the_database_for_every_covered_message(desk_config):
    tickets = stored_desk()
    config = get_config()
    parsed = [parse_message(raw) for raw in follow_ups(tickets)]
    mails = [(p, (p.from_addr or "").lower()) for p in parsed]
    evidence = gather_evidence(mails, prefix=config.brand.ticket_prefix, duplicate_hours=config.processing.duplicate_hours)
    stored = StoredEvidence(config.processing.duplicate_hours)
    assert len(evidence.covered) > len(mails) // 2, "the group must cover most of its messages for this to test anything"
    outcomes = set()
    for position in sorted(evidence.covered):
        p, sender = mails[position]
        from_group, from_database = decide(p, sender, evidence), decide(p, sender, stored)
        assert from_group == from_database, f"message {position} ({p.subject!r}) threads differently"
        outcomes.add(from_group[1])
    assert {"tag", "duplicate", "requester_subject", "new"} <= outcomes, outcomes
