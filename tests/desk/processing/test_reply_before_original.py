"""With several workers a reply can reach persistence while its original is still an unprocessed
row in another worker's job; it must wait for the original (bounded), never open a second ticket.

The race is made deterministic here: both rows are received, and the reply's batch is
processed by hand while the original's row is still waiting."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bridgedesk.desk.models import InboundMessage, Ticket
from bridgedesk.desk.processing.failures import record_stage_failure
from bridgedesk.desk.processing.pipeline import MAX_DEFERRALS, process_batch
from tests.desk.helpers import build_mail, receive

pytestmark = pytest.mark.django_db(transaction=True)

ORIGINAL_ID = "original-wang@example.cn"


def received_pair() -> tuple[int, int]:
    """The original and its reply, received in two intake commits (two jobs), neither processed."""
    [original] = receive(build_mail(sender="wang@example.cn", subject="提现没到账", message_id=f"<{ORIGINAL_ID}>",
                                    body="我的 USDT 提现三个小时了还没到账。"))
    [reply] = receive(build_mail(sender="wang@example.cn", subject="Re: 提现没到账", body="补充：订单号 123456。",
                                 headers={"In-Reply-To": f"<{ORIGINAL_ID}>", "References": f"<{ORIGINAL_ID}>"}))
    return original, reply


def test_reply_waits_for_its_original_then_threads_onto_its_ticket(desk_config):
    original, reply = received_pair()
    counts = process_batch([reply], on_failure=record_stage_failure)
    assert counts == {"deferred": 1}
    assert InboundMessage.objects.get(pk=reply).state == "received" and Ticket.objects.count() == 0
    retry = DBTaskResult.objects.get(id=InboundMessage.objects.get(pk=reply).task_id)
    assert retry.args_kwargs["args"] == [[reply], 1] and retry.run_after > timezone.now()

    process_batch([original], on_failure=record_stage_failure)
    counts = process_batch([reply], on_failure=record_stage_failure, deferrals=1)
    assert counts == {"references": 1}
    ticket = Ticket.objects.get()
    assert ticket.messages.filter(direction="in").count() == 2


def test_waiting_is_bounded(desk_config):
    original, reply = received_pair()
    counts = process_batch([reply], on_failure=record_stage_failure, deferrals=MAX_DEFERRALS)
    assert counts == {"new_ticket": 1}      # waited long enough: threaded with what is stored
    assert InboundMessage.objects.get(pk=original).state == "received"


def test_original_in_the_same_batch_is_not_waited_for(desk_config):
    original, reply = received_pair()
    counts = process_batch([original, reply], on_failure=record_stage_failure)
    assert "deferred" not in counts
    assert Ticket.objects.count() == 1 and Ticket.objects.get().messages.filter(direction="in").count() == 2


def test_a_waiting_second_copy_of_a_stored_original_is_not_waited_for(desk_config):
    original, reply = received_pair()
    process_batch([original], on_failure=record_stage_failure)
    [second] = receive(build_mail(sender="wang@example.cn", subject="提现没到账", message_id=f"<{ORIGINAL_ID}>",
                                  body="我的 USDT 提现三个小时了还没到账。"))   # the same Message-ID again, still waiting
    counts = process_batch([reply], on_failure=record_stage_failure)
    assert counts == {"references": 1}
    assert InboundMessage.objects.get(pk=second).state == "received"


def test_replies_waiting_in_one_group_wait_in_one_job(desk_config):
    original, reply = received_pair()
    [other_original] = receive(build_mail(sender="li@example.cn", subject="KYC 审核", message_id="<kyc-li@example.cn>",
                                          body="我的身份认证已经提交三天了。"))
    [other_reply] = receive(build_mail(sender="li@example.cn", subject="Re: KYC 审核", body="请问进度如何？",
                                       headers={"In-Reply-To": "<kyc-li@example.cn>"}))
    counts = process_batch([reply, other_reply], on_failure=record_stage_failure)
    assert counts == {"deferred": 2}
    tasks = {InboundMessage.objects.get(pk=pk).task_id for pk in (reply, other_reply)}
    assert len(tasks) == 1
    assert DBTaskResult.objects.get(id=tasks.pop()).args_kwargs["args"] == [[reply, other_reply], 1]


def test_a_waiting_reply_is_deferred_in_the_transaction_that_stores_its_neighbours(desk_config):
    original, reply = received_pair()
    [other] = receive(build_mail(sender="zhao@example.cn", subject="充值未到账", body="我的 USDT 充值还没到账。"))
    counts = process_batch([reply, other], on_failure=record_stage_failure)
    assert counts == {"deferred": 1, "new_ticket": 1}
    assert InboundMessage.objects.get(pk=other).state == "done"
    retry = DBTaskResult.objects.get(id=InboundMessage.objects.get(pk=reply).task_id)
    assert retry.args_kwargs["args"] == [[reply], 1]


def test_a_waiting_reply_still_waits_when_its_group_fails_to_commit(desk_config, monkeypatch):
    from bridgedesk.desk.processing import pipeline

    original, reply = received_pair()
    [other] = receive(build_mail(sender="zhao@example.cn", subject="充值未到账", body="我的 USDT 充值还没到账。"))

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "read_group_context", broken)
    counts = process_batch([reply, other], on_failure=record_stage_failure)
    assert counts["deferred"] == 1 and Ticket.objects.count() == 0
    retry = DBTaskResult.objects.get(id=InboundMessage.objects.get(pk=reply).task_id)
    assert retry.args_kwargs["args"] == [[reply], 1] and retry.run_after > timezone.now()
