"""TOTP second factor for staff (django-otp).

A staff member with a confirmed authenticator must enter a fresh code after the password
before any console page opens. With ``BRIDGEDESK_REQUIRE_TOTP=1`` staff without one are sent
to enrol first. django-otp's TOTP device throttles wrong codes itself (growing delays).
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

VERIFY_URL = "/accounts/otp/"
SETUP_URL = "/accounts/otp/setup/"


def second_factor_step(request: HttpRequest) -> str | None:
    """Where a signed-in staff member must go before the console: VERIFY_URL, SETUP_URL or nowhere."""
    user = request.user
    if user.is_verified():   # type: ignore[union-attr]  # added to request.user by django-otp's OTPMiddleware (untyped)
        return None
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return VERIFY_URL
    return SETUP_URL if getattr(settings, "BRIDGEDESK_REQUIRE_TOTP", False) else None


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/tickets/"
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else "/tickets/"


def _clean_token(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())[:8]


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return HttpResponseRedirect(SETUP_URL)
    if request.method == "POST":
        if device.verify_token(_clean_token(request.POST.get("token", ""))):
            otp_login(request, device)
            return HttpResponseRedirect(_safe_next(request))
        return render(request, "registration/otp_verify.html", {"wrong": True, "next": _safe_next(request)}, status=400)
    return render(request, "registration/otp_verify.html", {"next": _safe_next(request)})


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator: show the key (text, no QR image) and confirm it with a first code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return HttpResponseRedirect(VERIFY_URL)
    device, _ = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False, defaults={"name": "authenticator"})
    if request.method == "POST" and device.verify_token(_clean_token(request.POST.get("token", ""))):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return HttpResponseRedirect(_safe_next(request))
    return render(request, "registration/otp_setup.html", {
        "key": b32encode(device.bin_key).decode(), "config_url": device.config_url,
        "wrong": request.method == "POST", "next": _safe_next(request),
    }, status=400 if request.method == "POST" else 200)
