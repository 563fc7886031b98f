"""``bridgedesk bench classify``: train the category model on one labelled CSV, score
it on another, and print one JSON line with the CONTRACTS.md keys.

Why latency is measured one message at a time on one thread: that is how the
pipeline calls the model (one inbound mail per job), so batch throughput would
flatter it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score
from threadpoolctl import threadpool_limits

from bridgedesk.triage.category.model import CategoryModel, read_labelled_csv


def run_classify_bench(
    train_csv: Path, test_csv: Path, *, use_encoder: bool | None = None
) -> dict:
    """Train on ``train_csv``, evaluate once on ``test_csv``; return the contract dict.

    ``use_encoder`` None uses the optional pretrained embedding block when installed.
    """
    train_texts, train_labels = read_labelled_csv(train_csv)
    test_texts, test_labels = read_labelled_csv(test_csv)
    started = time.perf_counter()
    model = CategoryModel.train(train_texts, train_labels, use_encoder=use_encoder)
    train_seconds = time.perf_counter() - started
    predicted, ms_per_message = predict_one_by_one(model, test_texts)
    return {
        "train": len(train_texts),
        "test": len(test_texts),
        "accuracy": round(float(accuracy_score(test_labels, predicted)), 4),
        "macro_f1": round(float(f1_score(test_labels, predicted, average="macro")), 4),
        "ms_per_message": round(ms_per_message, 3),
        "train_seconds": round(train_seconds, 1),
    }


def predict_one_by_one(model: CategoryModel, texts: Sequence[str]) -> tuple[list[str], float]:
    """Categories for each text and the mean single-call latency in ms, on one thread."""
    predicted: list[str] = []
    elapsed = 0.0
    with threadpool_limits(limits=1):
        model.predict(texts[0])  # warm caches so the first call's setup isn't counted
        for text in texts:
            started = time.perf_counter()
            predicted.append(model.predict(text).category)
            elapsed += time.perf_counter() - started
    return predicted, 1000.0 * elapsed / max(1, len(texts))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bridgedesk bench classify", description=__doc__)
    parser.add_argument("--train", type=Path, required=True, help="labelled CSV: text,category")
    parser.add_argument("--test", type=Path, required=True, help="labelled CSV: text,category")
    parser.add_argument(
        "--no-encoder",
        action="store_true",
        help="n-grams only, even if the optional pretrained embedding package is installed",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the result JSON as the last line; exit 2 with a message on bad input."""
    args = parse_args(argv)
    try:
        result = run_classify_bench(
            args.train, args.test, use_encoder=False if args.no_encoder else None
        )
    except (OSError, ValueError) as error:
        print(f"bench classify: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
