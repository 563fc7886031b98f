"""Process-wide things the desk needs once: the validated config, the category model and the intake key."""

from __future__ import annotations

import base64
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from bridgedesk.config import INTAKE_KEY_BYTES, INTAKE_KEY_ENV, INTAKE_KEY_HINT, Config, ConfigError, decode_intake_key, load_config
from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.triage.category.store import load_or_train, model_file

log = logging.getLogger("bridgedesk.runtime")
INTAKE_KEY_FILE = "intake_key"
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


def intake_key_path() -> Path:
    return Path(settings.DATA_DIR) / INTAKE_KEY_FILE


@lru_cache(maxsize=1)
def get_intake_key() -> bytes:
    """The key raw mail is sealed with at intake: ``intake.encryption_key`` or ``$BRIDGEDESK_INTAKE_KEY``,
    else the data directory's own, generated on first use.

    Why a generated default: the Quickstart must work with zero setup, and one host's
    processes all share its data directory. Hosts that share one database must share one key.
    """
    configured = get_config().intake.encryption_key
    if configured:
        return decode_intake_key(configured)   # checked when the config was loaded
    path = intake_key_path()
    if not path.exists():
        create_key_file(path)
    return read_key_file(path)


def create_key_file(path: Path) -> None:
    """Write a new random key (mode 0600) where none is, durably, without ever replacing one.

    Written beside the target, fsynced, then hard-linked into place: the link fails if another
    process (a second worker starting at the same moment) got there first, and then its key
    is the one used. Mail sealed under a key that a crash then lost could never be opened, so
    the key reaches the disk before any mail is sealed with it.
    """
    text = base64.urlsafe_b64encode(os.urandom(INTAKE_KEY_BYTES)).decode() + "\n"
    try:
        descriptor, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)   # mode 0600
        try:
            with os.fdopen(descriptor, "w") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.link(partial, path)
        finally:
            os.unlink(partial)
    except FileExistsError:
        return
    except OSError as exc:
        raise ConfigError(f"cannot create the intake key {path} ({exc.strerror or exc}); make the data directory "
                          f"writable, or set ${INTAKE_KEY_ENV}; {INTAKE_KEY_HINT}") from None
    _fsync_directory(path.parent)
    _announce_generated_key(path)


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"the intake key {path} cannot be read ({exc}); mail waiting in the database can only be "
                          f"opened with it: restore it, or set ${INTAKE_KEY_ENV}") from None
    try:
        return decode_intake_key(text)
    except ValueError as exc:
        raise ConfigError(f"{path} is not an intake key ({exc}); restore it from a backup, or set "
                          f"${INTAKE_KEY_ENV}; {INTAKE_KEY_HINT}") from None


def _fsync_directory(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _announce_generated_key(path: Path) -> None:
    """A generated key is right for one host; on a shared database every host needs the same one."""
    if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
        log.info("generated the intake key %s (raw mail is sealed with it until processed)", path)
        return
    log.warning("generated the intake key %s; every host that shares this database must use the same key: "
                "set $%s (or intake.encryption_key) to its contents on each host", path, INTAKE_KEY_ENV)


def reset_caches() -> None:
    """For tests and ``bridgedesk train``: forget the cached config, model and intake key."""
    get_config.cache_clear()
    get_intake_key.cache_clear()
    _loaded.clear()
