"""Cut SQLite's write-ahead log back to nothing while the desk is idle.

Why: the WAL keeps the old images of every page a commit changed, including pages that held
a row's bytes before they were erased; a secure delete zeroes the database file's copy, not
those images, and they stay in the WAL until it wraps around or the last connection closes,
which a running desk never does. A checkpoint in TRUNCATE mode copies the log into the
database and truncates it to zero bytes. PostgreSQL recycles its own WAL, so this is SQLite only.
"""

from __future__ import annotations

from django.db import connection


def truncate_wal() -> bool:
    """Checkpoint the whole WAL and truncate it; False when not SQLite or another connection was busy.

    Never waits: the desk's connections have no busy handler (``bridgedesk.desk.db.sqlite``),
    so a checkpoint that meets a writer or a reader on an old snapshot reports busy and the
    next idle moment tries again.
    """
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, _, _ = cursor.fetchone()
    return not busy
