"""django-tasks-db's worker, ending one job and claiming the next in one transaction.

Why: the engine marks a job done in one write and claims the next job in another. On SQLite
every write takes the database's single write lock, and while several workers store their
groups that lock is mostly taken: a worker finishing a job waited for it once to record the
result and again to claim its next job, idle both times (about 5% of a worker's time in the
two-worker ingest bench, sampled with py-spy --idle). Here the result of a successful job and
the claim of the next one are one exclusive transaction, so a job end waits once.

Everything else is the engine's own: its loop claims the first job and waits when there is
none, its models record results, and a failing job is recorded exactly as the engine does.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import close_old_connections
from django.db.utils import OperationalError
from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

log = logging.getLogger("django_tasks_db")


class ChainingWorker(Worker):
    """A ``Worker`` whose ``run_task`` goes on with the next ready job while there is one."""

    def run_task(self, db_task_result: DBTaskResult) -> None:
        current: DBTaskResult | None = db_task_result
        try:
            self.running_task = True
            while current is not None:
                current = self._run_and_claim_next(current)
                close_old_connections()   # as the engine's loop does between jobs
        finally:
            self.running_task = False

    def _run_and_claim_next(self, db_task_result: DBTaskResult) -> DBTaskResult | None:
        """Run one job; returns the next job, already claimed, or None (the engine's loop goes on)."""
        try:
            return_value = self._call(db_task_result)
        except BaseException as exc:  # recorded as the engine records it; the loop claims the next
            self._record_failure(db_task_result, exc)
            return None
        finally:
            self._run_tasks += 1
        may_claim = self.running and (self.max_tasks is None or self._run_tasks < self.max_tasks)
        try:
            following = self._finish_and_claim(db_task_result, return_value, claim=may_claim)
        except BaseException as exc:  # e.g. a return value that is not JSON: the job failed
            self._record_failure(db_task_result, exc)
            return None
        _announce_finished(db_task_result, type(db_task_result.task.get_backend()))
        return following

    def _call(self, db_task_result: DBTaskResult) -> Any:
        task = db_task_result.task
        task_result = db_task_result.task_result
        task_started.send(sender=type(task.get_backend()), task_result=task_result)
        if task.takes_context:
            return task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
        return task.call(*task_result.args, **task_result.kwargs)

    def _finish_and_claim(self, db_task_result: DBTaskResult, return_value: Any, *, claim: bool) -> DBTaskResult | None:
        """Record success and, when ``claim``, take the next ready job in the same transaction.

        If taking the next job fails for a lock (it should not: the transaction holds it), the
        success is recorded alone and the engine's loop looks for work as usual.
        """
        if not claim:
            db_task_result.set_successful(return_value)
            return None
        try:
            with exclusive_transaction(DBTaskResult.objects.db):
                db_task_result.set_successful(return_value)
                following = self.ready_tasks().get_locked()
                if following is not None:
                    following.claim(self.worker_id)
                return following
        except OperationalError as exc:
            if not is_locked_database_exception(exc):
                raise
            db_task_result.set_successful(return_value)
            return None

    def ready_tasks(self) -> DBTaskResultQuerySet:
        """The jobs this worker may take: the same filter as the engine's loop."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    @staticmethod
    def _record_failure(db_task_result: DBTaskResult, exc: BaseException) -> None:
        db_task_result.set_failed(exc)
        try:
            sender = type(db_task_result.task.get_backend())
            task_result = db_task_result.task_result
        except Exception:  # noqa: BLE001 - the engine logs an unloadable task and goes on
            log.exception("Task id=%s failed unexpectedly", db_task_result.id)
            return
        _announce_finished(db_task_result, sender, task_result)


def _announce_finished(db_task_result: DBTaskResult, sender: type, task_result: Any = None) -> None:
    """Send ``task_finished``; a receiver's error is logged, never allowed to stop the worker
    (the job's outcome is already recorded)."""
    try:
        task_finished.send(sender=sender, task_result=task_result or db_task_result.task_result)
    except Exception:  # noqa: BLE001
        log.exception("task_finished receiver failed for task id=%s", db_task_result.id)
