"""The one command-line entry: ``bridgedesk serve | worker | tickets | import | triage | train | ...``.

This module only parses arguments and prepares the environment; each command is a module in
``bridgedesk.commands`` (listed in its ``COMMANDS``). Errors a user can fix are printed as one
clear line (exit 2), never as a traceback; output cut short by its reader (``| head``) ends
quietly with 141, as a shell reports for tools stopped by SIGPIPE. Everything a command writes is private to the
desk's user (``PRIVATE_UMASK``): the data directory holds customers' mail.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import django

from bridgedesk.commands import COMMANDS
from bridgedesk.commands.base import UserError, chosen_data_folder
from bridgedesk.config import ConfigError, load_config

BROKEN_PIPE_EXIT = 141       # 128 + SIGPIPE: what a shell reports for a tool whose reader went away
# Files 0600, directories 0700: the database and its WAL, attachments, keys, models and sent
# mail. Set before anything is created, inherited by the workers ``serve`` starts.
PRIVATE_UMASK = 0o077


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bridgedesk", description="Email-first support desk for cryptocurrency exchanges.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_arguments(sub.add_parser(command.name, help=command.help))
    return parser


def prepare_environment(args: argparse.Namespace) -> None:
    """Point settings at the data dir and config, validate the config, then start Django."""
    if getattr(args, "config", None):
        os.environ["BRIDGEDESK_CONFIG"] = str(Path(args.config).resolve())
    if getattr(args, "data", None):
        os.environ["BRIDGEDESK_DATA"] = str(chosen_data_folder(args))
    load_config()  # fail early with the key's name, before anything starts
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgedesk.settings")
    django.setup()


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(PRIVATE_UMASK)
    args = build_parser().parse_args(argv)
    command = next(c for c in COMMANDS if c.name == args.command)
    try:
        if command.needs_desk:
            prepare_environment(args)
        status = command.run(args)
        sys.stdout.flush()   # a reader gone before the last buffered line is still a broken pipe, caught here
        return status
    except (ConfigError, UserError) as exc:
        print(f"bridgedesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return quiet_broken_pipe()


def quiet_broken_pipe() -> int:
    """The reader of our output went away (``bridgedesk tickets --json | head``): stop quietly, as CLI tools do.

    Python would print a traceback, then another when it flushes stdout at exit; pointing
    stdout at /dev/null lets the interpreter finish silently (the Python docs' recipe, "Note on SIGPIPE").
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return BROKEN_PIPE_EXIT


if __name__ == "__main__":
    sys.exit(main())
