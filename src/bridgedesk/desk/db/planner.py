"""Keep SQLite's query planner informed on a large desk.

SQLite has no autovacuum/autoanalyze: without ``sqlite_stat1`` the planner guesses, and at
100,000 tickets a queue filter then costs 16–21 ms of SQL instead of about 1 ms (measured with
``bridgedesk bench console``). PostgreSQL's autovacuum analyzes by itself, so this is SQLite only.
Small desks are left alone: statistics from a few rows buy nothing and can only change plans.
"""

from __future__ import annotations

import time

from django.db import connection

ANALYZE_EVERY_SECONDS = 3600.0
LARGE_DESK_TICKETS = 10_000
ANALYSIS_ROWS = 2000        # PRAGMA analysis_limit: rows sampled per index, keeps ANALYZE to milliseconds

_last_run = {"at": float("-inf")}


def refresh_planner_statistics(*, now: float | None = None) -> bool:
    """ANALYZE (sampled) at most hourly on a large SQLite desk; returns whether it ran."""
    now = time.monotonic() if now is None else now
    if connection.vendor != "sqlite" or now - _last_run["at"] < ANALYZE_EVERY_SECONDS:
        return False
    _last_run["at"] = now
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM desk_ticket")
        top = cursor.fetchone()[0] or 0
        if top < LARGE_DESK_TICKETS:
            return False
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_ROWS}")
        cursor.execute("ANALYZE")
    return True
