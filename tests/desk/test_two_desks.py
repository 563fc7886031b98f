"""Two desks that auto-reply to each other must stop by themselves (RFC 3834).

Desk A and desk B run as real `bridgedesk serve` processes; each one's outbound relay is
the other's SMTP listener. A mail from B's support address to A starts the exchange.
"""

from __future__ import annotations

import json
import os
import shutil
import smtplib
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.desk.helpers import build_mail


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def desk_toml(name: str, domain: str, prefix: str, relay_port: int) -> str:
    return f"""
[brand]
name = "{name}"
official_domains = ["{domain}"]
support_address = "support@{domain}"
security_address = "security@{domain}"
ticket_prefix = "{prefix}"

[outbound]
smtp_host = "127.0.0.1"
smtp_port = {relay_port}

[auto_reply]
window_minutes = 0
"""


def start_desk(tmp: Path, name: str, toml: str, smtp_port: int, db_url: str, model: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    (tmp / name).mkdir()
    (tmp / name / "data" / "models").mkdir(parents=True)
    shutil.copy(model, tmp / name / "data" / "models" / model.name)
    config = tmp / name / "desk.toml"
    config.write_text(toml, encoding="utf-8")
    env = dict(os.environ, BRIDGEDESK_CONFIG=str(config), BRIDGEDESK_DATA=str(tmp / name / "data"))
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    if db_url:
        env["BRIDGEDESK_DATABASE_URL"] = db_url
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridgedesk", "serve", "--http", "127.0.0.1:0", "--smtp", f"127.0.0.1:{smtp_port}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("smtp:"):
            threading.Thread(target=proc.stdout.read, daemon=True).start()   # keep the pipe drained
            return proc, env
        if not line and proc.poll() is not None:
            break
    proc.kill()
    pytest.fail(f"desk {name} did not start")


def tickets(env: dict[str, str]) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "bridgedesk", "tickets", "--json"], env=env, capture_output=True, text=True, timeout=120)
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture
def second_database_url(fresh_database_url):
    """On PostgreSQL each desk needs a database of its own."""
    if not fresh_database_url:
        yield ""
        return
    import psycopg

    base = fresh_database_url.rsplit("/", 1)[0]
    with psycopg.connect(os.environ["BRIDGEDESK_DATABASE_URL"], autocommit=True) as conn:
        conn.execute('CREATE DATABASE "bd_second_desk"')
    yield base + "/bd_second_desk"
    with psycopg.connect(os.environ["BRIDGEDESK_DATABASE_URL"], autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "bd_second_desk" WITH (FORCE)')


def test_two_auto_replying_desks_stop_by_themselves(tmp_path, fresh_database_url, second_database_url, seed_model_file):
    port_a, port_b = free_port(), free_port()
    desk_a, env_a = start_desk(tmp_path, "alpha", desk_toml("Alpha", "alpha.test", "AA", port_b), port_a, fresh_database_url, seed_model_file)
    desk_b, env_b = start_desk(tmp_path, "beta", desk_toml("Beta", "beta.test", "BB", port_a), port_b, second_database_url, seed_model_file)
    try:
        with smtplib.SMTP("127.0.0.1", port_a, timeout=10) as client:
            client.sendmail("support@beta.test", ["support@alpha.test"],
                            build_mail(sender="support@beta.test", to="support@alpha.test", subject="Hello from Beta", body="Please help with my deposit."))
        time.sleep(12)  # several worker rounds: an endless loop would have produced many tickets by now
        a_tickets, b_tickets = tickets(env_a), tickets(env_b)
    finally:
        for desk in (desk_a, desk_b):
            desk.terminate()
        for desk in (desk_a, desk_b):
            assert desk.wait(timeout=60) == 0, "serve exits 0 on SIGTERM"
    assert len(a_tickets) == 1 and a_tickets[0]["messages"] == 2, "A made one ticket and acknowledged it once"
    assert len(b_tickets) == 1, "B filed A's acknowledgement as a ticket"
    assert b_tickets[0]["messages"] == 1, "B did not answer an auto-reply"
