"""Every job names a function that exists: the task bodies resolve their performers by dotted
path (desk/jobs/registry.py), so a renamed or moved performer must fail here, not in a worker."""

from __future__ import annotations

import inspect

import pytest

from bridgedesk.desk.jobs import tasks
from bridgedesk.desk.jobs.registry import PERFORMERS, Job, performer


@pytest.mark.parametrize("job", list(Job))
def test_every_job_has_a_performer_that_imports(job):
    assert job in PERFORMERS, f"{job} has no performer"
    function = performer(job)
    assert callable(function) and function.__module__.startswith("bridgedesk.desk.")


def test_each_task_body_performs_a_registered_job():
    # The task objects are the job engine's names for the jobs: each one's body must call perform().
    bodies = [t.func for t in (tasks.process_inbound_batch, tasks.deliver_outbox, tasks.deliver_outbox_batch)]
    for body in bodies:
        assert "perform(Job." in inspect.getsource(body)
