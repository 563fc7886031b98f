#!/usr/bin/env python3
"""The two Quickstart commands, on a fresh machine with only Python 3.11+.

    python3 dev.py demo    set up ./.venv from the lock file and start the desk with demo data
    python3 dev.py test    set up ./.venv, install what the tests need, check the code (ruff,
                           mypy), run the whole suite (on SQLite, then the database tests again
                           on a PostgreSQL server that this script starts on loopback and stops)
    python3 dev.py test --fast
                           the checks and the pure layers' tests only (no database, no
                           servers): under a minute

Standard library only: this file runs before any dependency is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
PY = VENV / "bin" / "python"
# Debian packages the tests drive for real: Dovecot (IMAP), Postfix's smtp-source (SMTP
# benchmark), PostgreSQL, tesseract OCR with Chinese, Chromium (browser tests).
TEST_DEBS = {
    "dovecot": "dovecot-imapd",
    "smtp-source": "postfix",
    "pg_ctl": "postgresql",
    "tesseract": "tesseract-ocr",
    "chromium": "chromium",
}
EXTRA_DEBS = ("tesseract-ocr-chi-sim", "fonts-wqy-microhei", "swaks")
DB_TEST_PATHS = ("tests/desk", "tests/intake", "tests/web", "tests/performance", "tests/test_cli.py", "tests/test_serve.py")
FAST_TEST_PATHS = ("tests/mail", "tests/guard", "tests/triage", "tests/sla", "tests/words", "tests/config",
                   "tests/test_layers.py", "tests/test_docs.py")


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def ensure_venv() -> None:
    """Create .venv and install the locked dependencies; skipped when the lock is unchanged."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs first, on whatever python3 the machine has
        sys.exit("bridgedesk needs Python 3.11 or newer; this is " + sys.version.split()[0])
    stamp = VENV / ".lock-sha256"
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and stamp.exists() and stamp.read_text() == wanted:
        return
    if not PY.exists():
        say("creating .venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    say("installing locked dependencies (first run only)")
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--no-deps", "-r", str(LOCK)], check=True)   # the lock is complete
    subprocess.run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
    stamp.write_text(wanted)


def find_tool(name: str) -> str | None:
    for folder in ("/usr/sbin", "/usr/bin", "/usr/local/bin"):
        if Path(folder, name).exists():
            return str(Path(folder, name))
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(versions[-1]) if versions else None


def ensure_debian_packages() -> None:
    """Install the real servers the tests use, when missing and when we may (root + apt)."""
    missing = [deb for tool, deb in TEST_DEBS.items() if not find_tool(tool)]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        say(f"not installing {', '.join(missing)} (needs root and apt-get); tests that need them will be skipped")
        return
    say(f"installing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, *EXTRA_DEBS],
                   check=True, env=env, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Postgres:
    """A throwaway PostgreSQL cluster on loopback, owned by this process and stopped by it."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="bridgedesk-pg-"))
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *cmd: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        subprocess.run([*prefix, *cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def start(self) -> str:
        initdb, pg_ctl = find_tool("initdb"), find_tool("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL server programs (initdb, pg_ctl) not found")
        if self.user:
            shutil.chown(self.dir, self.user)
        data = self.dir / "data"
        self._run(initdb, "-D", str(data), "-U", "bridgedesk", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off -c max_connections=200"
        self._run(pg_ctl, "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        return f"postgres://bridgedesk@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        pg_ctl = find_tool("pg_ctl")
        if pg_ctl and (self.dir / "data" / "postmaster.pid").exists():
            self._run(pg_ctl, "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


def run_pytest(args: list[str], env: dict[str, str]) -> int:
    return subprocess.run([str(PY), "-m", "pytest", *args], cwd=ROOT, env=env).returncode


def run_checks() -> int:
    """ruff (lint and import order) and mypy (types), as configured in pyproject.toml."""
    for name, cmd in (("ruff", [str(VENV / "bin" / "ruff"), "check", "src", "tests", "dev.py"]),
                      ("mypy", [str(VENV / "bin" / "mypy")])):
        started = time.monotonic()
        code = subprocess.run(cmd, cwd=ROOT).returncode
        say(f"{name} finished in {time.monotonic() - started:.0f}s with exit code {code}")
        if code:
            return code
    return 0


def test_environment() -> tuple[dict[str, str], Path]:
    data = Path(tempfile.mkdtemp(prefix="bridgedesk-test-"))
    env = dict(os.environ, BRIDGEDESK_DATA=str(data), PYTHONHASHSEED="0")
    env.setdefault("BRIDGEDESK_ARTIFACTS", str(ROOT / "test-artifacts"))   # browser screenshots
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    return env, data


def command_fast_test(extra: list[str]) -> int:
    """The checks and the pure layers' tests: no Debian packages, no database server."""
    ensure_venv()
    code = run_checks()
    env, data = test_environment()
    try:
        paths = [p for p in FAST_TEST_PATHS if (ROOT / p).exists()]
        return code or run_pytest(["-q", *paths, *extra], env)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def command_test(extra: list[str]) -> int:
    if extra[:1] == ["--fast"]:
        return command_fast_test(extra[1:])
    ensure_venv()
    ensure_debian_packages()
    checks = run_checks()
    env, data = test_environment()
    say("running the whole suite on SQLite")
    started = time.monotonic()
    code = run_pytest(["-q", *extra], env)
    say(f"SQLite run finished in {time.monotonic() - started:.0f}s with exit code {code}")
    if extra or os.environ.get("BRIDGEDESK_SKIP_POSTGRES") == "1":
        return checks or code
    pg = Postgres()
    try:
        url = pg.start()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        say(f"PostgreSQL could not be started ({exc}); the PostgreSQL run failed")
        return 1
    try:
        say("running the database tests again on PostgreSQL")
        pg_env = dict(env, BRIDGEDESK_DATABASE_URL=url, BRIDGEDESK_DATA=str(data / "pg"))
        pg_code = run_pytest(["-q", *[p for p in DB_TEST_PATHS if (ROOT / p).exists()]], pg_env)
    finally:
        pg.stop()
        shutil.rmtree(data, ignore_errors=True)
    return checks or code or pg_code


def command_demo(extra: list[str]) -> int:
    ensure_venv()
    cmd = [str(VENV / "bin" / "bridgedesk"), "serve", "--demo", *extra]
    say("starting the desk with demo data: " + " ".join(cmd[1:]))
    try:
        return subprocess.run(cmd, cwd=ROOT).returncode
    except KeyboardInterrupt:
        return 0


def main(argv: list[str]) -> int:
    commands = {"test": command_test, "demo": command_demo}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
