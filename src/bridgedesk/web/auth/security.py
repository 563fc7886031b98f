"""Browser-facing defences: a strict Content-Security-Policy and login rate limiting.

The limit is counted in the shared database cache (settings.CACHES), so it holds across every
web process on the same database, not per process.

Mail content is hostile by nature; escaping is the first wall and the CSP the second: no
inline script or style is allowed anywhere, so an escaping mistake still cannot run script.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from bridgedesk.web.auth.client_address import client_ip

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "frame-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
LOGIN_FAILURE_LIMIT = 5
LOGIN_WINDOW_SECONDS = 15 * 60


class ContentSecurityPolicyMiddleware:
    """Add the strict policy to every response that has not set its own (the sandbox view does)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


class SecureCookieMiddleware:
    """Mark every cookie Secure, except on plain http to a loopback host (the embedded demo).

    Browsers accept Secure cookies from http://localhost, but other clients (scripts, curl
    cookie jars) do not; loopback traffic never leaves the machine, so nothing is lost there.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.is_secure() or request.get_host().rsplit(":", 1)[0] not in LOOPBACK_HOSTS:
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response


def limit_key(scope: str, identity: str) -> str:
    """A cache key of bounded length and safe characters, whatever the user typed."""
    return f"bridgedesk:{scope}:{hashlib.sha256(identity.encode('utf-8', 'replace')).hexdigest()}"


def _failure_key(username: str, ip: str) -> str:
    return limit_key("login-fail", f"{username.strip().lower()[:150]}\n{ip}")


def take_slot(key: str, limit: int, window_seconds: int) -> bool:
    """Count one event against ``key``; False when all ``limit`` slots of the window are taken.

    Each event is its own key written with ``cache.add``, which is atomic in every Django
    cache backend (an INSERT on the shared database cache). A counter read and written back
    (``incr`` on the database cache) would let parallel requests in several web processes
    overwrite each other's counts, so a burst would count as one.
    """
    return any(cache.add(f"{key}:{slot}", 1, window_seconds) for slot in range(limit))


def slots_full(key: str, limit: int) -> bool:
    """True while the last slot is taken: the limit is reached until it expires."""
    return cache.get(f"{key}:{limit - 1}") is not None


def login_blocked(username: str, ip: str) -> bool:
    return slots_full(_failure_key(username, ip), LOGIN_FAILURE_LIMIT)


def record_login_failure(username: str, ip: str) -> None:
    take_slot(_failure_key(username, ip), LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_SECONDS)


class RateLimitedLoginView(auth_views.LoginView):
    """Django's login, refusing a username+address pair after 5 failures in 15 minutes."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        if login_blocked(request.POST.get("username", ""), client_ip(request)):
            context = self.get_context_data(form=self.get_form(), blocked=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):  # type: ignore[no-untyped-def]
        record_login_failure(self.request.POST.get("username", ""), client_ip(self.request))
        return super().form_invalid(form)
