"""What happens when a stage fails on one message: count the attempt, retry later, or park it.

A failing stage never loses the message: its row stays, with the stage and the exception's class
(never its text, which could quote a secret), and is retried with exponential backoff; once the
attempts are used up it is parked, visible in the console for a person.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bridgedesk.desk.jobs.tasks import enqueue_processing
from bridgedesk.desk.models import InboundMessage, InboundOutcome
from bridgedesk.desk.runtime import get_config

log = logging.getLogger("bridgedesk.tasks")
RETRY_BASE_SECONDS = 10


def record_stage_failure(inbound_id: int, stage: str, cause: BaseException) -> str:
    """Count the attempt; retry later with exponential backoff, or park the row for a person."""
    max_attempts = get_config().processing.max_attempts
    error = f"{type(cause).__name__} in stage {stage}"
    log.warning("inbound %s failed in %s (%s)", inbound_id, stage, type(cause).__name__)
    with transaction.atomic():
        row = InboundMessage.objects.select_for_update().filter(pk=inbound_id).first()
        if row is None or row.state != InboundMessage.State.RECEIVED:
            return InboundOutcome.ALREADY_DONE
        row.attempts += 1
        row.stage, row.last_error = stage, error
        if row.attempts >= max_attempts:
            row.state = InboundMessage.State.PARKED
            row.save(update_fields=["attempts", "stage", "last_error", "state"])
            return "parked"
        run_after = timezone.now() + timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (row.attempts - 1))
        row.task_id = enqueue_processing([inbound_id], run_after=run_after)
        row.save(update_fields=["attempts", "stage", "last_error", "task_id"])
    return "retry"
