"""``bridgedesk import PATH...``: .eml files, mbox files and Maildir folders into the one intake.

Import takes over a mailbox's history (``bridgedesk.intake.importer``): each mail keeps its
own date, nothing is sent unless ``--acknowledge``, files that are not mail are refused with
the reason unless ``--accept-non-mail``, and ``--close-before DATE`` closes what is older.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from bridgedesk.commands.base import Command, UserError, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--no-process", action="store_true", help="only store; leave processing to the running worker")
    parser.add_argument("--acknowledge", action="store_true",
                        help="send each new ticket the usual acknowledgement (default: send nothing; this is history)")
    parser.add_argument("--close-before", metavar="DATE",
                        help="close imported tickets with nothing written since DATE (YYYY-MM-DD, UTC)")
    parser.add_argument("--accept-non-mail", action="store_true",
                        help="take files without a mail header block (From, Message-ID or Date) as messages anyway")
    parser.add_argument("--progress", action="store_true", help="show progress bars (default: when stderr is a terminal)")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.desk.worker import run_worker_loop  # Django-side: see commands/base.py
    from bridgedesk.intake.importer import ImportOptions, close_imported_before, import_paths, processing_progress

    cutoff = parse_cutoff(args.close_before) if args.close_before else None
    if cutoff is not None and args.no_process:
        raise UserError("--close-before needs the messages processed into tickets first; drop --no-process")
    migrate_quietly()
    progress = args.progress or sys.stderr.isatty() or os.environ.get("BRIDGEDESK_PROGRESS") == "1"
    options = ImportOptions(acknowledge=args.acknowledge, accept_non_mail=args.accept_non_mail)
    summary = import_paths([Path(p) for p in args.paths], progress=progress, options=options)
    if not args.no_process and summary.imported:
        with processing_progress(summary, enabled=progress):
            run_worker_loop(until_idle=True)
    print(summary.describe())
    if summary.not_mail:
        print(f"  {summary.not_mail} file(s) refused as not mail; --accept-non-mail imports them anyway")
    if cutoff is not None:
        print(f"closed {close_imported_before(summary, cutoff)} ticket(s) with nothing written since {args.close_before}")
    return 0 if not summary.refused else 1


def parse_cutoff(text: str) -> datetime:
    """``--close-before`` as the start of that day in UTC; a date that is not one is the user's to fix."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--close-before {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-01") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


COMMAND = Command("import", "import .eml files, mbox files and Maildir folders", add_arguments, run)
