"""Our SQLite backend waits for the write lock by polling, retries only what is safe to
retry, and gives up after the configured timeout with SQLite's own error."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from django.db import OperationalError, connection, transaction

from bridgedesk.desk.db.sqlite.base import PollingCursor, lock_wait
from bridgedesk.desk.models import Customer
from tests.desk.helpers import write_lock_held_elsewhere

pytestmark = pytest.mark.django_db(transaction=True)


def test_connections_poll_instead_of_using_the_busy_handler():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 0
    assert connection.connection.lock_wait_seconds == connection.settings_dict["OPTIONS"]["timeout"]


def test_a_write_outside_a_transaction_waits_for_the_lock_and_then_runs():
    with write_lock_held_elsewhere() as other:
        release = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
        release.start()
        started = time.perf_counter()
        Customer.objects.create(email="wang@example.cn")      # autocommit: one statement, retried
        waited = time.perf_counter() - started
        release.join()
    assert 0.25 <= waited < 5.0
    assert Customer.objects.filter(email="wang@example.cn").count() == 1     # written once


def test_a_transaction_waits_for_the_lock_at_begin():
    with write_lock_held_elsewhere() as other:
        release = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
        release.start()
        with transaction.atomic():
            Customer.objects.create(email="li@example.cn")
        release.join()
    assert Customer.objects.filter(email="li@example.cn").exists()


def test_the_wait_is_bounded_and_ends_with_sqlites_error():
    with write_lock_held_elsewhere():
        connection.ensure_connection()
        started = time.perf_counter()
        with lock_wait(connection.connection, 0.2), pytest.raises(OperationalError, match="locked"):
            Customer.objects.create(email="zhao@example.cn")
        assert 0.2 <= time.perf_counter() - started < 5.0
    assert not Customer.objects.filter(email="zhao@example.cn").exists()


def test_inside_a_transaction_a_busy_statement_is_not_retried():
    """Once a transaction has read, retrying its write could commit on a stale snapshot: SQLite's
    error goes straight up (our transactions begin IMMEDIATE, so this only guards the rule)."""
    with write_lock_held_elsewhere():
        connection.ensure_connection()
        raw = connection.connection
        raw.execute("BEGIN DEFERRED")                         # takes no lock until it writes
        try:
            started = time.perf_counter()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                raw.cursor(factory=PollingCursor).execute("UPDATE desk_customer SET name = name")
            assert time.perf_counter() - started < 1.0        # not the 30 s wait
        finally:
            raw.execute("ROLLBACK")


def test_reads_never_wait_for_a_writer():
    Customer.objects.create(email="chen@example.cn")
    with write_lock_held_elsewhere():
        started = time.perf_counter()
        assert Customer.objects.filter(email="chen@example.cn").count() == 1
        assert time.perf_counter() - started < 1.0
