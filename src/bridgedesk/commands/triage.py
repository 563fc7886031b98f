"""`bridgedesk triage --json FILE.eml...`: the understanding half of the pipeline, no database.

One JSON object per input file, in input order. A file that cannot be read still gets a
line with an "error" key; the others go on, and the exit status is 1 so a script notices
(0 when every file was processed). The output never contains a secret's value.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from bridgedesk.commands.base import Command, chosen_data_folder
from bridgedesk.config import Config, load_config
from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.triage.category.store import load_or_train, model_file
from bridgedesk.understanding import Understanding, entity_dicts, understand_with_config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="TOML config file (or $BRIDGEDESK_CONFIG)")
    parser.add_argument("--data", help="data directory holding a trained model (default ./var)")
    parser.add_argument("--json", action="store_true", required=True, help="one JSON object per file")
    parser.add_argument("files", nargs="+", metavar="FILE.eml")


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    data_dir = chosen_data_folder(args) if args.data else Path(os.environ.get("BRIDGEDESK_DATA", "var")).resolve()
    model = load_or_train(model_file(data_dir))
    failed = False
    for name in args.files:
        line = triage_file(name, model=model, config=config)
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()   # a reader sees each file as soon as it is done
        failed = failed or "error" in line
    return 1 if failed else 0


def triage_file(name: str, *, model: CategoryModel, config: Config) -> dict[str, Any]:
    try:
        raw = Path(name).read_bytes()
    except OSError as exc:
        return {"file": name, "error": f"cannot read file: {exc.strerror or exc}"}
    try:
        understanding = understand_with_config(raw, model=model, config=config)
    except Exception as exc:  # one bad file never stops the others
        return {"file": name, "error": f"could not process: {type(exc).__name__}"}
    return triage_json(name, understanding)


def triage_json(name: str, understanding: Understanding) -> dict[str, Any]:
    """The CONTRACTS.md object for one message."""
    return {
        "file": name,
        "language": understanding.language,
        "category": understanding.category,
        "category_confidence": round(understanding.category_confidence, 4),
        "priority": understanding.priority,
        "entities": entity_dicts(understanding.entities),
        "secrets": [{"type": kind} for kind in understanding.secret_types],
        "redacted_text": understanding.guarded.text,
        "missing": list(understanding.missing),
        "phishing": understanding.phishing.as_contract() if understanding.phishing else None,
        "subject": understanding.guarded.subject,
        "needs_triage": understanding.needs_triage,
        "unparseable": understanding.parsed.unparseable,
    }


COMMAND = Command("triage", "understand .eml files without a database", add_arguments, run, needs_desk=False)
