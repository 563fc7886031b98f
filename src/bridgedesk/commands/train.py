"""``bridgedesk train``: retrain the category model from agents' decisions or a labelled CSV."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("--csv", help="labelled CSV (text,category) instead of agents' confirmed tickets")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.desk.learning.training import train_model  # Django-side: see commands/base.py

    migrate_quietly()
    report = train_model(csv_path=Path(args.csv) if args.csv else None)
    print(json.dumps(report, ensure_ascii=False))
    return 0


COMMAND = Command("train", "train the category model", add_arguments, run)
