"""``bridgedesk bench understanding``: score the understanding half on labelled mail it has never seen.

The labelled sets live in ``eval/`` (written independently of the code; see ``eval/README.md``).
Each mail is understood exactly as the desk would (``understand_with_config`` with the demo brand
and the shipped seed model), then compared with its labels:

- category, priority and language accuracy (overall, English, Chinese, the other languages);
- phishing reports: recognised as a report at all, verdict accuracy, indicator recall;
- secrets: how many labelled secret values would reach storage (subject, text, HTML, entity
  values, attachment names and text attachments after the guard) — the bar is zero;
- must-keep sentences: ordinary prose that the guard wrongly redacted — the bar is zero;
- entities: precision, recall and F1 per type over (type, value) pairs.

Pure: no database. A scorer, not a tuner: the held-out half is reported, never used to fit.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridgedesk.config import Config
from bridgedesk.guard.phishing.analysis import contract_indicators
from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.understanding import Understanding, entity_dicts, understand_with_config

GROUPS = {"en": "en", "zh": "zh", "zh-Hant": "zh"}   # every other language counts as "other"
# The contract's entity types (CONTRACTS.md); the desk extracts more (amounts, networks) that are not labelled.
ENTITY_TYPES = frozenset({"uid", "order_id", "tx_hash", "address", "error_code", "email"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Labelled:
    name: str
    raw: bytes
    labels: dict[str, Any]


def load_labelled(folder: Path) -> list[Labelled]:
    """The mails of one labelled folder with their ``labels.jsonl`` lines, in file order."""
    lines = (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    labels = [json.loads(line) for line in lines if line.strip()]
    return [Labelled(item["file"], (folder / item["file"]).read_bytes(), item) for item in labels]


def stored_surfaces(understanding: Understanding) -> str:
    """Everything of one mail that the desk would write to its database or file storage, as text."""
    guarded = understanding.guarded
    parts = [guarded.subject, guarded.text, guarded.html or "", *(e["value"] for e in entity_dicts(understanding.entities))]
    for attachment in guarded.attachments:
        parts.append(attachment.filename)
        if not attachment.quarantine_reason:
            parts.append(attachment.data.decode("utf-8", "replace"))
    return "\n".join(parts)


def squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def leaked(secret: str, surfaces: str, squeezed: str) -> bool:
    """A labelled secret reached storage, verbatim or with its whitespace changed."""
    return secret in surfaces or squeeze(secret) in squeezed


def entity_pairs(entities: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    """(type, value) of the contract's types; hashes and emails compared without case."""
    return {(e["type"], str(e["value"]).lower() if e["type"] in ("tx_hash", "email") else str(e["value"]))
            for e in entities if e["type"] in ENTITY_TYPES}


def score(items: list[Labelled], *, model: CategoryModel, config: Config) -> dict[str, Any]:
    """One set's figures (see the module docstring)."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    entity_counts: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[str] = Counter()
    started = time.process_time()
    for item in items:
        understanding = understand_with_config(item.raw, model=model, config=config)
        labels = item.labels
        group = GROUPS.get(labels["language"], "other")
        for field, got in (("category", understanding.category), ("priority", understanding.priority)):
            for key in (field, f"{field}:{group}"):
                totals[key] += 1
                hits[key] += got == labels[field]
        if understanding.category != labels["category"]:
            confusion[f"{labels['category']}->{understanding.category}"] += 1
        totals["language"] += 1
        hits["language"] += understanding.language == labels["language"] or (
            labels["language"] == "zh-Hant" and understanding.language.startswith("zh"))
        surfaces = stored_surfaces(understanding)
        squeezed = squeeze(surfaces)
        for secret in labels["secrets"]:
            totals["secrets"] += 1
            hits["secrets_stored"] += leaked(secret["value"], surfaces, squeezed)
        for sentence in labels["must_keep"]:
            totals["must_keep"] += 1
            hits["must_keep_redacted"] += squeeze(sentence) not in squeeze(understanding.guarded.text)
        if labels["phishing"] is not None:
            _score_phishing(labels["phishing"], understanding, hits, totals)
        _score_entities(labels["entities"], entity_dict_list(understanding), entity_counts)
    seconds = time.process_time() - started
    return _figures(hits, totals, entity_counts, confusion, len(items), seconds)


def entity_dict_list(understanding: Understanding) -> list[dict[str, Any]]:
    return [dict(e) for e in entity_dicts(understanding.entities)]


def _score_phishing(expected: dict[str, Any], understanding: Understanding, hits: Counter[str], totals: Counter[str]) -> None:
    totals["phishing_reports"] += 1
    analysis = understanding.phishing
    hits["phishing_recognised"] += analysis is not None
    hits["phishing_verdict"] += analysis is not None and analysis.verdict == expected["verdict"]
    found = set(contract_indicators(analysis.indicators)) if analysis is not None else set()   # the labels use the contract's names
    for indicator in expected["indicators"]:
        totals["phishing_indicators"] += 1
        hits["phishing_indicators"] += indicator in found


def _score_entities(expected: list[dict[str, Any]], got: list[dict[str, Any]], counts: dict[str, Counter[str]]) -> None:
    want, have = entity_pairs(expected), entity_pairs(got)
    for kind, _ in want | have:
        counts[kind]  # every type seen gets a row
    for pair in want & have:
        counts[pair[0]]["tp"] += 1
    for pair in have - want:
        counts[pair[0]]["fp"] += 1
    for pair in want - have:
        counts[pair[0]]["fn"] += 1


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _figures(hits: Counter[str], totals: Counter[str], entity_counts: dict[str, Counter[str]],
             confusion: Counter[str], count: int, seconds: float) -> dict[str, Any]:
    entities = {}
    all_tp = all_fp = all_fn = 0
    for kind, c in sorted(entity_counts.items()):
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        all_tp, all_fp, all_fn = all_tp + tp, all_fp + fp, all_fn + fn
        entities[kind] = {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "f1": _ratio(2 * tp, 2 * tp + fp + fn)}
    return {
        "messages": count,
        "category_accuracy": _ratio(hits["category"], totals["category"]),
        "category_accuracy_en": _ratio(hits["category:en"], totals["category:en"]),
        "category_accuracy_zh": _ratio(hits["category:zh"], totals["category:zh"]),
        "category_accuracy_other": _ratio(hits["category:other"], totals["category:other"]),
        "priority_accuracy": _ratio(hits["priority"], totals["priority"]),
        "language_accuracy": _ratio(hits["language"], totals["language"]),
        "phishing_reports": totals["phishing_reports"],
        "phishing_recognised": _ratio(hits["phishing_recognised"], totals["phishing_reports"]),
        "phishing_verdict_accuracy": _ratio(hits["phishing_verdict"], totals["phishing_reports"]),
        "phishing_indicator_recall": _ratio(hits["phishing_indicators"], totals["phishing_indicators"]),
        "secrets": totals["secrets"], "secrets_stored": hits["secrets_stored"],
        "must_keep": totals["must_keep"], "must_keep_redacted": hits["must_keep_redacted"],
        "entity_f1": _ratio(2 * all_tp, 2 * all_tp + all_fp + all_fn), "entities": entities,
        "top_confusions": dict(confusion.most_common(8)),
        "ms_per_message": round(seconds / count * 1000, 2) if count else None,
    }
