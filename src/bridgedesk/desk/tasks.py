"""Jobs, run by Django's Tasks API (the django-tasks backport with its database backend).

Task arguments are row ids only, and the task bodies never raise for a message's own
problem: errors are recorded on the inbound row by stage and exception class (never its
text, which could quote a secret), so the job engine's payloads and results hold nothing
sensitive.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from bridgedesk.desk.models import InboundMessage

log = logging.getLogger("bridgedesk.tasks")
RETRY_BASE_SECONDS = 10


@task(queue_name="default")
def process_inbound_batch(inbound_ids: list[int], deferrals: int = 0) -> dict[str, int]:
    """``deferrals``: how often these rows already waited for their original (see ``split_early_replies``)."""
    from bridgedesk.desk.pipeline import process_batch

    return dict(process_batch(inbound_ids, on_failure=record_stage_failure, deferrals=deferrals))


def record_stage_failure(inbound_id: int, stage: str, cause: BaseException) -> str:
    """Count the attempt; retry later with exponential backoff, or park the row for a person."""
    from bridgedesk.desk.runtime import get_config

    max_attempts = get_config().processing.max_attempts
    error = f"{type(cause).__name__} in stage {stage}"
    log.warning("inbound %s failed in %s (%s)", inbound_id, stage, type(cause).__name__)
    with transaction.atomic():
        row = InboundMessage.objects.select_for_update().filter(pk=inbound_id).first()
        if row is None or row.state != InboundMessage.State.RECEIVED:
            return "already_done"
        row.attempts += 1
        row.stage, row.last_error = stage, error
        if row.attempts >= max_attempts:
            row.state = InboundMessage.State.PARKED
            row.save(update_fields=["attempts", "stage", "last_error", "state"])
            return "parked"
        run_after = timezone.now() + timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (row.attempts - 1))
        result = process_inbound_batch.using(run_after=run_after).enqueue([inbound_id])
        row.task_id = str(result.id)
        row.save(update_fields=["attempts", "stage", "last_error", "task_id"])
    return "retry"


@task(queue_name="outbound")
def deliver_outbox(outbox_id: int) -> str:
    from bridgedesk.desk.outbox import deliver_outbox_mail

    return deliver_outbox_mail(outbox_id)


@task(queue_name="outbound")
def deliver_outbox_batch(outbox_ids: list[int]) -> dict[str, int]:
    """A group's acknowledgements in one job; a row that fails unexpectedly gets a job of its own."""
    from bridgedesk.desk.outbox import deliver_outbox_mail

    states: dict[str, int] = {}
    for outbox_id in outbox_ids:
        try:
            state = deliver_outbox_mail(outbox_id)
        except Exception as exc:  # not a delivery problem (those are recorded): retry this row alone
            log.warning("outbox %s: %s in batch delivery, queued on its own", outbox_id, type(exc).__name__)
            deliver_outbox.enqueue(outbox_id)
            state = "requeued"
        states[state] = states.get(state, 0) + 1
    return states
