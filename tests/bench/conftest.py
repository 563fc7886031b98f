"""Benchmark tests: the ``slow`` marker keeps full-dataset runs out of the quick suite
(run them with ``-m slow``; deselect with ``-m "not slow"``)."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: trains on a full public dataset (tens of seconds)")
