"""``bridgedesk serve``: web app, SMTP listener, IMAP pollers and job workers in the foreground.

SIGTERM or SIGINT stops accepting, finishes or safely abandons in-flight work, and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import threading

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly, parse_address


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("--http", default="127.0.0.1:8000", help="web listen address (port 0 = any free port)")
    parser.add_argument("--smtp", default="127.0.0.1:2525", help="SMTP listen address (port 0 = any free port)")
    parser.add_argument("--demo", action="store_true", help="add demo agents and sample mail")
    parser.add_argument("--workers", type=int, default=1, help="job worker processes to start (default 1)")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.serving import Desk  # Django-side: see commands/base.py

    http, smtp = parse_address(args.http, "--http"), parse_address(args.smtp, "--smtp")
    migrate_quietly()
    desk = Desk(http=http, smtp=smtp, workers=args.workers, demo=args.demo)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    desk.start()
    try:
        while not stop.wait(1.0):
            desk.watch_workers()
    finally:
        desk.stop()
    return 0


COMMAND = Command("serve", "run the web app, SMTP listener and a job worker", add_arguments, run)
