"""The running desk: the web app (waitress), the SMTP listener, IMAP pollers and worker processes, together.

It sits above every room (it starts intake, web and workers) and is used by ``bridgedesk serve``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from typing import Protocol

from django.conf import settings

from bridgedesk.config import Config
from bridgedesk.desk.processing.receive import receive_raw_messages
from bridgedesk.desk.runtime import get_config, get_intake_key, get_model
from bridgedesk.desk.setup.demo import run_demo_setup
from bridgedesk.desk.setup.queues import ensure_queues
from bridgedesk.intake.imap import ImapPoller
from bridgedesk.intake.smtp import GroupCommit, SmtpListener, SupportHandler, build_tls_context
from bridgedesk.web.wsgi import application

log = logging.getLogger("bridgedesk.serve")
WEB_FORM_OVERHEAD_BYTES = 1024 * 1024


def spawn_worker(data_dir: str) -> subprocess.Popen[bytes]:
    """A worker in its own process, so a crash or kill there never takes intake down."""
    env = dict(os.environ)
    return subprocess.Popen([sys.executable, "-m", "bridgedesk", "worker", "--data", data_dir], env=env)


def default_worker_count() -> int:
    """One job worker per core: understanding is CPU-bound and each worker runs on its own core."""
    return max(1, os.cpu_count() or 1)


def web_body_limit(config: Config) -> int:
    """The largest request body the web server reads: a portal reply may carry up to a mail's worth of files
    (the intake limit) plus form overhead; anything larger gets 413 before Django buffers it to disk."""
    return config.intake.max_message_bytes + WEB_FORM_OVERHEAD_BYTES


class WebServer(Protocol):
    """What the desk uses of waitress's server (waitress ships no type information)."""

    effective_port: int

    def run(self) -> None: ...

    def close(self) -> None: ...


class Desk:
    def __init__(self, *, http: tuple[str, int], smtp: tuple[str, int], workers: int | None = None, demo: bool) -> None:
        self.http_address = http
        self.smtp_address = smtp
        self.worker_count = default_worker_count() if workers is None else max(1, workers)
        self.demo = demo
        self.workers: list[subprocess.Popen[bytes]] = []
        self.web: WebServer | None = None
        self.listener: SmtpListener | None = None
        self.stopping = False
        self.imap_stop = threading.Event()
        self.imap_threads: list[threading.Thread] = []

    def start(self) -> None:
        config = get_config()
        ensure_queues()
        get_model()
        get_intake_key()   # made (or refused with one line) before any worker or listener could race for it
        self.workers = [spawn_worker(str(settings.DATA_DIR)) for _ in range(self.worker_count)]
        self._start_web()
        handler = SupportHandler(accepted=config.brand.own_addresses, committer=GroupCommit(receive_raw_messages))
        self.listener = SmtpListener(
            host=self.smtp_address[0], port=self.smtp_address[1], handler=handler,
            max_message_bytes=config.intake.max_message_bytes,
            tls_context=build_tls_context(config.intake.tls_cert, config.intake.tls_key),
        )
        smtp_host, smtp_port = self.listener.start()
        self.start_imap_pollers(config)
        print(f"http: http://{self.http_address[0]}:{self.web_port}/", flush=True)
        print(f"smtp: {smtp_host}:{smtp_port}", flush=True)
        if self.demo:
            run_demo_setup(smtp_host, smtp_port, http_url=f"http://{self.http_address[0]}:{self.web_port}/")

    def start_imap_pollers(self, config: Config) -> None:
        """One thread per configured mailbox; each retries on its own and never raises."""
        for index, source in enumerate(config.intake.imap):
            poller = ImapPoller(source, max_message_bytes=config.intake.max_message_bytes)
            thread = threading.Thread(target=poller.run, args=(self.imap_stop,), name=f"imap-{index}", daemon=True)
            thread.start()
            self.imap_threads.append(thread)

    def _start_web(self) -> None:
        from waitress.server import create_server  # start-up cost: only the web listener needs it

        web: WebServer = create_server(application, host=self.http_address[0], port=self.http_address[1], threads=8,
                                       ident="bridgedesk", max_request_body_size=web_body_limit(get_config()))
        self.web = web
        self.web_port = web.effective_port
        threading.Thread(target=web.run, name="web", daemon=True).start()

    def watch_workers(self) -> None:
        """Restart a worker that died, so jobs keep flowing; recovery re-runs its abandoned work."""
        for index, proc in enumerate(self.workers):
            if proc.poll() is not None and not self.stopping:
                log.warning("worker %s exited with %s; starting a new one", proc.pid, proc.returncode)
                self.workers[index] = spawn_worker(str(settings.DATA_DIR))

    def stop(self) -> None:
        self.stopping = True
        if self.listener is not None:
            self.listener.stop()          # stop accepting first: nothing new is acknowledged
        self.imap_stop.set()              # a poll cut short is safe: mail is flagged only after commit
        for thread in self.imap_threads:
            thread.join(timeout=10)
        if self.web is not None:
            self.web.close()
        for proc in self.workers:
            if proc.poll() is None:
                proc.terminate()          # the worker finishes its current job, then exits
        for proc in self.workers:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()               # safe: processing is idempotent and recovered later
                proc.wait()
        sys.stdout.flush()
