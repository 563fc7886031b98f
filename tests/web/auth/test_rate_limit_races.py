"""Rate limits hold under parallel requests, against sprayed usernames, and behind a reverse proxy.

Outside probes fired requests in parallel at a real server: 40 wrong passwords at once got
8-11 evaluated against a limit of 5, 80 verify calls got 65-80 answered against 30 a minute,
and 30 usernames from one address were all tried. Here the same bursts go to the live server
(a thread per request, its own database connection each): exactly the limit's worth is
evaluated or answered, the rest get the limit's answer (429).
"""

from __future__ import annotations

import http.client
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import global_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.test import Client

from bridgedesk.desk.models import OutboxMail
from bridgedesk.web.auth.security import LOGIN_ADDRESS_LIMIT, LOGIN_FAILURE_LIMIT
from bridgedesk.web.portal.views import LINKS_PER_WINDOW
from bridgedesk.web.public.verify import DEFAULT_RATE_PER_MINUTE
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)
TRUST_LOOPBACK = '[web]\ntrusted_proxies = ["127.0.0.1/32", "::1"]\n'


@pytest.fixture
def password_checks() -> Iterator[Counter[str]]:
    """How many wrong passwords were actually evaluated, per username (Django's own signal)."""
    checked: Counter[str] = Counter()
    lock = threading.Lock()

    def count(sender, credentials, **kwargs):  # type: ignore[no-untyped-def]
        with lock:
            checked[credentials.get("username", "")] += 1
    user_login_failed.connect(count, dispatch_uid="test-password-checks")
    yield checked
    user_login_failed.disconnect(dispatch_uid="test-password-checks")


def burst(base_url: str, requests: list[tuple[str, str, dict[str, str], bytes | None]]) -> list[int]:
    """Send every (method, path, headers, body) at the same instant, one connection each; the statuses."""
    address = urlsplit(base_url)
    start = threading.Barrier(len(requests))
    statuses: list[int] = [0] * len(requests)

    def send(index: int, method: str, path: str, headers: dict[str, str], body: bytes | None) -> None:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        connection.connect()
        start.wait()
        connection.request(method, path, body=body, headers=headers)
        statuses[index] = connection.getresponse().status
        connection.close()
    threads = [threading.Thread(target=send, args=(i, *request)) for i, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def form_poster(base_url: str, path: str) -> Callable[[dict[str, str]], tuple[str, str, dict[str, str], bytes]]:
    """A POST of a form with a valid CSRF cookie and token, as a browser that loaded the page sends it."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)   # type: ignore[union-attr]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)   # type: ignore[union-attr]
    connection.close()

    def post(fields: dict[str, str]) -> tuple[str, str, dict[str, str], bytes]:
        headers = {"Cookie": f"csrftoken={cookie}", "Content-Type": "application/x-www-form-urlencoded"}
        return ("POST", path, headers, urlencode({**fields, "csrfmiddlewaretoken": token}).encode())
    return post


def test_forty_parallel_wrong_passwords_get_five_evaluated(live_server, desk_config, settings, password_checks):
    # Intent: the limit is taken before the password is checked, atomically in the shared
    # database, so a burst cannot slip past it between the check and the count.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS   # the real cost, as in production
    get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)
    post = form_poster(live_server.url, "/accounts/login/")
    statuses = burst(live_server.url, [post({"username": "ann", "password": f"wrong-{i}"}) for i in range(40)])
    assert password_checks["ann"] == LOGIN_FAILURE_LIMIT, f"evaluated {password_checks['ann']} of 40"
    assert Counter(statuses) == {200: LOGIN_FAILURE_LIMIT, 429: 40 - LOGIN_FAILURE_LIMIT}
    right = Client().post("/accounts/login/", {"username": "ann", "password": "pw-ann-good-1"})
    assert right.status_code == 429, "while the limit is reached even the right password is not tried"


def test_eighty_parallel_verify_calls_get_thirty_answers(live_server, desk_config):
    # Intent: 30 a minute means 30, however many arrive at once.
    statuses = burst(live_server.url, [("GET", "/api/verify?q=kestrel.exchange", {}, None)] * 80)
    assert Counter(statuses) == {200: DEFAULT_RATE_PER_MINUTE, 429: 80 - DEFAULT_RATE_PER_MINUTE}


def test_parallel_link_requests_send_three_mails(live_server, desk_config):
    # Intent: the portal's per-address link limit holds under a burst too (a mailbox cannot be flooded).
    make_tickets(mail("Deposit", "My deposit is missing.", sender="li@example.com"))
    post = form_poster(live_server.url, "/portal/")
    assert set(burst(live_server.url, [post({"email": "li@example.com"})] * 20)) == {200}
    assert OutboxMail.objects.filter(kind="portal_link", to_addr="li@example.com").count() == LINKS_PER_WINDOW


def test_thirty_usernames_from_one_address_get_the_address_limit(client, desk_config, password_checks):
    # Intent: spraying one password guess over many accounts is limited per address as well
    # as per account; the rest are refused before any password is checked.
    statuses = [client.post("/accounts/login/", {"username": f"user{i}", "password": "Winter2026!"}).status_code
                for i in range(30)]
    assert sum(password_checks.values()) == LOGIN_ADDRESS_LIMIT
    assert statuses == [200] * LOGIN_ADDRESS_LIMIT + [429] * (30 - LOGIN_ADDRESS_LIMIT)
    assert "Too many failed attempts" in client.post("/accounts/login/", {"username": "user0", "password": "x"}).content.decode()
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert elsewhere.post("/accounts/login/", {"username": "user29", "password": "x"}).status_code == 200, "another address is not affected"


def test_a_good_sign_in_does_not_use_up_the_limit(client, desk_config, password_checks):
    # Intent: the limit counts failures; a staff member signing in many times a day is never refused.
    get_user_model().objects.create_user("ann", password="pw-ann-good-1", is_staff=True)
    for _ in range(LOGIN_ADDRESS_LIMIT + 5):
        assert Client().post("/accounts/login/", {"username": "ann", "password": "pw-ann-good-1"}).status_code == 302
    assert password_checks["ann"] == 0


def test_forwarded_for_from_an_untrusted_peer_is_ignored(live_server, desk_config):
    # Intent: with no trusted proxy, a client naming a new address in each request is still one client.
    requests = [("GET", "/api/verify?q=kestrel.exchange", {"X-Forwarded-For": f"198.51.100.{i}"}, None) for i in range(40)]
    assert Counter(burst(live_server.url, requests)) == {200: DEFAULT_RATE_PER_MINUTE, 429: 40 - DEFAULT_RATE_PER_MINUTE}


def test_forwarded_for_from_a_trusted_proxy_names_the_client(live_server, desk_config):
    # Intent: behind our proxy (the loopback peer here) each client gets its own limit, and a
    # client cannot escape its own by putting another address in front of the one the proxy adds.
    desk_config(TRUST_LOOPBACK)

    def ask(forwarded_for: str) -> tuple[str, str, dict[str, str], None]:
        return ("GET", "/api/verify?q=kestrel.exchange", {"X-Forwarded-For": forwarded_for}, None)
    first = burst(live_server.url, [ask("203.0.113.5")] * (DEFAULT_RATE_PER_MINUTE + 10))
    assert Counter(first) == {200: DEFAULT_RATE_PER_MINUTE, 429: 10}
    forged = burst(live_server.url, [ask("198.51.100.77, 203.0.113.5")] * 3)
    assert forged == [429] * 3, "the right-most hop (what our proxy saw) is the client"
    other = burst(live_server.url, [ask("203.0.113.5, 198.51.100.9")] * 3)
    assert other == [200] * 3, "another client behind the same proxy has its own limit"
