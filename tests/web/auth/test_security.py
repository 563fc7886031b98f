"""CSP on every response, no inline script or style in templates, cookie flags, login limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from bridgedesk.web.auth.security import CONTENT_SECURITY_POLICY
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)

TEMPLATES = Path(__file__).resolve().parents[3] / "src" / "bridgedesk" / "web" / "templates"
INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),   # script without src
    re.compile(r"<style\b", re.IGNORECASE),
    re.compile(r"\sstyle\s*=", re.IGNORECASE),
    re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),                 # onclick=, onload=...
    re.compile(r"javascript:", re.IGNORECASE),
]


def test_strict_csp_on_every_kind_of_response(client, make_agent, desk_config):
    [ticket] = make_tickets(mail("Deposit", "Deposit missing."))
    agent = make_agent("ann")
    responses = [
        client.get("/accounts/login/"), client.get("/tickets/"), client.get("/portal/"), client.get("/healthz"),
        client.get("/no/such/page/"), agent.get("/tickets/"), agent.get(f"/tickets/{ticket.number}/"),
        agent.get("/tickets/KX-999999/"), agent.post(f"/tickets/{ticket.number}/status/", {"status": "bad"}),
    ]
    for response in responses:
        policy = response["Content-Security-Policy"]
        assert policy == CONTENT_SECURITY_POLICY
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy and "default-src 'self'" in policy


def test_templates_have_no_inline_script_style_or_handlers():
    files = list(TEMPLATES.rglob("*.html"))
    assert len(files) >= 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in INLINE:
            assert not pattern.search(text), f"{path.name}: {pattern.pattern}"


def test_cookies_are_secure_and_http_only(client):
    response = client.get("/accounts/login/")
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)
    signed_in = client.post("/accounts/login/", {"username": "ann", "password": "pw-ann-good-1"})
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_plain_http_loopback_keeps_cookies_usable_for_non_browser_clients(client):
    response = client.get("/accounts/login/", HTTP_HOST="127.0.0.1:8000")
    assert not response.cookies[settings.CSRF_COOKIE_NAME]["secure"]
    assert response.cookies[settings.CSRF_COOKIE_NAME]["httponly"]
    assert client.get("/accounts/login/", HTTP_HOST="localhost", secure=True).cookies[settings.CSRF_COOKIE_NAME]["secure"]


def test_login_is_refused_after_five_failures_even_with_the_right_password(client):
    get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)
    for _ in range(5):
        assert client.post("/accounts/login/", {"username": "ann", "password": "wrong"}).status_code == 200
    blocked = client.post("/accounts/login/", {"username": "ann", "password": "pw-ann-good-1"})
    assert blocked.status_code == 429 and "15 分钟" in blocked.content.decode()
    assert "_auth_user_id" not in client.session
    other = client.post("/accounts/login/", {"username": "bob", "password": "wrong"})
    assert other.status_code == 200, "another username from the same address is not blocked"


def test_four_failures_still_allow_the_right_password(client):
    get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)
    for _ in range(4):
        client.post("/accounts/login/", {"username": "ann", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "ann", "password": "pw-ann-good-1"}).status_code == 302


def test_forms_need_csrf(make_agent, desk_config):
    from django.test import Client

    [ticket] = make_tickets(mail("Deposit", "Deposit missing."))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_agent("ann").user)
    for url, data in ((f"/tickets/{ticket.number}/note/", {"text": "x"}), ("/tickets/next/", {}),
                      (f"/tickets/{ticket.number}/reply/", {"text": "hello"})):
        assert strict.post(url, data).status_code == 403, url
    assert ticket.messages.filter(direction="note").count() == 0
