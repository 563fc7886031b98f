"""``bridgedesk seed``: fill the database with a generated desk, to try the console at scale."""

from __future__ import annotations

import argparse

from bridgedesk.commands.base import Command, UserError, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7, help="random seed: the same seed gives the same data")
    parser.add_argument("--force", action="store_true", help="seed even though the database already has tickets")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.bench.console_seed import seed_console  # Django-side: see commands/base.py
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


COMMAND = Command("seed", "fill the database with generated tickets to try the console at scale", add_arguments, run)
