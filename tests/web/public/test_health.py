"""/healthz and /readyz: what a load balancer or monitor is told about this process and the desk."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_gone():
    """The real connection pointed at a database that is not there (a path that cannot exist on
    SQLite, an unknown database on PostgreSQL), as after a lost volume or a dropped server."""
    saved = dict(connection.settings_dict)
    connection.close()
    missing = "/nonexistent-bridgedesk/db.sqlite3" if connection.vendor == "sqlite" else "bd_no_such_database"
    connection.settings_dict["NAME"] = missing
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


def test_healthz_answers_ok_when_the_database_answers(desk_config):
    # A healthy process says so in a tiny JSON, without signing in.
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"ok": True}


def test_healthz_reports_503_when_the_database_cannot_be_reached(desk_config, database_gone):
    # A web app that answers while its database is gone accepts nothing: take it out of rotation.
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"ok": False, "reason": "database unreachable (OperationalError)"}
    assert "nonexistent" not in response.content.decode() and "bd_no_such" not in response.content.decode(), \
        "details go to the log, not to anonymous callers"


def test_readyz_checks_the_database_and_how_long_the_oldest_job_has_waited(desk_config):
    # Ready means the desk keeps up: mail accepted but never processed (no worker) shows as an old job.
    client = Client()
    assert client.get("/readyz").json() == {"ok": True, "oldest_job_wait_seconds": None}
    receive(build_mail())
    fresh = client.get("/readyz")
    assert fresh.status_code == 200 and fresh.json()["oldest_job_wait_seconds"] < 60

    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=30))   # as if no worker ran for half an hour
    stuck = client.get("/readyz")
    assert stuck.status_code == 503
    reason = stuck.json()["reason"]
    assert reason.startswith("job backlog: the oldest ready job has waited 18") and reason.endswith(" s (limit 600 s)")

    drain()
    assert client.get("/readyz").status_code == 200, "once a worker has caught up, ready again"


def test_readyz_reports_503_when_the_database_cannot_be_reached(desk_config, database_gone):
    response = Client().get("/readyz")
    assert response.status_code == 503 and response.json()["reason"] == "database unreachable (OperationalError)"
