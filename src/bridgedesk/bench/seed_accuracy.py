"""`bridgedesk bench seed`: category accuracy on the seed set's held-out validation split, per
language. The model trains on the train split only; the validation rows are never trained on."""

from __future__ import annotations

from collections import defaultdict

from bridgedesk.triage.category.seed import load_seed
from bridgedesk.triage.category.store import train_from_seed


def run_seed_accuracy() -> dict[str, object]:
    model = train_from_seed()
    held_out = load_seed("validation")
    per_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for example in held_out:
        group = example.language if example.language in ("en", "zh") else "other"
        hit = int(model.predict(example.text).category == example.category)
        for tally in (per_language[group], per_category[example.category]):
            tally[0] += hit
            tally[1] += 1
    correct = sum(c for c, _ in per_language.values())
    return {
        "train": len(load_seed("train")), "validation": len(held_out),
        "accuracy": round(correct / len(held_out), 4),
        "by_language": _rates(per_language),
        "by_category": _rates(per_category),
    }


def _rates(tallies: dict[str, list[int]]) -> dict[str, dict[str, float]]:
    return {k: {"accuracy": round(c / n, 4), "n": n} for k, (c, n) in sorted(tallies.items())}
