"""``bridgedesk bench smtp``: the real SMTP listener, driven by Postfix's ``smtp-source``.

Why an outside client: a Python client in the same process would share the GIL with the
listener and measure itself. ``smtp-source`` is the load generator Postfix's own authors use;
it needs no running Postfix. ``acked`` is what the client saw accepted (its DATA counter minus
the rejections it reported), ``stored`` is what the database holds afterwards, and every ack
must be backed by a row (``lost`` = acked - stored = 0).

Requires Django to be set up on a fresh database (``bridgedesk.commands.bench`` does that).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bridgedesk.bench.corpus import make_support_mail

if TYPE_CHECKING:
    from bridgedesk.intake.smtp import SmtpListener

SMTP_SOURCE_PATHS = ("/usr/sbin/smtp-source", "/usr/bin/smtp-source")
SUPPORT_MAIL_BYTES = 5 * 1024
_COUNTER = re.compile(rb"(\d+)\r")
_REJECTED = re.compile(rb"rejected: [45]\d\d")


class SmtpSourceMissing(RuntimeError):
    """Postfix's load generator is not installed."""


@dataclass(frozen=True)
class ClientReport:
    completed: int          # DATA commands that got any final reply
    rejected: int           # of those, answered 4xx/5xx
    seconds: float
    errors: str             # smtp-source's stderr when it failed badly

    @property
    def acked(self) -> int:
        return self.completed - self.rejected


def find_smtp_source() -> str:
    found = shutil.which("smtp-source") or next((p for p in SMTP_SOURCE_PATHS if Path(p).is_file()), None)
    if not found:
        raise SmtpSourceMissing("smtp-source not found; install it with: apt-get install postfix")
    return found


def run_smtp_bench(sessions: int, n: int) -> dict:
    """Start the listener on 127.0.0.1:0, send ``n`` mails over ``sessions`` sessions, count what was kept."""
    from bridgedesk.desk.models import InboundMessage
    from bridgedesk.desk.runtime import get_config

    client = find_smtp_source()
    support = get_config().brand.support_address
    listener = start_listener()
    try:
        with tempfile.TemporaryDirectory(prefix="bridgedesk-smtp-bench-") as tmp:
            mail = Path(tmp) / "support-mail.eml"
            mail.write_bytes(make_support_mail(SUPPORT_MAIL_BYTES, recipient=support).replace(b"\r\n", b"\n"))  # smtp-source adds CRLF
            report = drive_listener(client, listener.port, mail, sessions=sessions, n=n, recipient=support)
    finally:
        listener.stop()
    stored = InboundMessage.objects.count()
    if report.errors and report.acked == 0:
        raise RuntimeError(f"smtp-source failed: {report.errors.strip().splitlines()[-1]}")
    return {
        "sessions": sessions, "messages": n, "acked": report.acked, "stored": stored, "lost": report.acked - stored,
        "accepted_per_s": round(report.acked / report.seconds, 1) if report.seconds else 0.0,
        "seconds": round(report.seconds, 3),
    }


def start_listener() -> SmtpListener:
    """The same listener ``bridgedesk serve`` runs: SupportHandler + GroupCommit(receive_raw_messages)."""
    from bridgedesk.desk.processing.receive import receive_raw_messages
    from bridgedesk.desk.runtime import get_config
    from bridgedesk.intake.smtp import GroupCommit, SmtpListener, SupportHandler

    config = get_config()
    handler = SupportHandler(accepted=config.brand.own_addresses, committer=GroupCommit(receive_raw_messages))
    listener = SmtpListener(host="127.0.0.1", port=0, handler=handler, max_message_bytes=config.intake.max_message_bytes)
    listener.start()
    return listener


def drive_listener(client: str, port: int, mail: Path, *, sessions: int, n: int, recipient: str) -> ClientReport:
    """Run smtp-source once; ``-A`` keeps it going past a rejection so we can count them all, and
    ``-d`` keeps each of the concurrent sessions open for the next message, as a relay with a
    backlog does (Postfix's connection cache)."""
    command = [client, "-A", "-c", "-d", "-s", str(sessions), "-m", str(n), "-f", "bench-sender@example.com",
               "-t", recipient, "-F", str(mail), f"127.0.0.1:{port}"]
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, timeout=600, check=False)
    seconds = time.perf_counter() - started
    counts = _COUNTER.findall(proc.stdout)
    completed = int(counts[-1]) if counts else 0
    rejected = len(_REJECTED.findall(proc.stderr))
    return ClientReport(completed=completed, rejected=rejected, seconds=seconds,
                        errors=proc.stderr.decode("utf-8", "replace") if proc.returncode else "")
