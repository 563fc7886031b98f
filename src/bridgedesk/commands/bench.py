"""`bridgedesk bench ingest | smtp | console | stages | seed | classify`: run one benchmark, print its JSON as the last line.

The desk benchmarks run on a fresh data directory (a temporary folder, removed afterwards)
with the built-in demo brand, so a figure never depends on, or disturbs, an operator's
``./var`` or config. ``--db URL`` points ingest at another database server instead of the
embedded SQLite file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path

from bridgedesk.commands.base import Command, UserError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    bench_sub = parser.add_subparsers(dest="bench", required=True, metavar="BENCH")
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
    understanding = bench_sub.add_parser("understanding", help="score understanding on labelled mail it never saw (eval/)")
    understanding.add_argument("--set", action="append", dest="sets", metavar="DIR",
                               help="a labelled folder (.eml files + labels.jsonl); repeatable (default: eval/realistic/dev and heldout)")
    classify = bench_sub.add_parser("classify", help="category model accuracy and speed")
    classify.add_argument("--train", required=True)
    classify.add_argument("--test", required=True)


def run(args: argparse.Namespace) -> int:
    if args.bench == "classify":
        return _print(_run_classify(args))
    if args.bench == "stages":
        from bridgedesk.bench.corpus import generate_corpus
        from bridgedesk.bench.stages import run_stage_bench

        if args.n < 1:
            raise UserError("--n must be at least 1")
        return _print(run_stage_bench(generate_corpus(args.n)))
    if args.bench == "understanding":
        return _print(_run_understanding(args))
    if args.bench == "seed":
        from bridgedesk.bench.seed_accuracy import run_seed_accuracy

        return _print(run_seed_accuracy())
    data_dir = prepare_bench_environment(getattr(args, "db", None))
    try:
        result = {"ingest": run_ingest, "smtp": run_smtp, "console": run_console}[args.bench](args)
    finally:
        _close_database()
        shutil.rmtree(data_dir, ignore_errors=True)
    return _print(result)


def prepare_bench_environment(database_url: str | None) -> Path:
    """Point the desk at a fresh temp data dir (and ``--db`` if given), start Django, migrate."""
    data_dir = Path(tempfile.mkdtemp(prefix="bridgedesk-bench-"))
    os.environ["BRIDGEDESK_DATA"] = str(data_dir)
    os.environ.pop("BRIDGEDESK_CONFIG", None)            # the demo brand: figures comparable everywhere
    if database_url:
        os.environ["BRIDGEDESK_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bridgedesk.settings"
    import django
    from django.core.management import call_command

    django.setup()
    try:
        call_command("migrate", verbosity=0, interactive=False)
    except Exception as exc:
        shutil.rmtree(data_dir, ignore_errors=True)
        raise UserError(f"cannot prepare the benchmark database: {type(exc).__name__}: {exc}") from None
    return data_dir


def run_ingest(args: argparse.Namespace) -> dict:
    from bridgedesk.bench.corpus import generate_corpus, load_corpus
    from bridgedesk.bench.ingest import run_ingest_bench

    if args.n is not None and args.n < 1:
        raise UserError(f"--n must be at least 1, not {args.n}")
    if args.corpus:
        try:
            messages = load_corpus(Path(args.corpus))
        except (FileNotFoundError, ValueError) as exc:
            raise UserError(f"--corpus: {exc}") from None
        messages = messages[: args.n] if args.n else messages
    else:
        messages = generate_corpus(args.n)
    return run_ingest_bench(messages)


def run_console(args: argparse.Namespace) -> dict:
    """Seed the data set, then time the console's pages on it (seed time reported apart)."""
    from bridgedesk.bench.console import run_console_bench
    from bridgedesk.bench.console_seed import seed_console

    if args.tickets < 1 or args.messages < args.tickets or args.requests < 1:
        raise UserError("--tickets and --requests must be at least 1, and --messages at least --tickets")
    seeded = seed_console(args.tickets, args.messages)
    result = {"tickets": seeded["tickets"], "messages": seeded["messages"], "seed_seconds": seeded["seconds"],
              **run_console_bench(args.requests)}
    if getattr(args, "search", False):
        result.update(_time_search())
    return result


def _time_search() -> dict:
    """Index what the seed wrote (as housekeeping would), then time searches as the demo agent and admin."""
    from django.contrib.auth import get_user_model

    from bridgedesk.bench.search import build_search_index, time_searches

    index = build_search_index()
    users = get_user_model().objects.filter(username__in=("agent", "admin"))
    return {"search_index": index, "search": {user.username: time_searches(user) for user in users}}


def run_smtp(args: argparse.Namespace) -> dict:
    from bridgedesk.bench.smtp import SmtpSourceMissing, run_smtp_bench

    if args.sessions < 1 or args.n < 1:
        raise UserError("--sessions and --n must be at least 1")
    try:
        return run_smtp_bench(args.sessions, args.n)
    except SmtpSourceMissing as exc:
        raise UserError(str(exc)) from None


def _run_classify(args: argparse.Namespace) -> dict:
    from bridgedesk.bench.classify import run_classify_bench

    for option, value in (("--train", args.train), ("--test", args.test)):
        if not Path(value).is_file():
            raise UserError(f"{option} {value}: no such file (expected a CSV with columns text,category)")
    return run_classify_bench(Path(args.train), Path(args.test))


DEFAULT_EVAL_SETS = ("eval/realistic/dev", "eval/realistic/heldout")


def _run_understanding(args: argparse.Namespace) -> dict:
    """Each labelled set scored apart, with the shipped seed model and the demo brand (no database)."""
    from bridgedesk.bench.understanding_eval import load_labelled, score
    from bridgedesk.config import load_config
    from bridgedesk.triage.category.store import train_from_seed

    folders = [Path(s) for s in (args.sets or DEFAULT_EVAL_SETS)]
    for folder in folders:
        if not (folder / "labels.jsonl").is_file():
            raise UserError(f"--set {folder}: no labels.jsonl there (expected .eml files and a labels.jsonl; see eval/README.md)")
    model, config = train_from_seed(), load_config("")
    return {folder.name: score(load_labelled(folder), model=model, config=config) for folder in folders}


def _close_database() -> None:
    from django.db import connections

    connections.close_all()


def _print(result: dict) -> int:
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


# Benchmarks set up their own fresh data directory and Django (prepare_bench_environment).
COMMAND = Command("bench", "benchmarks", add_arguments, run, needs_desk=False)
