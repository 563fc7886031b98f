"""The admin behind the console's door: staff, and the second factor where the console asks for it.

The admin shows tickets, customers, staff accounts and every outgoing mail, so a password alone
must open it no more than it opens the console: a staff member with a confirmed authenticator
enters a code in this session first, and with ``BRIDGEDESK_REQUIRE_TOTP=1`` staff without one
enrol first (``twofactor.second_factor_step`` decides both, for both doors). The admin's own
password form is replaced by the one sign-in page, which counts failures against the login limits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from bridgedesk.web.auth.twofactor import second_factor_step

View = TypeVar("View", bound=Callable[..., Any])


def _pending_second_factor(request: HttpRequest) -> str | None:
    """Where a signed-in staff member must go before the admin; None for everyone else."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return None
    return second_factor_step(request)


class SecondFactorAdminSite(AdminSite):
    """Django's admin site, refusing staff who still owe the second factor."""

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and _pending_second_factor(request) is None

    def admin_view(self, view: View, cacheable: bool = False) -> View:
        """Every admin page (index, model pages, actions): send a staff member owing a code to enter it."""
        guarded = super().admin_view(view, cacheable)

        @wraps(guarded)
        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            step = _pending_second_factor(request)
            if step:
                return redirect_to_login(request.get_full_path(), login_url=step)
            return guarded(request, *args, **kwargs)
        return cast(View, inner)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """The one sign-in page instead of the admin's form, which would skip the login limits."""
        target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        return redirect_to_login(target, settings.LOGIN_URL)
