"""A worker's per-job lookups must stay index lookups however long the waiting backlog is.

SQLite keeps no statistics here, so given ``state = 'received'`` next to a primary-key or
Message-ID condition its planner walked the ``(state, received_at)`` index: every waiting
row of the backlog, once per job. The state is now checked in Python; these tests pin both
the answers and, on SQLite, the plans.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.failures import record_stage_failure
from bridgedesk.desk.processing.pipeline import pending_originals, process_batch, read_pending_raw
from bridgedesk.desk.processing.rawcrypt import open_intake_raw
from tests.desk.helpers import build_mail, receive

pytestmark = pytest.mark.django_db(transaction=True)


def received_backlog(count: int) -> list[int]:
    mails = [build_mail(sender=f"user{n}@example.cn", subject=f"充值未到账 {n}", message_id=f"<backlog-{n}@example.cn>",
                        body=f"我的 USDT 充值还没到账，订单 {100000 + n}。") for n in range(count)]
    return receive(*mails)


def test_read_pending_raw_returns_only_rows_still_waiting(desk_config):
    first, second, third = received_backlog(3)
    process_batch([first], on_failure=record_stage_failure)
    raws = read_pending_raw([first, second, third])
    assert set(raws) == {second, third}
    assert b"backlog-1@example.cn" in open_intake_raw(raws[second])


def test_pending_originals_skips_stored_and_same_batch_rows(desk_config):
    first, second, third = received_backlog(3)
    process_batch([first], on_failure=record_stage_failure)
    wanted = {"backlog-0@example.cn", "backlog-1@example.cn", "backlog-2@example.cn", "never-seen@example.cn"}
    assert pending_originals(wanted, batch={third}) == {"backlog-1@example.cn"}


def query_plans(run) -> list[str]:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        run()
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
            plans.extend(row[3] for row in cursor.fetchall())
    return plans


def test_lookups_do_not_walk_the_waiting_backlog(desk_config):
    if connection.vendor != "sqlite":
        pytest.skip("the plan checked is SQLite's; PostgreSQL plans from statistics")
    ids = received_backlog(70)
    assert InboundMessage.objects.filter(state="received").count() == 70
    plans = query_plans(lambda: read_pending_raw(ids[:64]))
    plans += query_plans(lambda: pending_originals({f"backlog-{n}@example.cn" for n in range(10)}, batch=set(ids[:5])))
    assert plans and not [plan for plan in plans if "state" in plan], plans
