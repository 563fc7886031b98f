"""Django's SQLite backend, but a statement that finds the write lock taken polls for it every
millisecond instead of sleeping in SQLite's busy handler.

Why: SQLite lets one connection write at a time, and every process of the desk writes (the
SMTP listener's commits, each worker's groups, the job engine's claims and results). The
busy handler sleeps 1, 2, 5, 10 … up to 100 ms between attempts, so a process usually wakes
long after the lock was freed, and against a writer that commits back to back (intake) it can
miss every gap: workers started a third of a second late while mail was streaming in. Polling
catches the lock within a millisecond of its release, for up to the configured ``timeout``.

Only a statement outside a transaction is retried (a ``BEGIN``, or one statement in
autocommit): it did nothing before failing, so running it again is safe. Inside a
transaction the lock is already held (transactions begin IMMEDIATE), so waits never happen
there; if one did, the error is raised as SQLite reports it.

Every connection also turns ``secure_delete`` on: erased bytes (raw mail after processing,
purged originals) are overwritten with zeros instead of lingering in free pages. Many SQLite
builds (Debian's among them) default to it, others do not; the desk must not depend on which.
And it keeps the database file private (0600) whichever process created it; SQLite gives
the WAL and shared-memory files the database file's mode.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db.backends.sqlite3 import base as sqlite_base

T = TypeVar("T")
POLL_SECONDS = 0.001        # between attempts for the first second of a wait
SLOW_POLL_SECONDS = 0.01    # after that: a long wait (a big import) need not cost a core
FAST_POLL_FOR_SECONDS = 1.0


class PollingConnection(sqlite3.Connection):
    """A connection that remembers how long its statements may wait for the write lock."""

    lock_wait_seconds: float = 30.0


class PollingCursor(sqlite_base.SQLiteCursorWrapper):
    def execute(self, query: str, params: Any = None) -> Any:
        return wait_for_lock(self.connection, lambda: super(PollingCursor, self).execute(query, params))

    def executemany(self, query: str, param_list: Any) -> Any:
        return wait_for_lock(self.connection, lambda: super(PollingCursor, self).executemany(query, param_list))


def is_busy(error: BaseException) -> bool:
    """SQLITE_BUSY: another connection holds the lock this statement needs."""
    text = str(error)
    return isinstance(error, sqlite3.OperationalError) and ("database is locked" in text or "database is busy" in text)


def wait_for_lock(connection: sqlite3.Connection, run: Callable[[], T]) -> T:
    """``run()``, repeated while it fails only because the lock is busy and may be retried."""
    deadline: float | None = None
    while True:
        try:
            return run()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or connection.in_transaction:
                raise
            now = time.monotonic()
            if deadline is None:
                started, deadline = now, now + getattr(connection, "lock_wait_seconds", 0.0)
            if now >= deadline:
                raise
            time.sleep(POLL_SECONDS if now - started < FAST_POLL_FOR_SECONDS else SLOW_POLL_SECONDS)


class DatabaseWrapper(sqlite_base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        params["factory"] = PollingConnection
        return params

    def get_new_connection(self, conn_params: dict[str, Any]) -> PollingConnection:
        # The init pragmas (WAL on a new file needs the lock) still run under the busy handler.
        connection = super().get_new_connection(conn_params)
        connection.lock_wait_seconds = float(conn_params.get("timeout", 5.0))
        connection.execute("PRAGMA busy_timeout = 0")   # from here on, waits are polled (above)
        connection.execute("PRAGMA secure_delete = ON")   # after init_command: whatever the build or settings say
        keep_private(str(conn_params["database"]))
        return connection

    def create_cursor(self, name: str | None = None) -> PollingCursor:
        return self.connection.cursor(factory=PollingCursor)


def keep_private(database: str) -> None:
    """Take group and other permissions off the database file and its WAL and shared-memory files.

    For processes started without the desk's umask (a WSGI server of the operator's choosing):
    the file they create first would be 0644. A file we may not change is left to the data
    directory's own mode (0700).
    """
    for name in (database, f"{database}-wal", f"{database}-shm"):
        try:
            mode = stat.S_IMODE(os.stat(name).st_mode)
            if mode & 0o077:
                os.chmod(name, mode & 0o700)
        except OSError:
            continue


@contextmanager
def lock_wait(connection: PollingConnection, seconds: float) -> Iterator[None]:
    """Statements on ``connection`` wait at most ``seconds`` for the lock within the block
    (0: fail at once with SQLITE_BUSY, for a caller that has other work to do meanwhile)."""
    previous = connection.lock_wait_seconds
    connection.lock_wait_seconds = seconds
    try:
        yield
    finally:
        connection.lock_wait_seconds = previous
