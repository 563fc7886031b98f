"""Process-wide things the desk needs once: the validated config and the category model."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings

from bridgedesk.config import Config, load_config
from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.triage.category.store import load_or_train, model_file

_loaded: dict[str, tuple[float, CategoryModel]] = {}


@lru_cache(maxsize=1)
def get_config() -> Config:
    return load_config()


def model_path() -> Path:
    return model_file(Path(settings.DATA_DIR))


def get_model() -> CategoryModel:
    """The current model; reloaded when ``bridgedesk train`` has written a newer file."""
    path = model_path()
    mtime = path.stat().st_mtime if path.exists() else -1.0
    cached = _loaded.get(str(path))
    if cached is not None and cached[0] == mtime:
        return cached[1]
    model = load_or_train(path)
    _loaded[str(path)] = (path.stat().st_mtime, model)
    return model


def reset_caches() -> None:
    """For tests and ``bridgedesk train``: forget the cached config and model."""
    get_config.cache_clear()
    _loaded.clear()
