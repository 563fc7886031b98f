"""Rate-limit counters: one row per limited key (a login, an address, a mailbox), shared by every web process."""

from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """Events counted against one key in its current window; the window starts again once it ends.

    A row of its own (not the cache) because the count must go up atomically: an UPDATE
    ``count = count + 1`` in a transaction, which parallel requests in any number of processes
    cannot overwrite the way a read-then-write cache increment can.
    """

    key = models.CharField(max_length=120, unique=True)
    count = models.IntegerField(default=0)
    window_ends = models.DateTimeField(db_index=True)
