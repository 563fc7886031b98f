"""How far behind the job workers are: the wait of the oldest job that is ready to run.

Read by ``/readyz``: a desk whose web app answers while no worker claims jobs accepts mail
that nobody processes, and that shows first as a job waiting longer and longer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max


def oldest_ready_job_wait(now: datetime) -> timedelta | None:
    """How long the oldest runnable job has been runnable; None when no job waits.

    A job queued to run later (a delivery retry, a deferred reply) waits from its ``run_after``;
    "ready" is the engine's own rule (``DBTaskResultQuerySet.ready``): READY, and no ``run_after``
    (stored as the maximum date) or one that has come.
    """
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY).filter(Q(run_after=get_date_max()) | Q(run_after__lte=now))
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    if oldest is None:
        return None
    enqueued_at, run_after = oldest
    since = enqueued_at if run_after == get_date_max() else max(enqueued_at, run_after)
    return max(now - since, timedelta(0))
