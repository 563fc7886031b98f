"""Where the category model lives and how the default one comes to be.

Pure (no Django) so that ``bridgedesk triage`` can use it without a database. The default
model is trained from the shipped seed set the first time it is needed and then kept in
the data directory; ``bridgedesk train`` replaces it.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.triage.category.seed import load_seed

log = logging.getLogger("bridgedesk.model")
MODEL_FILE = "category-model.bin"
_lock = threading.Lock()


def model_file(data_dir: Path) -> Path:
    return data_dir / "models" / MODEL_FILE


def train_from_seed() -> CategoryModel:
    examples = load_seed("train")
    return CategoryModel.train([e.text for e in examples], [e.category for e in examples])


def load_or_train(path: Path) -> CategoryModel:
    """Load the kept model, or train the default one from the seed set and keep it (atomically)."""
    with _lock:
        if path.exists():
            return CategoryModel.load(path)
        model = train_from_seed()
        save_model(model, path)
        log.info("trained the default category model from the seed set: %s", path)
        return model


def save_model(model: CategoryModel, path: Path) -> None:
    """Write beside the target, then rename: a reader never sees half a model."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".tmp{os.getpid()}")
    model.save(partial)
    os.replace(partial, path)
