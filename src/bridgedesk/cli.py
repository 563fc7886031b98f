"""The one command-line entry: ``bridgedesk serve | worker | tickets | import | triage | train | seed | bench``.

This module only parses arguments and prepares the environment; each command lives in
``bridgedesk.commands``. Errors a user can fix are printed as one clear line (exit 2),
never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from bridgedesk.config import ConfigError, load_config


class UserError(Exception):
    """Bad input or environment that the user can fix; printed without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bridgedesk", description="Email-first support desk for cryptocurrency exchanges.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = _with_common(sub.add_parser("serve", help="run the web app, SMTP listener and a job worker"))
    serve.add_argument("--http", default="127.0.0.1:8000", help="web listen address (port 0 = any free port)")
    serve.add_argument("--smtp", default="127.0.0.1:2525", help="SMTP listen address (port 0 = any free port)")
    serve.add_argument("--demo", action="store_true", help="add demo agents and sample mail")
    serve.add_argument("--workers", type=int, default=1, help="job worker processes to start (default 1)")

    worker = _with_common(sub.add_parser("worker", help="run a job worker only"))
    worker.add_argument("--until-idle", action="store_true", help="exit once no job is ready")

    tickets = _with_common(sub.add_parser("tickets", help="list tickets"))
    tickets.add_argument("--json", action="store_true", required=True, help="one JSON line per ticket, oldest first")

    imp = _with_common(sub.add_parser("import", help="import .eml files, mbox files and Maildir folders"))
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--no-process", action="store_true", help="only store; leave processing to the running worker")

    triage = sub.add_parser("triage", help="understand .eml files without a database")
    triage.add_argument("--config", help="TOML config file (or $BRIDGEDESK_CONFIG)")
    triage.add_argument("--data", help="data directory holding a trained model (default ./var)")
    triage.add_argument("--json", action="store_true", required=True, help="one JSON object per file")
    triage.add_argument("files", nargs="+", metavar="FILE.eml")

    train = _with_common(sub.add_parser("train", help="train the category model"))
    train.add_argument("--csv", help="labelled CSV (text,category) instead of agents' confirmed tickets")

    createagent = _with_common(sub.add_parser("createagent", help="create or update a staff account"))
    createagent.add_argument("username")
    createagent.add_argument("--password", required=True)
    createagent.add_argument("--admin", action="store_true")

    seed = _with_common(sub.add_parser("seed", help="fill the database with generated tickets to try the console at scale"))
    seed.add_argument("--tickets", type=int, default=100_000)
    seed.add_argument("--messages", type=int, default=1_000_000)
    seed.add_argument("--seed", type=int, default=7, help="random seed: the same seed gives the same data")
    seed.add_argument("--force", action="store_true", help="seed even though the database already has tickets")

    campaigns = _with_common(sub.add_parser("campaigns", help="phishing campaigns and the domains and URLs to take down"))
    campaigns.add_argument("--csv", action="store_true", help="CSV takedown list instead of one JSON line per campaign")
    campaigns.add_argument("--min-reports", type=int, default=1, help="only campaigns with at least this many reports")

    bench = sub.add_parser("bench", help="benchmarks")
    bench_sub = bench.add_subparsers(dest="bench", required=True, metavar="BENCH")
    ingest = bench_sub.add_parser("ingest", help="whole pipeline throughput")
    ingest.add_argument("--corpus", help="folder of .eml files (default: generated corpus)")
    ingest.add_argument("--n", type=int, default=2000)
    ingest.add_argument("--db", help="database URL (default: fresh SQLite in a temp dir)")
    smtp = bench_sub.add_parser("smtp", help="SMTP listener with Postfix's smtp-source")
    smtp.add_argument("--sessions", type=int, default=8)
    smtp.add_argument("--n", type=int, default=3000)
    console = bench_sub.add_parser("console", help="console page server time on a seeded data set")
    console.add_argument("--tickets", type=int, default=100_000)
    console.add_argument("--messages", type=int, default=1_000_000)
    console.add_argument("--requests", type=int, default=100, help="requests per view (default 100)")
    console.add_argument("--db", help="database URL (default: fresh SQLite in a temp dir)")
    console.add_argument("--search", action="store_true",
                         help="also build the full-text index (about 5 minutes at 1M messages) and time searches")
    stages = bench_sub.add_parser("stages", help="time per understanding stage (parse, guard, triage)")
    stages.add_argument("--n", type=int, default=1000)
    bench_sub.add_parser("seed", help="category accuracy per language on the seed set's held-out split")
    classify = bench_sub.add_parser("classify", help="category model accuracy and speed")
    classify.add_argument("--train", required=True)
    classify.add_argument("--test", required=True)
    return parser


def _with_common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--config", help="TOML config file (or $BRIDGEDESK_CONFIG)")
    parser.add_argument("--data", help="data directory: embedded database, attachments, keys (default ./var)")
    return parser


def prepare_environment(args: argparse.Namespace) -> None:
    """Point settings at the data dir and config, validate the config, then start Django."""
    if getattr(args, "config", None):
        os.environ["BRIDGEDESK_CONFIG"] = str(Path(args.config).resolve())
    if getattr(args, "data", None):
        os.environ["BRIDGEDESK_DATA"] = str(Path(args.data).resolve())
    load_config()  # fail early with the key's name, before anything starts
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgedesk.settings")
    import django

    django.setup()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except (ConfigError, UserError) as exc:
        print(f"bridgedesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "triage":
        from bridgedesk.commands.triage import run_triage

        return run_triage(args)
    if args.command == "bench":
        from bridgedesk.commands.bench import run_bench

        return run_bench(args)
    prepare_environment(args)
    if args.command == "campaigns":
        from bridgedesk.commands.campaigns import run_campaigns

        return run_campaigns(args)
    from bridgedesk.commands import desk

    return {
        "serve": desk.run_serve, "worker": desk.run_worker, "tickets": desk.run_tickets,
        "import": desk.run_import, "train": desk.run_train, "createagent": desk.run_createagent,
        "seed": desk.run_seed,
    }[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
