"""``/healthz`` and ``/readyz`` for load balancers and monitors: no sign-in, GET, tiny JSON.

``/healthz`` says whether this process can serve: it runs a trivial query, because a web app
that answers while its database is gone accepts nothing and shows nothing. ``/readyz`` also
asks whether the desk keeps up: the oldest job ready to run must not have waited longer than
``BACKLOG_LIMIT`` (a worker down, or hopelessly behind). A failure is 503 with a short reason;
details (paths, hosts, error text) go to the log, never to an anonymous caller.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bridgedesk.desk.jobs.backlog import oldest_ready_job_wait

log = logging.getLogger("bridgedesk.health")
BACKLOG_LIMIT = timedelta(minutes=10)


def database_problem() -> str:
    """"" when a trivial query runs, else a short reason."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.warning("health check: database unreachable: %s", exc)
        connection.close()   # the next request connects afresh instead of reusing a broken handle
        return f"database unreachable ({type(exc).__name__})"
    return ""


def backlog_problem() -> tuple[str, float | None]:
    """("" or a short reason, seconds the oldest ready job has waited or None)."""
    try:
        wait = oldest_ready_job_wait(timezone.now())
    except DatabaseError as exc:
        log.warning("readiness check: cannot read the job queue: %s", exc)
        return f"job queue unreadable ({type(exc).__name__})", None
    if wait is None:
        return "", None
    seconds = round(wait.total_seconds(), 1)
    if wait > BACKLOG_LIMIT:
        return f"job backlog: the oldest ready job has waited {int(seconds)} s (limit {int(BACKLOG_LIMIT.total_seconds())} s)", seconds
    return "", seconds


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    problem = database_problem()
    if problem:
        return JsonResponse({"ok": False, "reason": problem}, status=503)
    return JsonResponse({"ok": True})


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    problem = database_problem()
    if problem:
        return JsonResponse({"ok": False, "reason": problem}, status=503)
    problem, waited = backlog_problem()
    body: dict[str, object] = {"ok": not problem, "oldest_job_wait_seconds": waited}
    if problem:
        body["reason"] = problem
    return JsonResponse(body, status=503 if problem else 200)
