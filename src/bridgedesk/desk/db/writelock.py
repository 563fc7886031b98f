"""Begin a write transaction, or learn at once that SQLite's single write lock is taken.

Why: SQLite lets one process write at a time. A worker that can do something useful while
another holds the lock — understand the next messages of its job — asks with ``wait=False``
and gets ``False`` back at once instead of waiting. With ``wait=True`` it waits as every
statement does on our SQLite backend (``bridgedesk.desk.db.sqlite``: polled every millisecond).

PostgreSQL locks rows, not the database: beginning never waits there, so this is plain
``transaction.atomic()``. Inside an open transaction (tests, callers already atomic) it is
a savepoint, which takes no lock either.
"""

from __future__ import annotations

from contextlib import ExitStack

from django.db import OperationalError, connection, transaction

from bridgedesk.desk.db.sqlite.base import is_busy, lock_wait


def begin_write(stack: ExitStack, *, wait: bool) -> bool:
    """Enter ``transaction.atomic()`` on ``stack``; with ``wait=False``, False if the lock is busy."""
    if wait or connection.vendor != "sqlite" or connection.in_atomic_block:
        stack.enter_context(transaction.atomic())
        return True
    connection.ensure_connection()
    with lock_wait(connection.connection, 0.0):
        try:
            stack.enter_context(transaction.atomic())
        except OperationalError as error:
            if not is_busy(error.__cause__ or error):
                raise
            return False
    return True
