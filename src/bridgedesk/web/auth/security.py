"""Browser-facing defences: a strict Content-Security-Policy, Secure cookies and the login limits.

The login limits are counted atomically in the shared database (``limits``), so they hold across
every web process and against parallel requests: a slot is taken before the password is
checked, per username at an address and per address whatever the username.

Mail content is hostile by nature; escaping is the first wall and the CSP the second: no
inline script or style is allowed anywhere, so an escaping mistake still cannot run script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse

from bridgedesk.web.auth.client_address import client_ip
from bridgedesk.web.auth.limits import Slot, give_back, limit_key, take

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "frame-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
LOGIN_FAILURE_LIMIT = 5     # per username at one address
LOGIN_ADDRESS_LIMIT = 20    # per address, whatever the usernames: one guess sprayed over many accounts
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


def _failure_key(username: str, ip: str) -> str:
    return limit_key("login-fail", f"{username.strip().lower()[:150]}\n{ip}")


def _address_key(ip: str) -> str:
    return limit_key("login-fail-address", ip)


@dataclass(frozen=True)
class LoginAttempt:
    """The slots one sign-in attempt holds while its password is checked; a failure keeps them."""

    slots: tuple[Slot, ...]

    def succeeded(self) -> None:
        """A good sign-in is no failure: it gives its slots back."""
        for slot in self.slots:
            give_back(slot)


def start_login_attempt(username: str, ip: str) -> LoginAttempt | None:
    """Slots under the address's limit and the username's before the password is checked; None when either is full.

    Taken first, not recorded after a failure: recorded after, a burst of parallel attempts all
    passed the check before the first failure was written. A refused attempt gives back what it
    took, so the counts are of passwords actually tried.
    """
    taken: list[Slot] = []
    for key, limit in ((_address_key(ip), LOGIN_ADDRESS_LIMIT), (_failure_key(username, ip), LOGIN_FAILURE_LIMIT)):
        slot = take(key, limit, LOGIN_WINDOW_SECONDS)
        taken.append(slot)
        if not slot.granted:
            for held in taken:
                give_back(held)
            return None
    return LoginAttempt(tuple(taken))


class RateLimitedLoginView(auth_views.LoginView):
    """Django's login, refusing with 429 once 5 passwords failed for a username at an address, or 20 at the address, in 15 minutes."""

    attempt: LoginAttempt | None = None

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        self.attempt = start_login_attempt(username, client_ip(request))
        if self.attempt is None:
            # An unbound form: rendering the posted one would validate it, which checks the password.
            form = self.get_form_class()(request, initial={"username": username[:150]})
            return self.render_to_response(self.get_context_data(form=form, blocked=True), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        if self.attempt is not None:
            self.attempt.succeeded()
        return super().form_valid(form)
