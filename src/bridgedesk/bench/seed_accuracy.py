"""`bridgedesk bench seed`: category accuracy on the seed set's held-out validation split, per
language. The model trains on the train split only; the validation rows are never trained on."""

from __future__ import annotations

from collections import defaultdict

from bridgedesk.modelstore import train_from_seed
from bridgedesk.triage.seed import load_seed


def run_seed_accuracy() -> dict[str, object]:
    model = train_from_seed()
    held_out = load_seed("validation")
    per_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for example in held_out:
        group = example.language if example.language in ("en", "zh") else "other"
        hit = model.predict(example.text).category == example.category
        per_language[group][0] += int(hit)
        per_language[group][1] += 1
    correct = sum(c for c, _ in per_language.values())
    return {
        "train": len(load_seed("train")), "validation": len(held_out),
        "accuracy": round(correct / len(held_out), 4),
        "by_language": {k: {"accuracy": round(c / n, 4), "n": n} for k, (c, n) in sorted(per_language.items())},
    }
