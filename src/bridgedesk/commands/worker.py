"""``bridgedesk worker``: a job worker alone (run more of them past one machine)."""

from __future__ import annotations

import argparse

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("--until-idle", action="store_true", help="exit once no job is ready")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.desk.worker import run_worker_loop  # Django-side: see commands/base.py

    migrate_quietly()
    run_worker_loop(until_idle=args.until_idle)
    return 0


COMMAND = Command("worker", "run a job worker only", add_arguments, run)
