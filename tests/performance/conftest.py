"""The corpora the guard's cost bounds are measured on (shared with the guard's own tests)."""

from tests.guard.conftest import ham_texts  # noqa: F401 - a fixture, found by name
