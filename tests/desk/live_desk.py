"""A real desk in other processes, for tests that kill it or look at what it left on disk.

``bridgedesk serve`` runs in a process group of its own (its workers join it), so a test can
SIGKILL the whole desk at once, as a power cut or the OOM killer would.
"""

from __future__ import annotations

import os
import signal
import smtplib
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path


@dataclass
class LiveDesk:
    process: subprocess.Popen[bytes]
    log: Path
    smtp_port: int

    def worker_pids(self) -> list[int]:
        """The job workers ``serve`` spawned (its child processes)."""
        return children_of(self.process.pid)

    def kill_everything(self) -> None:
        """SIGKILL serve and its workers together, and wait until none of them can write any more."""
        pids = [self.process.pid, *self.worker_pids()]
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        wait_gone(pids)

    def stop(self) -> int:
        """SIGTERM, as an operator stops it; the exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill_everything()
            raise


def start_desk(env: dict[str, str], log: Path, *, workers: int = 1, timeout: float = 120) -> LiveDesk:
    """``bridgedesk serve`` on free loopback ports; returns once its SMTP listener is up.

    Its output is appended to ``log``: a restarted desk's lines follow the previous run's.
    """
    offset = log.stat().st_size if log.exists() else 0
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bridgedesk", "serve", "--http", "127.0.0.1:0", "--smtp", "127.0.0.1:0", "--workers", str(workers)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_bytes()[offset:].decode(errors="replace").splitlines():
            if line.startswith("smtp: "):
                return LiveDesk(process, log, int(line.rsplit(":", 1)[1]))
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"serve did not start within {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


def send_all(port: int, mails: list[bytes], *, sender: str = "customer@example.com") -> int:
    """Send each mail in its own transaction of one SMTP session; how many were answered 250."""
    acked = 0
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        for raw in mails:
            refused = client.sendmail(sender, ["support@kestrel.exchange"], raw)
            acked += not refused
    return acked


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid``, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def wait_gone(pids: list[int], timeout: float = 30) -> None:
    """Until each process has exited (a zombie writes nothing more)."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                break
            if state in ("Z", "X"):
                break
            time.sleep(0.02)


def query_one(env: dict[str, str], sql: str) -> int:
    """One number from the desk's database, read as an outside process would.

    On SQLite, never after a crash and before the files were read: closing the last
    connection checkpoints the WAL into the database and deletes it.
    """
    url = env.get("BRIDGEDESK_DATABASE_URL", "")
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            return conn.execute(sql).fetchone()[0]
    with closing(sqlite3.connect(Path(env["BRIDGEDESK_DATA"]) / "bridgedesk.sqlite3", timeout=30)) as conn:
        return conn.execute(sql).fetchone()[0]


def wait_for(check, timeout: float, step: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return check()
