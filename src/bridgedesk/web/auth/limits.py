"""Rate limits counted atomically in the shared database: logins, the verify API, portal links.

Each limited key has one ``RateCounter`` row. Taking a slot adds one to it with
``UPDATE ... SET count = count + 1`` inside a transaction and reads the count back in the same
transaction: PostgreSQL holds the row's lock from the UPDATE to the commit, SQLite's
transactions begin IMMEDIATE and run one at a time, so two parallel requests can never read
the same count. Why not the cache: the database cache's ``incr`` reads and writes back, and
probes fired 80 requests at once to get 65-80 answers from a limit of 30. Why not a library:
django-ratelimit counts in a cache and says the database cache is unsupported for exactly this
reason, and django-axes checks the lockout before it records a failure, so a burst slips past
it the same way (its issue 592, closed as "won't fix"); both want Redis or memcached, which a
one-machine desk does not have.

A window starts with the first event against a key and lasts ``window_seconds``; when it has
ended, the next event starts a new one at 1. Rows of ended windows are deleted a few hundred at
a time whenever a new key is counted, so sprayed keys do not pile up.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from bridgedesk.desk.models import RateCounter

PURGE_BATCH = 500


@dataclass(frozen=True)
class Slot:
    """One event counted against ``key``: the count it made, and when the window it fell in ends."""

    key: str
    count: int
    limit: int
    window_ends: datetime

    @property
    def granted(self) -> bool:
        return self.count <= self.limit

    @property
    def retry_after_seconds(self) -> int:
        """Whole seconds until the window ends (at least 1): what a refused client is told to wait."""
        return max(1, math.ceil((self.window_ends - timezone.now()).total_seconds()))


def limit_key(scope: str, identity: str) -> str:
    """A key of bounded length and safe characters, whatever the user typed."""
    return f"bridgedesk:{scope}:{hashlib.sha256(identity.encode('utf-8', 'replace')).hexdigest()}"


def take(key: str, limit: int, window_seconds: int) -> Slot:
    """Count one event against ``key``; the slot is granted while the count is within ``limit``."""
    now = timezone.now()
    fresh_window_ends = now + timedelta(seconds=window_seconds)
    created = False
    with transaction.atomic():
        counter = RateCounter.objects.filter(key=key)
        counter.filter(window_ends__lte=now).update(count=0, window_ends=fresh_window_ends)
        if not counter.update(count=F("count") + 1):
            created = _start_counting(key, fresh_window_ends)
        count, window_ends = counter.values_list("count", "window_ends").get()
    if created:
        _purge_ended_windows()
    return Slot(key, count, limit, window_ends)


def take_slot(key: str, limit: int, window_seconds: int) -> bool:
    """Count one event against ``key``; False once ``limit`` events were counted in the window."""
    return take(key, limit, window_seconds).granted


def give_back(slot: Slot) -> None:
    """Uncount an event that should not use up the limit (a good sign-in, a refused attempt).

    Only within the window the slot was taken in: a window that has started again owes nothing.
    """
    RateCounter.objects.filter(key=slot.key, window_ends=slot.window_ends, count__gt=0).update(count=F("count") - 1)


def _start_counting(key: str, window_ends: datetime) -> bool:
    """The key's first event: a new row at 1 (True), or, when a parallel first event made the row, one more on it."""
    try:
        with transaction.atomic():   # a savepoint: the unique key refuses the second of two parallel inserts
            RateCounter.objects.create(key=key, count=1, window_ends=window_ends)
    except IntegrityError:
        RateCounter.objects.filter(key=key).update(count=F("count") + 1)
        return False
    return True


def _purge_ended_windows() -> None:
    """Delete some rows whose window ended, in a transaction of its own, skipping rows others hold
    (PostgreSQL): it never waits on a counting request, so it cannot deadlock with one."""
    with transaction.atomic():
        ended = RateCounter.objects.select_for_update(skip_locked=True).filter(window_ends__lt=timezone.now())
        RateCounter.objects.filter(pk__in=list(ended.values_list("pk", flat=True)[:PURGE_BATCH])).delete()
