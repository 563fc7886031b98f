"""What every command is made of: a name, its arguments, what it runs, and the error a user can fix.

Command modules are imported before Django is set up (the parser needs every command's
arguments, and ``--data``/``--config`` decide how Django is set up), so a command imports the
desk's Django-side modules inside its ``run``: that is the one place they may be imported.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command

DEFAULT_DATA = Path("var")   # settings' default data folder, created on first use (Quickstart, dev.py demo)


class UserError(Exception):
    """Bad input or environment that the user can fix; printed as one line without a traceback (exit 2)."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    needs_desk: bool = True   # set up Django on the chosen data directory and config first


def add_desk_options(parser: argparse.ArgumentParser) -> None:
    """``--config``, ``--data`` and ``--create``, which every command that opens the desk accepts."""
    parser.add_argument("--config", help="TOML config file (or $BRIDGEDESK_CONFIG)")
    parser.add_argument("--data", help="data directory: embedded database, attachments, keys (default ./var); must exist unless --create")
    parser.add_argument("--create", action="store_true", help="start a new desk in --data when the folder does not exist yet")


def migrate_quietly() -> None:
    """Bring the database schema up to date; every desk command may be the first to open a new data directory."""
    call_command("migrate", verbosity=0, interactive=False)


def parse_address(text: str, option: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not host:
        raise UserError(f"{option} {text!r} must look like HOST:PORT, e.g. 127.0.0.1:8000 (port 0 picks a free one)")
    return host.strip("[]"), int(port)


def chosen_data_folder(args: argparse.Namespace) -> Path:
    """The ``--data`` folder, refused when it does not exist and nobody asked for a new desk.

    Settings create the data folder on first use, so a mistyped ``--data`` used to open an
    empty desk without a word: ``tickets`` listed nothing, ``import`` filled a stray folder.
    A new desk is made only in the default ``./var``, with ``--create``, or by ``serve --demo``
    (a fresh demo desk is what it is for). ``$BRIDGEDESK_DATA`` is taken as given: service
    units and test harnesses set it once, to folders they mean to create.
    """
    folder = Path(args.data).resolve()
    if folder.is_dir():
        return folder
    if folder.exists():
        raise UserError(f"--data {args.data!r} is a file, not a folder; give the desk's data folder")
    if folder == DEFAULT_DATA.resolve() or getattr(args, "create", False) or getattr(args, "demo", False):
        return folder
    raise UserError(f"--data {args.data!r}: no such folder ({folder}); check the path, or add --create to start a new desk there")
