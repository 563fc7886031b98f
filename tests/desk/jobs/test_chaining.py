"""The desk's worker ends a job and claims the next one in one transaction, and otherwise
behaves as django-tasks-db's own worker: results recorded, failures recorded, limits kept."""

from __future__ import annotations

import pytest
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bridgedesk.desk.jobs.chaining import ChainingWorker
from bridgedesk.desk.jobs.tasks import process_inbound_batch

pytestmark = pytest.mark.django_db(transaction=True)


def worker(max_tasks: int | None = None) -> ChainingWorker:
    return ChainingWorker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                          max_tasks=max_tasks, worker_id="test-worker", excluded_queue_names=[])


def enqueue(*args_list: tuple) -> list[str]:  # type: ignore[type-arg]
    return [str(process_inbound_batch.enqueue(*args).id) for args in args_list]


def statuses(ids: list[str]) -> list[str]:
    by_id = {str(pk): status for pk, status in DBTaskResult.objects.filter(id__in=ids).values_list("id", "status")}
    return [by_id[i] for i in ids]


def test_every_job_runs_and_each_result_is_written_with_the_next_claim():
    ids = enqueue(([],), ([],), ([],))
    writes: list[tuple[str, bool]] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        writes.append((sql.split(None, 2)[0].upper() if sql.strip() else "", connection.in_atomic_block))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        worker().run()
    assert statuses(ids) == [TaskResultStatus.SUCCESSFUL] * 3
    assert all(r.return_value == {} for r in DBTaskResult.objects.filter(id__in=ids))
    assert all(r.worker_ids == ["test-worker"] for r in DBTaskResult.objects.filter(id__in=ids))
    task_updates = [inside for statement, inside in writes if statement == "UPDATE"]
    assert task_updates and all(task_updates)       # no result written in a transaction of its own
    if connection.vendor == "sqlite":
        begins = sum(1 for statement, _ in writes if statement == "BEGIN")
        assert begins == len(ids) + 2   # first claim, one per job end, the final look that finds none


def test_a_failing_job_is_recorded_as_failed_and_the_next_job_still_runs():
    ids = enqueue(([],), (None,), ([],))      # None: the batch cannot be read, the job raises
    worker().run()
    assert statuses(ids) == [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
    failed = DBTaskResult.objects.get(id=ids[1])
    assert failed.exception_class_path == "builtins.TypeError" and "Traceback" in failed.traceback


def test_max_tasks_is_kept_across_chained_jobs():
    ids = enqueue(([],), ([],), ([],))
    worker(max_tasks=2).run()
    assert sorted(statuses(ids)) == sorted([TaskResultStatus.SUCCESSFUL] * 2 + [TaskResultStatus.READY])


def test_a_stopping_worker_claims_nothing_more():
    ids = enqueue(([],), ([],))
    stopping = worker()
    original = stopping._call

    def call_then_stop(db_task_result):  # type: ignore[no-untyped-def]
        stopping.running = False       # what SIGTERM does while a job runs
        return original(db_task_result)

    stopping._call = call_then_stop   # type: ignore[method-assign]
    stopping.run()
    assert sorted(statuses(ids)) == sorted([TaskResultStatus.SUCCESSFUL, TaskResultStatus.READY])


def test_a_failing_task_finished_receiver_does_not_stop_the_worker():
    from django_tasks_db.compat import task_finished

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("receiver bug")

    ids = enqueue(([],), ([],))
    task_finished.connect(broken)
    try:
        worker().run()
    finally:
        task_finished.disconnect(broken)
    assert statuses(ids) == [TaskResultStatus.SUCCESSFUL] * 2


def test_a_failing_receiver_after_a_failed_job_does_not_stop_the_worker():
    from django_tasks_db.compat import task_finished

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("receiver bug")

    ids = enqueue((None,), ([],))
    task_finished.connect(broken)
    try:
        worker().run()
    finally:
        task_finished.disconnect(broken)
    assert statuses(ids) == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
