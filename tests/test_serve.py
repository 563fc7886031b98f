"""`bridgedesk serve --demo` as a newcomer runs it: listeners print their addresses, the demo
mail arrives through real SMTP and becomes tickets, an agent signs in and sees them, and
SIGTERM stops everything with exit status 0."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

import pytest


def read_addresses(proc: subprocess.Popen, timeout: float = 180) -> dict[str, str]:
    found: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(found) < 2:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        for key in ("http", "smtp"):
            if line.startswith(f"{key}: "):
                found[key] = line.split(": ", 1)[1].strip()
    return found


def signed_in(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = opener.open(base + "accounts/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/tickets/"}).encode()
    opener.open(urllib.request.Request(base + "accounts/login/", data=form, headers={"Referer": base + "accounts/login/"}), timeout=10).read()
    return opener


def oversize_post_status(base: str) -> int:
    """Announce a 40 MB body (over the 25 MB default intake limit) and read the status line; no body is sent."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"POST /portal/ HTTP/1.1\r\nHost: desk\r\nContent-Type: application/octet-stream\r\n"
                     b"Content-Length: 41943040\r\n\r\n")
        status_line = sock.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_demo_desk_serves_tickets_and_stops_cleanly(tmp_path, fresh_database_url):
    env = dict(os.environ, BRIDGEDESK_DATA=str(tmp_path / "data"))
    env.pop("BRIDGEDESK_CONFIG", None)
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    if fresh_database_url:
        env["BRIDGEDESK_DATABASE_URL"] = fresh_database_url
    proc = subprocess.Popen([sys.executable, "-m", "bridgedesk", "serve", "--demo", "--http", "127.0.0.1:0", "--smtp", "127.0.0.1:0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        addresses = read_addresses(proc)
        assert addresses.get("http", "").startswith("http://127.0.0.1:"), addresses
        assert re.fullmatch(r"127\.0\.0\.1:\d+", addresses.get("smtp", ""))
        base = addresses["http"]
        threading.Thread(target=proc.stdout.read, daemon=True).start()   # keep the pipe drained
        tickets: list[dict] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(tickets) < 6:
            out = subprocess.run([sys.executable, "-m", "bridgedesk", "tickets", "--json"], env=env, capture_output=True, text=True, timeout=60)
            tickets = [json.loads(line) for line in out.stdout.splitlines()]
            time.sleep(0.5)
        assert len(tickets) == 6, "every demo mail became a ticket"
        assert {t["language"] for t in tickets} >= {"en", "zh"}

        security_numbers = {t["number"] for t in tickets if t["queue"] == "security"}
        assert security_numbers, "the leaked-phrase and phishing demo mails go to the security queue"
        agent = signed_in(base, "agent", "agent-demo")
        listing = agent.open(base + "tickets/", timeout=10).read().decode()
        for ticket in tickets:
            assert (ticket["number"] in listing) == (ticket["number"] not in security_numbers), ticket["number"]
        detail = agent.open(base + f"tickets/{tickets[0]['number']}/", timeout=10).read().decode()
        assert tickets[0]["number"] in detail
        assert oversize_post_status(base) == 413, "a body over the intake limit is refused before Django reads it"
        officer = signed_in(base, "security", "security-demo")
        security_listing = officer.open(base + "tickets/", timeout=10).read().decode()
        assert all(number in security_listing for number in security_numbers)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("serve did not stop on SIGTERM")
    assert code == 0
