"""A persist group read and written together: messages that touch a neighbour in the same group
(same sender, a reference to a neighbour) are threaded exactly as one by one, plain new tickets
are written in bulk, and a failing bulk write falls back without losing or doubling anything."""

from __future__ import annotations

import pytest

from bridgedesk.desk.models import InboundMessage, Message, OutboxMail, Ticket, TicketEvent
from bridgedesk.desk.processing import pipeline
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

DEPOSIT = "My 500 USDT deposit via TRC20 has not arrived after 3 hours, transaction sent from my wallet."


def test_neighbours_in_one_group_thread_onto_each_other(desk_config):
    first_id = "first-alice@example.com"
    receive(
        build_mail(subject="Deposit not credited", body=DEPOSIT, message_id=f"<{first_id}>"),
        build_mail(sender="bob@example.com", subject="Withdrawal stuck", body="My BTC withdrawal is pending since yesterday."),
        build_mail(subject="Deposit not credited", body=DEPOSIT),                       # a near-copy: duplicate
        build_mail(subject="more details", body="The TXID is in the screenshot I can send.", headers={"In-Reply-To": f"<{first_id}>"}),
        build_mail(sender="li@example.cn", subject="充值没到账", body="你好，我的 USDT TRC20 充值两个小时了还没到账，麻烦帮忙查一下。"),
    )
    drain()
    assert Ticket.objects.count() == 3
    alice = Ticket.objects.get(requester__email="alice@example.com")
    assert alice.messages.filter(direction="in").count() == 3
    outcomes = sorted(InboundMessage.objects.values_list("outcome", flat=True))
    assert outcomes == ["duplicate", "new_ticket", "new_ticket", "new_ticket", "references"]
    assert [m.flags for m in Message.objects.filter(direction="in")].count(["duplicate"]) == 1
    assert OutboxMail.objects.filter(kind="auto_ack").count() == 3
    assert Ticket.objects.get(requester__email="li@example.cn").language == "zh"


def test_plain_new_tickets_are_numbered_acknowledged_and_finished(desk_config):
    senders = [f"user{n}@example.com" for n in range(6)]
    receive(*(build_mail(sender=s, subject=f"Deposit question {n}", body=DEPOSIT) for n, s in enumerate(senders)))
    drain()
    tickets = list(Ticket.objects.order_by("pk"))
    assert sorted(t.requester.email for t in tickets) == senders
    assert all(t.number == f"KX-{100000 + t.pk}" for t in tickets)
    assert TicketEvent.objects.filter(kind="triage").count() == 6
    assert OutboxMail.objects.filter(kind="auto_ack").count() == 6
    rows = InboundMessage.objects.all()
    assert all(r.state == "done" and r.raw is None and r.outcome == "new_ticket" and r.ticket_id for r in rows)
    assert {r.ticket_id for r in rows} == {t.pk for t in tickets}


def test_reply_by_tag_in_a_group_of_strangers_still_threads(desk_config):
    receive(build_mail(subject="Withdrawal stuck", body="My BTC withdrawal is pending since yesterday."))
    drain()
    ticket = Ticket.objects.get()
    receive(
        build_mail(sender="carol@example.com", subject="API key question", body="How do I restrict my API key to one IP?"),
        build_mail(subject=f"Re: [{ticket.number}] Withdrawal stuck", body="Any news? It is still pending."),
    )
    drain()
    assert Ticket.objects.count() == 2
    assert ticket.messages.filter(direction="in").count() == 2
    assert InboundMessage.objects.filter(outcome="tag").count() == 1


def test_a_reply_without_tag_or_reference_in_a_group_falls_back_to_the_open_ticket_with_its_subject(desk_config):
    receive(build_mail(subject="Withdrawal stuck", body="My BTC withdrawal is pending since yesterday."),
            build_mail(sender="wang@example.cn", subject="提现没到账", body="我的 USDT 提现三个小时了还没到账。"))
    drain()
    withdrawal = Ticket.objects.get(requester__email="alice@example.com")
    chinese = Ticket.objects.get(requester__email="wang@example.cn")
    receive(
        build_mail(sender="carol@example.com", subject="API key question", body="How do I restrict my API key to one IP?"),
        build_mail(subject="Re: Withdrawal stuck", body="Still nothing, it has been two days now."),
        build_mail(sender="wang@example.cn", subject="回复：提现没到账", body="还是没有到账，请尽快处理。"),
        build_mail(sender="dave@example.com", subject="Re: Withdrawal stuck", body="Same problem here with my ETH."),
        build_mail(sender="erin@example.com", subject="Re: Deposit missing", body="Following up on my deposit."),
    )
    drain()
    assert withdrawal.messages.filter(direction="in").count() == 2       # alice's reply: her open ticket
    assert chinese.messages.filter(direction="in").count() == 2          # 回复： is a reply prefix too
    assert Ticket.objects.count() == 2 + 3                                # carol, dave (not the requester), erin
    assert InboundMessage.objects.filter(outcome="requester_subject").count() == 2


def test_failed_bulk_write_falls_back_one_by_one(desk_config, monkeypatch):
    real = pipeline.write_new_tickets
    calls = []

    def write_then_fail(*args, **kwargs):
        calls.append(1)
        real(*args, **kwargs)             # the rows are written, then the savepoint must undo them
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "write_new_tickets", write_then_fail)
    receive(*(build_mail(sender=f"u{n}@example.com", subject=f"Question {n}", body=DEPOSIT) for n in range(4)))
    drain()
    assert calls, "the bulk lane was tried"
    assert Ticket.objects.count() == 4
    assert Message.objects.filter(direction="in").count() == 4
    assert OutboxMail.objects.filter(kind="auto_ack").count() == 4
    assert set(InboundMessage.objects.values_list("state", "outcome")) == {("done", "new_ticket")}


def test_a_senders_first_message_is_written_in_bulk_and_the_second_sees_it(desk_config, monkeypatch):
    from bridgedesk.desk.processing.failures import record_stage_failure
    from bridgedesk.desk.processing.pipeline import process_batch

    real, bulk_senders = pipeline.write_new_tickets, []

    def spy(plans, *args, **kwargs):
        bulk_senders.extend(plan.sender for plan in plans)
        return real(plans, *args, **kwargs)

    monkeypatch.setattr(pipeline, "write_new_tickets", spy)
    ids = receive(build_mail(subject="Deposit not credited", body=DEPOSIT),
                  build_mail(sender="bob@example.com", subject="Withdrawal stuck", body="My BTC withdrawal is pending since yesterday."),
                  build_mail(subject="Deposit not credited!!", body=DEPOSIT + "\n"))      # alice again: a near-copy
    assert process_batch(ids, on_failure=record_stage_failure) == {"new_ticket": 2, "duplicate": 1}
    assert sorted(bulk_senders) == ["alice@example.com", "bob@example.com"]
    alice = Ticket.objects.get(requester__email="alice@example.com")
    assert [m.flags for m in alice.messages.filter(direction="in").order_by("id")] == [[], ["duplicate"]]
    assert OutboxMail.objects.filter(kind="auto_ack").count() == 2


def test_mail_without_a_sender_joins_the_one_unknown_sender_customer_in_bulk(desk_config, caplog):
    from bridgedesk.desk.models import Customer

    def anonymous(n: int) -> bytes:
        return (f"To: support@kestrel.exchange\r\nSubject: withdrawal question {n}\r\nMessage-ID: <anon-{n}@example.net>\r\n"
                f"\r\nMy withdrawal number {n} is still pending, please check.\r\n").encode()

    for n in range(2):
        receive(anonymous(n), build_mail(sender=f"user{n}@example.com", subject=f"Deposit {n}", body=DEPOSIT))
        drain()
    assert Customer.objects.filter(email="unknown-sender@invalid").count() == 1
    assert Ticket.objects.filter(requester__email="unknown-sender@invalid").count() == 2
    assert "fell back" not in caplog.text, "the bulk lane must find the existing customer, not collide with it"
