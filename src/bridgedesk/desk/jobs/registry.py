"""Which function does each kind of job, named by its dotted path as Django names middleware.

Why paths and not imports: the task objects live in this room alone, and the rooms that do
the work (processing, outbox) must both enqueue jobs and be run by them. If the task bodies
imported those rooms and those rooms imported the tasks, every arrow would point both ways.
Naming the performer by path, resolved when a job first runs (as django-tasks itself resolves
a stored job's task path), keeps this room free of the rooms above it;
``tests/desk/jobs/test_registry.py`` checks that every path resolves.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Any

from django.utils.module_loading import import_string


class Job(StrEnum):
    """Every kind of job the desk runs."""

    PROCESS_INBOUND = "process_inbound"
    DELIVER_OUTBOX = "deliver_outbox"
    DELIVER_OUTBOX_BATCH = "deliver_outbox_batch"


PERFORMERS: dict[Job, str] = {
    Job.PROCESS_INBOUND: "bridgedesk.desk.processing.pipeline.run_processing_job",
    Job.DELIVER_OUTBOX: "bridgedesk.desk.outbox.deliver.deliver_outbox_mail",
    Job.DELIVER_OUTBOX_BATCH: "bridgedesk.desk.outbox.deliver.deliver_outbox_mails",
}


@cache
def performer(job: Job) -> Callable[..., Any]:
    """The function that does ``job``."""
    function: Callable[..., Any] = import_string(PERFORMERS[job])
    return function


def perform(job: Job, *args: Any) -> Any:
    return performer(job)(*args)
