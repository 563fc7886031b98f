"""Database settings: a sqlite:// URL gets the same engine and options as the embedded default."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SHOW = ("import django, json; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(json.dumps([d['ENGINE'], d['NAME'], d['OPTIONS'], d['CONN_MAX_AGE']]))")


def database_settings(url: str | None, tmp_path) -> list:  # type: ignore[no-untyped-def]
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bridgedesk.settings", BRIDGEDESK_DATA=str(tmp_path))
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    if url:
        env["BRIDGEDESK_DATABASE_URL"] = url
    out = subprocess.run([sys.executable, "-c", SHOW], env=env, capture_output=True, text=True, check=True, timeout=60)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_sqlite_url_gets_the_desks_sqlite_engine_and_options(tmp_path):
    engine, name, options, max_age = database_settings(f"sqlite:///{tmp_path}/other.sqlite3", tmp_path)
    default = database_settings(None, tmp_path)
    assert engine == default[0] == "bridgedesk.desk.db.sqlite"
    assert name == f"{tmp_path}/other.sqlite3" and default[1] == f"{tmp_path}/bridgedesk.sqlite3"
    assert options == default[2] and options["transaction_mode"] == "IMMEDIATE" and "journal_mode=WAL" in options["init_command"]
    assert max_age == default[3]
