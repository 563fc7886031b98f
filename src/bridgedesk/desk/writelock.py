"""Begin a write transaction without sleeping when SQLite's single write lock is taken.

Why: SQLite lets one process write at a time. A worker that finds the lock held sleeps in
SQLite's busy handler (1, 2, 5, 10 ... ms steps) and usually wakes up well after the lock
was freed; with two workers each spent about a tenth of its time asleep there. A worker
that can do something useful meanwhile — understand the next messages of its job — asks
with ``wait=False`` and gets ``False`` back at once instead.

PostgreSQL locks rows, not the database: beginning never waits there, so this is plain
``transaction.atomic()``. Inside an open transaction (tests, callers already atomic) it is
a savepoint, which takes no lock either.
"""

from __future__ import annotations

import time
from contextlib import ExitStack, contextmanager
from typing import Iterator

from django.db import OperationalError, connection, transaction

POLL_SECONDS = 0.001     # between two attempts while waiting for the lock
POLL_LIMIT_SECONDS = 10  # then fall back to SQLite's own busy handler (up to its timeout)


def begin_write(stack: ExitStack, *, wait: bool) -> bool:
    """Enter ``transaction.atomic()`` on ``stack``; with ``wait=False``, False if the lock is busy.

    With ``wait=True`` on SQLite the lock is polled every millisecond instead of left to the
    busy handler, whose growing sleeps (up to 100 ms) overshoot a lock freed a moment later.
    Each poll is one BEGIN: the busy timeout is lowered once for the whole wait.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        stack.enter_context(transaction.atomic())
        return True
    with busy_timeout_ms(0):
        if _try_begin(stack):
            return True
        if not wait:
            return False
        deadline = time.monotonic() + POLL_LIMIT_SECONDS
        while time.monotonic() < deadline:     # bounded: after the limit, the busy handler waits
            time.sleep(POLL_SECONDS)
            if _try_begin(stack):
                return True
    stack.enter_context(transaction.atomic())
    return True


def _try_begin(stack: ExitStack) -> bool:
    """One BEGIN IMMEDIATE that gives up at once when another connection holds the lock."""
    try:
        stack.enter_context(transaction.atomic())
    except OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    return True


@contextmanager
def busy_timeout_ms(milliseconds: int) -> Iterator[None]:
    """SQLite's busy timeout set to ``milliseconds`` for the block, then put back."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        previous = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {previous}")
