"""Fixtures for desk tests: config, mail builders, and draining the real job queue."""

from __future__ import annotations

import pytest

from bridgedesk.desk.runtime import reset_caches


@pytest.fixture
def desk_config(config_file, monkeypatch):
    """Point the desk at a config file (brand-only by default) and forget cached state."""
    def use(extra: str = "") -> None:
        monkeypatch.setenv("BRIDGEDESK_CONFIG", str(config_file(extra)))
        reset_caches()
    use()
    yield use
    reset_caches()
