"""`bridgedesk train`: learn categories from what agents set or confirmed, or from a CSV.

Agents' decisions are recorded as ``category_set`` ticket events (the console writes them
when an agent changes or confirms a category). Training always keeps the shipped seed set
so a young desk with few corrections still knows every category.
"""

from __future__ import annotations

import time
from pathlib import Path

from bridgedesk.desk.models import Message, TicketEvent
from bridgedesk.desk.models.events import EventKind
from bridgedesk.desk.runtime import model_path, reset_caches
from bridgedesk.triage.category.model import CategoryModel, read_labelled_csv
from bridgedesk.triage.category.seed import load_seed
from bridgedesk.triage.category.store import save_model


def agent_labelled_examples() -> tuple[list[str], list[str]]:
    """(text, category) for tickets whose category an agent set or confirmed; the latest decision wins."""
    decided: dict[int, str] = {}
    for ticket_id, data in TicketEvent.objects.filter(kind=EventKind.CATEGORY_SET).order_by("id").values_list("ticket_id", "data"):
        decided[ticket_id] = data.get("category", "")
    texts, labels = [], []
    for ticket_id, category in decided.items():
        first = Message.objects.filter(ticket_id=ticket_id, direction="in").order_by("id").values_list("subject", "visible_text").first()
        if first and category:
            texts.append(f"{first[0]}\n{first[1]}")
            labels.append(category)
    return texts, labels


def train_model(*, csv_path: Path | None) -> dict[str, object]:
    seed = load_seed("train")
    texts, labels = [e.text for e in seed], [e.category for e in seed]
    if csv_path is not None:
        extra_texts, extra_labels = read_labelled_csv(csv_path)
        source = str(csv_path)
    else:
        extra_texts, extra_labels = agent_labelled_examples()
        source = "agent-confirmed tickets"
    started = time.perf_counter()
    model = CategoryModel.train(texts + extra_texts, labels + extra_labels)
    save_model(model, model_path())
    reset_caches()
    return {"source": source, "seed_examples": len(texts), "extra_examples": len(extra_texts),
            "labels": list(model.labels), "train_seconds": round(time.perf_counter() - started, 2),
            "model": str(model_path())}
