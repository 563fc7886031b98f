"""The admin has the console's door: the password alone does not open it for an account with a second factor.

The admin lists tickets, customers, staff and every outgoing mail, so it follows the console's
rule: a staff member with a confirmed authenticator enters a code in this session first, and
with BRIDGEDESK_REQUIRE_TOTP=1 every staff member enrols before any admin page opens. The
admin's own password form is not a second way in around the login limits.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from bridgedesk.desk.models import Customer

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "pw-root-good-1"
ADMIN_PAGES = ("/admin/", "/admin/desk/ticket/", "/admin/desk/customer/", "/admin/auth/user/",
               "/admin/desk/outboxmail/", "/admin/desk/customer/{customer}/change/")


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def root():
    """An admin (superuser) with a password, and a customer whose record the admin shows."""
    user = get_user_model().objects.create_superuser("root", password=PASSWORD)
    Customer.objects.create(email="li@example.com")
    return user


def admin_pages() -> list[str]:
    customer = Customer.objects.get(email="li@example.com")
    return [page.format(customer=customer.pk) for page in ADMIN_PAGES]


def password_only(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password is right"
    return client


def test_an_enrolled_admin_with_the_password_alone_is_sent_to_enter_a_code(root, desk_config):
    # Intent: no admin page (index or model page) opens before the second factor, and each
    # one sends the user to the code page with a way back to where they were going.
    device = TOTPDevice.objects.create(user=root, name="phone", confirmed=True)
    client = password_only(root)
    for page in admin_pages():
        refused = client.get(page)
        assert refused.status_code == 302, f"{page} opened on the password alone"
        assert refused["Location"] == f"/accounts/otp/?next={quote(page)}", page
    assert "li@example.com" not in client.get("/admin/desk/customer/", follow=True).content.decode()
    assert client.post("/accounts/otp/", {"token": code_of(device), "next": "/admin/"})["Location"] == "/admin/"
    for page in admin_pages():
        assert client.get(page).status_code == 200, f"{page} stays shut after the code"


@override_settings(BRIDGEDESK_REQUIRE_TOTP=True)
def test_with_totp_required_an_admin_without_a_device_enrols_first(root, desk_config):
    # Intent: the requirement covers the admin as it covers the console.
    client = password_only(root)
    for page in admin_pages():
        refused = client.get(page)
        assert refused.status_code == 302 and refused["Location"].startswith("/accounts/otp/setup/"), page


def test_an_admin_without_a_device_goes_straight_in_when_totp_is_not_required(root, desk_config):
    # Intent: the rule is the console's, not a stricter one that would lock out unenrolled staff.
    client = password_only(root)
    for page in admin_pages():
        assert client.get(page).status_code == 200, page


def test_the_admins_own_password_form_is_not_a_second_door(root, desk_config):
    # Intent: the admin's login page would take passwords without the login limits or the
    # second factor; it sends people to the one sign-in page instead, and takes no password.
    page = Client().get("/admin/login/?next=/admin/desk/customer/")
    assert page.status_code == 302 and page["Location"] == "/accounts/login/?next=/admin/desk/customer/"
    client = Client()
    posted = client.post("/admin/login/", {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert posted.status_code == 302 and posted["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session, "a password posted to the admin's form signs no one in"
