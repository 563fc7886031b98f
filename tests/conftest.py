"""Shared fixtures. Real parts everywhere: files from ../shared/data, real sockets on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bridgedesk.config import DEMO_TOML

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"shared test data not found at {SHARED_DATA}: the shared/ folder must sit beside the repository")
    return SHARED_DATA


DEMO_CONFIG = DEMO_TOML   # the built-in demo brand


@pytest.fixture
def config_file(tmp_path: Path):
    """Write a config (the demo brand plus any extra TOML) and return its path."""
    def write(extra: str = "", *, brand: str = DEMO_CONFIG) -> Path:
        path = tmp_path / "bridgedesk.toml"
        path.write_text(brand + "\n" + extra, encoding="utf-8")
        return path
    return write


@pytest.fixture
def fresh_database_url():
    """A database of its own for tests that run the desk in other processes.

    On SQLite (the default) that is simply the data directory's file, so this returns "".
    On PostgreSQL it creates an empty database on the same server and drops it afterwards.
    """
    import os
    import uuid

    base = os.environ.get("BRIDGEDESK_DATABASE_URL", "")
    if not base:
        yield ""
        return
    import psycopg

    name = f"bd_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def desk_config(config_file, monkeypatch):
    """Point the desk at a config file (brand-only by default) and forget cached state."""
    from bridgedesk.desk.runtime import reset_caches

    def use(extra: str = "") -> None:
        monkeypatch.setenv("BRIDGEDESK_CONFIG", str(config_file(extra)))
        reset_caches()

    use()
    yield use
    reset_caches()


@pytest.fixture(scope="session")
def seed_model_file(tmp_path_factory) -> Path:
    """The default model, trained once per test session from the seed set."""
    from bridgedesk.triage.category.store import save_model, train_from_seed

    path = tmp_path_factory.mktemp("model") / "category-model.bin"
    save_model(train_from_seed(), path)
    return path


@pytest.fixture
def data_dir_with_model(tmp_path, seed_model_file) -> Path:
    """A fresh data directory that already holds the default model (saves each process a training run)."""
    import shutil

    from bridgedesk.triage.category.store import model_file

    data = tmp_path / "data"
    model_file(data).parent.mkdir(parents=True)
    shutil.copy(seed_model_file, model_file(data))
    return data


def run_cli(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`bridgedesk ARGS` in a child process, as an operator's script runs it."""
    return subprocess.run([sys.executable, "-m", "bridgedesk", *args], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def cli_env(data_dir_with_model, fresh_database_url) -> dict[str, str]:
    """Environment for `run_cli`: the shared trained model's data dir, the demo brand, this run's database."""
    environment = dict(os.environ, BRIDGEDESK_DATA=str(data_dir_with_model))
    environment.pop("BRIDGEDESK_CONFIG", None)
    environment.pop("BRIDGEDESK_DATABASE_URL", None)
    if fresh_database_url:
        environment["BRIDGEDESK_DATABASE_URL"] = fresh_database_url
    return environment
