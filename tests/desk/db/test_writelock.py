"""While another process holds SQLite's write lock, a worker keeps understanding instead of
sleeping, and still stores every message once the lock is free."""

from __future__ import annotations

import time
from contextlib import ExitStack

import pytest
from django.db import connection

from bridgedesk.desk.db.writelock import begin_write
from bridgedesk.desk.models import InboundMessage, Ticket
from bridgedesk.desk.processing import pipeline
from tests.desk.helpers import build_mail, receive, write_lock_held_elsewhere

pytestmark = pytest.mark.django_db(transaction=True)


def test_begin_without_waiting_says_busy_at_once_and_then_succeeds():
    with write_lock_held_elsewhere() as other:
        started = time.perf_counter()
        with ExitStack() as stack:
            assert begin_write(stack, wait=False) is False
        assert time.perf_counter() - started < 1.0          # the 30 s lock wait was not used
        other.execute("ROLLBACK")
        with ExitStack() as stack:
            assert begin_write(stack, wait=False) is True
            Ticket.objects.count()
    assert connection.connection.lock_wait_seconds == 30   # put back for every other statement


def test_a_batch_understands_ahead_while_locked_and_stores_everything_after(desk_config, monkeypatch):
    desk_config("[auto_reply]\nenabled = false\n")
    monkeypatch.setattr(pipeline, "PERSIST_GROUP", 2)
    monkeypatch.setattr(pipeline, "MAX_PERSIST_GROUP", 100)
    ids = receive(*(build_mail(sender=f"user{n}@example.com", subject=f"Deposit {n}", body=f"My deposit {n} of 50 USDT is missing.")
                    for n in range(6)))
    attempts: list[tuple[int, bool]] = []
    real_persist_group = pipeline._persist_group

    with write_lock_held_elsewhere() as other:
        def recording(group, *args, wait=True, **kwargs):  # type: ignore[no-untyped-def]
            done = real_persist_group(group, *args, wait=wait, **kwargs)
            attempts.append((len(group), done))
            if not done and [d for _, d in attempts].count(False) == 2:
                other.execute("ROLLBACK")                     # the other worker commits
            return done

        monkeypatch.setattr(pipeline, "_persist_group", recording)
        counts = pipeline.process_batch(ids, on_failure=lambda *_: "failed")
    # busy twice: the group grew from 2 to 3 to 4 messages while being understood, then was
    # stored; the last two made a group of their own
    assert attempts == [(2, False), (3, False), (4, True), (2, True)]
    assert counts["new_ticket"] == 6
    assert InboundMessage.objects.filter(state="done").count() == 6
    assert Ticket.objects.count() == 6


def test_a_waiting_writer_gets_the_lock_soon_after_it_is_freed(desk_config):
    import threading

    with write_lock_held_elsewhere() as other:
        release = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
        release.start()
        started = time.perf_counter()
        with ExitStack() as stack:
            assert begin_write(stack, wait=True) is True
            waited = time.perf_counter() - started
            Ticket.objects.count()
        release.join()
    assert 0.25 <= waited < 5.0          # it waited for the release, then got the lock
