"""The desk's task objects (Django's Tasks API, the django-tasks backport with its database backend)
and the only functions that enqueue them.

Task arguments are row ids only, and the work behind each task never raises for a message's
own problem: errors are recorded on the inbound row by stage and exception class (never its
text, which could quote a secret), so the job engine's payloads and results hold nothing
sensitive. The task names are stored with every queued job; renaming one needs a data
migration (see ``desk/migrations/0008_task_paths.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django_tasks import task

from bridgedesk.desk.jobs.registry import Job, perform


@task(queue_name="default")
def process_inbound_batch(inbound_ids: list[int], deferrals: int = 0) -> dict[str, int]:
    """``deferrals``: how often these rows already waited for their original (see ``split_early_replies``)."""
    result: dict[str, int] = perform(Job.PROCESS_INBOUND, inbound_ids, deferrals)
    return result


@task(queue_name="outbound")
def deliver_outbox(outbox_id: int) -> str:
    result: str = perform(Job.DELIVER_OUTBOX, outbox_id)
    return result


@task(queue_name="outbound")
def deliver_outbox_batch(outbox_ids: list[int]) -> dict[str, int]:
    """A group's acknowledgements in one job."""
    result: dict[str, int] = perform(Job.DELIVER_OUTBOX_BATCH, outbox_ids)
    return result


def enqueue_processing(inbound_ids: Sequence[int], *, deferrals: int = 0, run_after: datetime | None = None) -> str:
    """Queue the processing of these inbound rows (in the caller's transaction); returns the job id."""
    chosen = process_inbound_batch.using(run_after=run_after) if run_after else process_inbound_batch
    args = (list(inbound_ids), deferrals) if deferrals else (list(inbound_ids),)
    return str(chosen.enqueue(*args).id)


def enqueue_delivery(outbox_ids: Sequence[int], *, run_after: datetime | None = None) -> str:
    """Queue the delivery of these outbox rows: one row's own job, or one job for a group."""
    if len(outbox_ids) == 1:
        chosen = deliver_outbox.using(run_after=run_after) if run_after else deliver_outbox
        return str(chosen.enqueue(outbox_ids[0]).id)
    batch = deliver_outbox_batch.using(run_after=run_after) if run_after else deliver_outbox_batch
    return str(batch.enqueue(list(outbox_ids)).id)
