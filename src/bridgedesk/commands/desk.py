"""Commands that run against the desk's database: serve, worker, tickets, import, train."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timezone
from pathlib import Path

from django.core.management import call_command

from bridgedesk.cli import UserError


def migrate_quietly() -> None:
    call_command("migrate", verbosity=0, interactive=False)


def run_serve(args: argparse.Namespace) -> int:
    from bridgedesk.commands.serving import Desk

    migrate_quietly()
    desk = Desk(http=_address(args.http, "--http"), smtp=_address(args.smtp, "--smtp"), workers=args.workers, demo=args.demo)
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


def _address(text: str, option: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not host:
        raise UserError(f"{option} {text!r} must look like HOST:PORT, e.g. 127.0.0.1:8000 (port 0 picks a free one)")
    return host.strip("[]"), int(port)


def run_worker(args: argparse.Namespace) -> int:
    from bridgedesk.desk.worker import run_worker_loop

    migrate_quietly()
    run_worker_loop(until_idle=args.until_idle)
    return 0


def run_tickets(args: argparse.Namespace) -> int:
    from django.db.models import Count

    from bridgedesk.desk.models import Ticket

    migrate_quietly()
    rows = Ticket.objects.select_related("requester").annotate(message_count=Count("messages")).order_by("created_at", "id")
    out = sys.stdout
    for ticket in rows.iterator(chunk_size=1000):
        out.write(json.dumps(ticket_json(ticket), ensure_ascii=False) + "\n")
    return 0


def ticket_json(ticket) -> dict:  # type: ignore[no-untyped-def]
    return {
        "number": ticket.number, "subject": ticket.subject, "requester": ticket.requester.email,
        "status": ticket.status, "category": ticket.category, "priority": ticket.priority,
        "language": ticket.language, "queue": ticket.queue, "messages": ticket.message_count,
        "created_at": ticket.created_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "flags": ticket.flags, "tags": ticket.tags, "missing": ticket.missing,
    }


def run_import(args: argparse.Namespace) -> int:
    from bridgedesk.desk.worker import run_worker_loop
    from bridgedesk.intake.importer import import_paths

    migrate_quietly()
    summary = import_paths([Path(p) for p in args.paths], progress=sys.stderr.isatty() or os.environ.get("BRIDGEDESK_PROGRESS") == "1")
    if not args.no_process and summary.imported:
        run_worker_loop(until_idle=True)
    print(summary.describe())
    return 0 if not summary.refused else 1


def run_train(args: argparse.Namespace) -> int:
    from bridgedesk.desk.training import train_model

    migrate_quietly()
    report = train_model(csv_path=Path(args.csv) if args.csv else None)
    print(json.dumps(report, ensure_ascii=False))
    return 0


def run_createagent(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    migrate_quietly()
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=args.username)
    user.is_staff = True
    user.is_superuser = bool(args.admin)
    user.set_password(args.password)
    user.save()
    print(f"{'created' if created else 'updated'} staff account {args.username}")
    return 0


def run_seed(args: argparse.Namespace) -> int:
    """Fill the operator's database with a large generated data set, to browse the console at scale."""
    from bridgedesk.bench.console_seed import seed_console
    from bridgedesk.desk.models import Ticket

    if args.tickets < 1 or args.messages < args.tickets:
        raise UserError(f"--tickets must be at least 1 and --messages at least --tickets (got {args.tickets} and {args.messages})")
    migrate_quietly()
    existing = Ticket.objects.count()
    if existing and not args.force:
        raise UserError(f"this database already has {existing} tickets; seeding would mix generated tickets with them "
                        "(use a fresh --data directory, or --force to add them anyway)")
    result = seed_console(args.tickets, args.messages, seed=args.seed)
    print(f"seeded {result['tickets']} tickets, {result['messages']} messages, {result['customers']} customers "
          f"in {result['seconds']} s; sign in as agent / agent-demo (admin / admin-demo)")
    return 0


def spawn_worker(data_dir: str) -> subprocess.Popen:  # type: ignore[type-arg]
    """A worker in its own process, so a crash or kill there never takes intake down."""
    env = dict(os.environ)
    return subprocess.Popen([sys.executable, "-m", "bridgedesk", "worker", "--data", data_dir], env=env)


def wait_for(predicate, timeout: float, interval: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
