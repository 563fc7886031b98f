"""``bridgedesk import PATH...``: .eml files, mbox files and Maildir folders into the one intake."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--no-process", action="store_true", help="only store; leave processing to the running worker")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.desk.worker import run_worker_loop  # Django-side: see commands/base.py
    from bridgedesk.intake.importer import import_paths

    migrate_quietly()
    summary = import_paths([Path(p) for p in args.paths], progress=sys.stderr.isatty() or os.environ.get("BRIDGEDESK_PROGRESS") == "1")
    if not args.no_process and summary.imported:
        run_worker_loop(until_idle=True)
    print(summary.describe())
    return 0 if not summary.refused else 1


COMMAND = Command("import", "import .eml files, mbox files and Maildir folders", add_arguments, run)
