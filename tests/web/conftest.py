"""Web fixtures: staff members with profiles, each with their own signed-in client."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from bridgedesk.desk.models import AgentProfile, Ticket
from tests.desk.helpers import build_mail, drain, receive


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 costs ~0.3 s a password by design; tests sign in dozens of times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache():
    """The console's view counts live in the cache; each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_agent():
    """make_agent(name, role="agent", queues=(), languages=()) -> a signed-in Client (``.user`` set)."""
    def make(name: str, *, role: str = "agent", queues: tuple[str, ...] = (), languages: tuple[str, ...] = ()) -> Client:
        user = get_user_model().objects.create_user(name, password=f"{name}-copper-lantern-47", is_staff=True)
        AgentProfile.objects.create(user=user, role=role, queues=list(queues), languages=list(languages))
        client = Client()
        client.force_login(user)
        client.user = user   # type: ignore[attr-defined]
        return client
    return make


def make_tickets(*mails: bytes) -> list[Ticket]:
    """Push mail through the real pipeline; tickets in the order the mails were given."""
    receive(*mails)
    drain()
    return list(Ticket.objects.order_by("id"))


def mail(subject: str, body: str, *, sender: str = "alice@example.com") -> bytes:
    return build_mail(subject=subject, body=body, sender=sender)
