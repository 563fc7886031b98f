"""The login limit holds across web processes: it is counted in the shared database.

A per-process memory cache would give each process its own five tries, so an attacker behind
a load balancer would get five per process. Here a second Python process (no memory shared
with this one) fails to sign in; its failures count against the same username and address.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from bridgedesk.desk.models import RateCounter
from bridgedesk.web.auth.limits import take_slot
from bridgedesk.web.auth.security import LOGIN_FAILURE_LIMIT, start_login_attempt

pytestmark = pytest.mark.django_db(transaction=True)
REPO = Path(__file__).resolve().parents[3]

# Runs in a fresh interpreter: point Django at this test run's database, then fail to sign in.
CHILD = """
import json, sys
from django.conf import settings
settings.DATABASES["default"]["NAME"] = sys.argv[1]
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
import django
django.setup()
from django.test import Client
client = Client()
codes = [client.post("/accounts/login/", {"username": "ann", "password": "wrong"}).status_code
         for _ in range(int(sys.argv[2]))]
print(json.dumps(codes))
"""


def fail_in_another_process(times: int) -> list[int]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bridgedesk.settings")
    done = subprocess.run([sys.executable, "-c", CHILD, str(connection.settings_dict["NAME"]), str(times)],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_cache_is_shared_through_the_database():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings.CACHE_TABLE in connection.introspection.table_names(), "migration desk 0007 creates it"


def test_failures_in_two_processes_add_up_to_one_limit(client):
    get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)
    for _ in range(2):
        assert client.post("/accounts/login/", {"username": "ann", "password": "wrong"}).status_code == 200
    assert fail_in_another_process(LOGIN_FAILURE_LIMIT - 2) == [200] * (LOGIN_FAILURE_LIMIT - 2)
    blocked = client.post("/accounts/login/", {"username": "ann", "password": "pw-ann-good-1"})
    assert blocked.status_code == 429, "two here plus three there make five: the right password is refused too"
    assert "_auth_user_id" not in client.session
    assert fail_in_another_process(1) == [429], "and the other process sees the block as well"


def test_the_view_count_cache_still_works_on_the_shared_cache():
    cache.set("bridgedesk:test-counts", {"open": 3, "中文": 1}, 15)
    assert cache.get("bridgedesk:test-counts") == {"open": 3, "中文": 1}


def test_a_slot_is_taken_once_and_the_limit_is_exact():
    assert [take_slot("bridgedesk:test-slots", 3, 60) for _ in range(4)] == [True, True, True, False]


def test_long_and_odd_usernames_are_counted_too():
    name = "用户 " + "x" * 400   # longer than a cache key may be, with a space and Chinese
    for _ in range(LOGIN_FAILURE_LIMIT):
        assert start_login_attempt(name, "192.0.2.7") is not None   # each one a failure: nothing given back
    assert start_login_attempt(name, "192.0.2.7") is None and start_login_attempt(name, "192.0.2.8") is not None


def test_an_ended_window_starts_again_and_ended_rows_are_cleared():
    # Intent: a limit is per window, not for ever; and counters of sprayed keys do not pile up.
    assert [take_slot("bridgedesk:test-window", 2, 60) for _ in range(3)] == [True, True, False]
    RateCounter.objects.filter(key="bridgedesk:test-window").update(window_ends=timezone.now() - timedelta(seconds=1))
    assert take_slot("bridgedesk:test-window", 2, 60), "the next window starts at one"
    assert RateCounter.objects.get(key="bridgedesk:test-window").count == 1
    RateCounter.objects.filter(key="bridgedesk:test-window").update(window_ends=timezone.now() - timedelta(seconds=1))
    take_slot("bridgedesk:test-other", 2, 60)   # counting a new key clears rows whose window ended
    assert not RateCounter.objects.filter(key="bridgedesk:test-window").exists()
