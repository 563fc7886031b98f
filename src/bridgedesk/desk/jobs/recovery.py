"""Find work whose job vanished and give it a new one.

A worker killed mid-task leaves its task row RUNNING forever and the inbound rows it held
unprocessed. Processing is idempotent, so the cure is simply to enqueue those rows again
once the task has been running longer than the lease.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bridgedesk.desk.jobs.tasks import enqueue_delivery, enqueue_processing
from bridgedesk.desk.models import InboundMessage, OutboxMail

log = logging.getLogger("bridgedesk.recovery")


def recover_stalled_inbound(*, lease_seconds: int) -> int:
    """Re-enqueue RECEIVED rows whose task is gone, finished, or stuck past the lease."""
    cutoff = timezone.now() - timedelta(seconds=lease_seconds)
    pending = list(InboundMessage.objects.filter(state=InboundMessage.State.RECEIVED, received_at__lt=cutoff)
                   .values_list("pk", "task_id")[:5000])
    if not pending:
        return 0
    tasks = DBTaskResult.objects.filter(id__in={t for _, t in pending if t}).values_list("id", "status", "started_at")
    statuses = {str(task_id): status for task_id, status, _ in tasks}
    started = {str(task_id): at for task_id, _, at in tasks}
    stalled = [pk for pk, task_id in pending if _is_stalled(task_id, statuses, started, cutoff)]
    if not stalled:
        return 0
    with transaction.atomic():
        stale_tasks = {task_id for pk, task_id in pending if pk in set(stalled) and task_id}
        DBTaskResult.objects.filter(id__in=stale_tasks, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now(),
            exception_class_path="bridgedesk.desk.jobs.recovery.LeaseExpired", traceback="worker lost; rows re-enqueued")
        job_id = enqueue_processing(stalled)
        InboundMessage.objects.filter(pk__in=stalled).update(task_id=job_id)
    log.warning("re-enqueued %d inbound messages whose worker was lost", len(stalled))
    return len(stalled)


def _is_stalled(task_id: str, statuses: Mapping[str, str], started: Mapping[str, datetime | None], cutoff: datetime) -> bool:
    key = task_id
    if key not in statuses:
        return True                       # no task at all
    status = statuses[key]
    if status == TaskResultStatus.READY:
        return False
    if status == TaskResultStatus.RUNNING:
        at = started.get(key)
        return at is not None and at < cutoff
    return True                           # the task ended but the row was not finished


def recover_stalled_outbox(*, lease_seconds: int) -> int:
    """Re-enqueue pending outbox rows whose delivery task is long overdue."""
    cutoff = timezone.now() - timedelta(seconds=lease_seconds)
    overdue = list(OutboxMail.objects.filter(state=OutboxMail.State.PENDING, next_attempt_at__lt=cutoff).values_list("pk", flat=True)[:1000])
    for pk in overdue:
        OutboxMail.objects.filter(pk=pk).update(next_attempt_at=timezone.now())
        enqueue_delivery([pk])
    return len(overdue)
