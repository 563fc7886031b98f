"""Replies of a persist group written in bulk (the reply lane) must change their tickets exactly as
the one-by-one path does: reopen, fill in what was missing, flag another sender, escalate a
leaked secret, owe a next response, leave a duplicate's place in the queue alone; and a whole
realistic corpus must end in the same state with the lanes as without them."""

from __future__ import annotations

import hashlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bridgedesk.bench.corpus import generate_corpus
from bridgedesk.desk.models import InboundMessage, Message, OutboxMail, Ticket, TicketEvent
from bridgedesk.desk.processing import pipeline
from bridgedesk.desk.processing.failures import record_stage_failure
from bridgedesk.desk.processing.pipeline import process_batch
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"


def open_tickets(count: int) -> list[Ticket]:
    """``count`` deposit tickets from different customers, each still missing its tx hash."""
    receive(*(build_mail(sender=f"user{n}@example.com", subject=f"Deposit not credited {n}",
                         body="I deposited 0.5 ETH yesterday and it is still not in my account.") for n in range(count)))
    drain()
    tickets = list(Ticket.objects.select_related("requester").order_by("requester__email"))
    assert len(tickets) == count and all(t.missing == ["tx_hash"] for t in tickets)
    return tickets


def answered(ticket: Ticket, status: str) -> None:
    """As if an agent had answered: the first response is paid, the ticket waits on the customer."""
    Ticket.objects.filter(pk=ticket.pk).update(status=status, first_responded_at=timezone.now())


def test_replies_in_one_group_are_written_together_with_the_one_by_one_rules(desk_config):
    tickets = open_tickets(6)
    for ticket in tickets[:3]:
        answered(ticket, Ticket.Status.PENDING)
    answered(tickets[3], Ticket.Status.SOLVED)
    replies = [build_mail(sender=t.requester.email, subject=f"Re: [{t.number}] Deposit not credited", body=f"Here is the TxID: {TX[:-2]}{n:02d}")
               for n, t in enumerate(tickets[:4])]
    replies.append(build_mail(sender="mallory@example.net", subject=f"Re: [{tickets[4].number}] Deposit", body="Please send the refund to my new address."))
    replies.append(build_mail(sender=tickets[5].requester.email, subject=f"Re: [{tickets[5].number}] Deposit",
                              body="My password is Hunter2-Secret! in case you need to log in."))
    ids = receive(*replies)
    with CaptureQueriesContext(connection) as captured:
        counts = process_batch(ids, on_failure=record_stage_failure)
    assert counts == {"tag": 6}
    assert len(captured) < 30, f"{len(captured)} queries for six replies: the lane is not bulk"
    for ticket in tickets:
        ticket.refresh_from_db()
    assert [t.status for t in tickets[:4]] == ["open"] * 4                      # reopened
    assert all(t.missing == [] for t in tickets[:4])                             # the tx hash arrived
    assert all(t.next_response_due is not None for t in tickets[:4])             # answered before: a response is owed
    assert TicketEvent.objects.filter(kind="missing_updated").count() == 4
    assert "possible_hijack" in tickets[4].flags and tickets[4].missing == ["tx_hash"]
    assert TicketEvent.objects.filter(ticket=tickets[4], kind="sender_mismatch").exists()
    assert tickets[5].queue == "security" and tickets[5].priority == "urgent"
    assert any(tag.startswith("secret_leaked:") for tag in tickets[5].tags)
    assert tickets[5].next_response_due is None                                  # never answered: nothing owed yet
    rows = InboundMessage.objects.filter(pk__in=ids)
    assert {(r.state, r.outcome, r.raw, r.last_error) for r in rows} == {("done", "tag", None, "")}
    assert all(abs((timezone.now() - r.processed_at).total_seconds()) < 60 for r in rows)
    assert {r.ticket_id for r in rows} == {t.pk for t in tickets}
    assert OutboxMail.objects.filter(kind="auto_ack").count() == 6               # replies are not acknowledged


def test_a_duplicate_in_the_lane_keeps_its_place_in_the_queue(desk_config):
    body = "Hello, I sent 2 ETH to my deposit address four hours ago and it is still not credited. Please check."
    receive(build_mail(subject="ETH deposit missing", body=body))
    drain()
    ticket = Ticket.objects.get()
    due, status = ticket.first_response_due, ticket.status
    ids = receive(build_mail(subject="ETH deposit missing!!", body=body + "\n"),
                  build_mail(sender="bob@example.com", subject="API key question", body="How do I restrict my API key to one IP?"))
    assert process_batch(ids, on_failure=record_stage_failure) == {"duplicate": 1, "new_ticket": 1}
    ticket.refresh_from_db()
    assert (ticket.first_response_due, ticket.status) == (due, status)
    assert ticket.messages.filter(direction="in").order_by("-id").first().flags == ["duplicate"]


def test_a_reply_stays_behind_an_earlier_one_by_one_message_to_its_ticket(desk_config):
    [ticket] = open_tickets(1)
    requester = ticket.requester.email
    ids = receive(
        build_mail(sender=requester, subject=f"Re: [{ticket.number}] Deposit", body=f"TxID {TX}"),   # one by one: its
        build_mail(sender=requester, subject="API key question", body="How do I restrict my API key?"),  # sender writes twice
        build_mail(sender="colleague@example.com", subject=f"Re: [{ticket.number}] Deposit", body="I can confirm the deposit."),
    )
    assert process_batch(ids, on_failure=record_stage_failure) == {"tag": 2, "new_ticket": 1}
    senders = list(ticket.messages.filter(direction="in").order_by("id").values_list("sender", flat=True))
    assert senders == [requester, requester, "colleague@example.com"]      # arrival order, not lane first


def test_a_failing_reply_lane_falls_back_one_by_one(desk_config, monkeypatch):
    tickets = open_tickets(3)
    real, calls = pipeline.write_replies, []

    def write_then_fail(*args, **kwargs):
        calls.append(1)
        real(*args, **kwargs)             # rows written, then the savepoint must undo them
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "write_replies", write_then_fail)
    ids = receive(*(build_mail(sender=t.requester.email, subject=f"Re: [{t.number}] Deposit", body=f"TxID {TX}") for t in tickets))
    assert process_batch(ids, on_failure=record_stage_failure) == {"tag": 3}
    assert calls, "the reply lane was tried"
    assert Message.objects.filter(direction="in").count() == 6
    assert TicketEvent.objects.filter(kind="missing_updated").count() == 3
    assert set(InboundMessage.objects.filter(pk__in=ids).values_list("state", "outcome")) == {("done", "tag")}


def corpus_state() -> dict:
    """Everything threading and reply handling decide, keyed so two runs compare (no ids, no times)."""
    first_in = {}
    for ticket_id, identity in Message.objects.filter(direction="in").order_by("id").values_list("ticket_id", "identity"):
        first_in.setdefault(ticket_id, identity)
    tickets = {}
    for t in Ticket.objects.all():
        timeline = list(t.messages.filter(direction="in").order_by("id").values_list("identity", "flags"))
        events = sorted(TicketEvent.objects.filter(ticket=t).values_list("kind", flat=True))
        tickets[first_in[t.pk]] = (t.status, t.category, t.priority, t.queue, sorted(t.flags), sorted(t.tags), t.missing,
                                   t.first_response_due is not None, t.next_response_due is not None, timeline, events,
                                   OutboxMail.objects.filter(ticket=t, kind="auto_ack").count())
    inbound = sorted((r.sha256, r.message_id_header, r.state, r.outcome, first_in.get(r.ticket_id))
                     for r in InboundMessage.objects.all())
    return {"tickets": tickets, "inbound": inbound}


def run_corpus(messages: list[bytes]) -> dict:
    """Hand the corpus in by batches; between batches an agent answers every third ticket
    (chosen by content, the same in every run) so that replies reopen and owe responses."""
    for start in range(0, len(messages), 64):
        receive(*messages[start:start + 64])
        drain()
        for ticket in Ticket.objects.filter(status=Ticket.Status.NEW, first_responded_at__isnull=True):
            opening = ticket.messages.filter(direction="in").order_by("id").first()
            if int(hashlib.sha256(opening.identity.encode()).hexdigest(), 16) % 3 == 0:
                answered(ticket, Ticket.Status.PENDING)
    return corpus_state()


def forget_everything() -> None:
    """Empty the database and restart its id sequences: the corpus's tagged replies name ticket
    numbers, which come from ids, so both runs must number their tickets alike."""
    call_command("flush", interactive=False, verbosity=0)


def test_the_corpus_ends_the_same_with_and_without_the_reply_lane(desk_config, monkeypatch):
    messages = generate_corpus(320, seed=7)
    forget_everything()     # earlier tests on this database may have advanced the id sequences
    with_lane = run_corpus(messages)
    lane_replies = InboundMessage.objects.filter(outcome__in=("references", "tag", "requester_subject", "duplicate")).count()
    assert lane_replies >= 20, "the corpus has replies"
    forget_everything()
    real = pipeline.plan_lanes
    monkeypatch.setattr(pipeline, "plan_lanes", lambda *args: (real(*args)[0], []))   # replies one by one
    one_by_one = run_corpus(messages)
    assert with_lane["inbound"] == one_by_one["inbound"]
    assert with_lane["tickets"] == one_by_one["tickets"]


# The marks real auto-responders put on their answers: (subject before the tag, headers).
OUT_OF_OFFICE = {
    "rfc3834": ("Re:", {"Auto-Submitted": "auto-replied (vacation)"}),
    "x-autoreply": ("Re:", {"X-Autoreply": "yes"}),
    "x-autorespond": ("Re:", {"X-Autorespond": "vacation"}),
    "precedence": ("Re:", {"Precedence": "auto_reply"}),
    "exchange": ("Automatic reply:", {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All",
                                      "X-MS-Exchange-Inbox-Rules-Loop": "alice.work@corp.example"}),
    "chinese": ("自动回复:", {"X-Auto-Response-Suppress": "All"}),
}


def reply_state(ticket: Ticket) -> dict[str, object]:
    """What a reply may change on its ticket (all but updated_at) and the events it may add."""
    ticket.refresh_from_db()
    fields = ("status", "missing", "flags", "tags", "priority", "queue", "first_response_due", "next_response_due",
              "resolution_due", "sla_due")
    return {name: getattr(ticket, name) for name in fields} | {
        "events": sorted(TicketEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))}


@pytest.mark.parametrize("kind", sorted(OUT_OF_OFFICE))
def test_an_auto_reply_is_recorded_quietly_by_the_lane_and_one_by_one_alike(desk_config, monkeypatch, kind):
    # An out-of-office carrying our tag, sent from the customer's work address and quoting the
    # tx hash we asked for, is recorded on the timeline flagged auto and changes nothing: the
    # ticket stays waiting, still missing the hash, no response owed, no takeover suspected.
    tickets = open_tickets(2)
    for ticket in tickets:
        answered(ticket, Ticket.Status.PENDING)
    before = [reply_state(ticket) for ticket in tickets]
    prefix, headers = OUT_OF_OFFICE[kind]

    def out_of_office(ticket: Ticket) -> bytes:
        return build_mail(sender="alice.work@corp.example", subject=f"{prefix} [{ticket.number}] Deposit not credited",
                          body=f"I am out of the office until 3 March.\n\nYour message: please send the TxID {TX}", headers=headers)

    real_write, lane = pipeline.write_replies, []
    monkeypatch.setattr(pipeline, "write_replies", lambda plans, *args: (lane.append(len(plans)), real_write(plans, *args)))
    assert process_batch(receive(out_of_office(tickets[0])), on_failure=record_stage_failure) == {"tag": 1}
    assert lane == [1], "the first went by the reply lane"
    real_plan = pipeline.plan_lanes
    monkeypatch.setattr(pipeline, "plan_lanes", lambda *args: (real_plan(*args)[0], []))   # replies one by one
    assert process_batch(receive(out_of_office(tickets[1])), on_failure=record_stage_failure) == {"tag": 1}
    assert lane == [1], "the second went one by one"
    assert [reply_state(ticket) for ticket in tickets] == before
    for ticket in tickets:
        recorded = ticket.messages.filter(direction="in").latest("id")
        assert recorded.is_auto and recorded.flags == ["auto"] and "out of the office" in recorded.text
    assert OutboxMail.objects.count() == 2, "only the two acknowledgements: an auto-reply is never answered"
