"""Our SQLite backend waits for the write lock by polling, retries only what is safe to
retry, and gives up after the configured timeout with SQLite's own error; it overwrites
erased bytes, and the worker truncates the WAL when idle."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection, transaction

from bridgedesk.desk.db.sqlite.base import DatabaseWrapper, PollingCursor, lock_wait
from bridgedesk.desk.db.wal import truncate_wal
from bridgedesk.desk.models import Customer
from bridgedesk.desk.worker import truncate_wal_when_idle
from tests.desk.helpers import build_mail, drain, receive, write_lock_held_elsewhere

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


def sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")


def test_erased_bytes_are_overwritten_even_where_the_build_would_keep_them(tmp_path):
    # Intent: secure_delete is the engine's promise, not the SQLite build's default (Debian's
    # is on, others are off): an init_command turning it off stands for such a build here.
    sqlite_only()
    path = tmp_path / "erase.sqlite3"
    options = {**connection.settings_dict["OPTIONS"], "init_command": "PRAGMA secure_delete=OFF;"}
    probe = DatabaseWrapper({**connection.settings_dict, "NAME": str(path), "OPTIONS": options}, alias="erase-probe")
    secret = b"erase-me " * 400
    with probe.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1
        cursor.execute("CREATE TABLE t (raw BLOB)")
        cursor.execute("INSERT INTO t VALUES (%s)", [secret])
        cursor.execute("UPDATE t SET raw = NULL")
    probe.close()
    assert secret[:40] not in path.read_bytes()


def wal_bytes() -> int:
    wal = Path(connection.settings_dict["NAME"] + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_housekeeping_truncates_the_wal_once_no_mail_waits(desk_config):
    # Intent: the WAL's old page images (a processed mail's sealed bytes among them) do not
    # outlive the work: idle housekeeping cuts the log to zero; while mail waits it is left alone.
    sqlite_only()
    receive(build_mail(subject="first"))
    drain()
    receive(build_mail(subject="waiting"))
    assert wal_bytes() > 0
    assert not truncate_wal_when_idle() and wal_bytes() > 0, "a mail waits: no checkpoint yet"
    drain()
    assert truncate_wal_when_idle()
    assert wal_bytes() == 0


def test_a_busy_database_skips_the_truncation_without_waiting(desk_config):
    sqlite_only()
    with write_lock_held_elsewhere():
        started = time.perf_counter()
        assert not truncate_wal()
        assert time.perf_counter() - started < 1.0
