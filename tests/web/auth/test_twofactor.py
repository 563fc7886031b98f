"""TOTP second factor for staff: enrolled staff need a code; enrolment confirms with a code."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db(transaction=True)


def _code(device: TOTPDevice, *, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def _unthrottle(device: TOTPDevice) -> None:
    """django-otp delays the next try after a wrong code (1 s, 2 s, 4 s...); tests skip the wait."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)


def _password_login(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.post("/accounts/login/", {"username": user.username, "password": "pw-ann-good-1"}).status_code == 302
    return client


def test_enrolled_staff_must_enter_a_code_before_the_console(staff, desk_config):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client = _password_login(staff)
    blocked = client.get("/tickets/")
    assert blocked.status_code == 302 and blocked["Location"] == "/accounts/otp/?next=/tickets/"
    wrong = client.post("/accounts/otp/", {"token": "000000" if _code(device) != "000000" else "111111", "next": "/tickets/"})
    assert wrong.status_code == 400 and "验证码错误" in wrong.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1, "a wrong code is counted for throttling"
    assert client.post("/accounts/otp/", {"token": _code(device)}).status_code == 400, "throttled right after a failure"
    _unthrottle(device)
    ok = client.post("/accounts/otp/", {"token": _code(device), "next": "/tickets/"})
    assert ok.status_code == 302 and ok["Location"] == "/tickets/"
    assert client.get("/tickets/").status_code == 200


def test_a_code_cannot_be_used_twice(staff, desk_config):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    code = _code(device)
    first = _password_login(staff)
    assert first.post("/accounts/otp/", {"token": code}).status_code == 302
    second = _password_login(staff)
    assert second.post("/accounts/otp/", {"token": code}).status_code == 400


def test_offsite_next_is_ignored(staff, desk_config):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client = _password_login(staff)
    response = client.post("/accounts/otp/", {"token": _code(device), "next": "https://evil.example/steal"})
    assert response["Location"] == "/tickets/"


@override_settings(BRIDGEDESK_REQUIRE_TOTP=True)
def test_required_totp_sends_staff_without_a_device_to_enrol(staff, desk_config):
    client = _password_login(staff)
    assert client.get("/tickets/")["Location"].startswith("/accounts/otp/setup/")
    page = client.get("/accounts/otp/setup/").content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    from base64 import b32encode
    assert b32encode(device.bin_key).decode() in page
    assert client.post("/accounts/otp/setup/", {"token": "12"}).status_code == 400
    _unthrottle(device)
    assert client.post("/accounts/otp/setup/", {"token": _code(device)}).status_code == 302
    assert TOTPDevice.objects.get(user=staff).confirmed
    assert client.get("/tickets/").status_code == 200


def test_without_requirement_staff_without_a_device_go_straight_in(staff, desk_config):
    assert _password_login(staff).get("/tickets/").status_code == 200
