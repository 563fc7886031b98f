"""The public verify page and JSON API: no sign-in, GET only, reasons in English and Chinese,
the registry from the database, and a per-client rate limit."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from bridgedesk.desk.models import OfficialChannel

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def registry():
    OfficialChannel.objects.create(kind="phone", value="+65 6123 4567", note="Singapore hotline")
    OfficialChannel.objects.create(kind="telegram", value="@KestrelExchange")
    OfficialChannel.objects.create(kind="x", value="KestrelEx")
    OfficialChannel.objects.create(kind="domain", value="kestrel.help")


def ask(client: Client, query: str, **extra):
    return client.get("/api/verify", {"q": query}, **extra)


def test_lookalike_address_is_explained_without_sign_in(client, desk_config):
    response = ask(client, "support@kestreI.exchange")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"query", "kind", "official", "reason", "reason_zh", "matched"}
    assert body["official"] is False and body["kind"] == "email" and body["matched"] == "kestrel.exchange"
    assert body["reason"] == "not official: looks like kestrel.exchange but the letter l is a capital I"
    assert "看起来像 kestrel.exchange" in body["reason_zh"] and "大写字母 I" in body["reason_zh"]


@pytest.mark.parametrize(("query", "official", "kind"), [
    ("support@kestrel.exchange", True, "email"),
    ("https://help.kestrel.exchange/zh-CN/articles", True, "url"),
    ("https://kestrel.exchange.account-verify.io/login", False, "url"),
    ("kestrel-support.help", False, "domain"),
    ("docs.kestrel.help", True, "domain"),          # registered in the admin
    ("+65 6123 4567", True, "phone"),
    ("+65 6123 4568", False, "phone"),
    ("https://t.me/KestrelExchange", True, "telegram"),
    ("@KestreIExchange", False, "telegram"),
    ("https://x.com/KestrelEx_", False, "x"),
])
def test_registry_and_brand_domains_decide(client, desk_config, registry, query, official, kind):
    body = ask(client, query).json()
    assert (body["official"], body["kind"]) == (official, kind), body
    assert body["reason"] and body["reason_zh"]


def test_the_registry_is_read_live_from_the_admin_table(client, desk_config):
    assert ask(client, "+44 20 7946 0000").json()["official"] is False
    OfficialChannel.objects.create(kind="phone", value="+44 20 7946 0000")
    assert ask(client, "+44 20 7946 0000").json()["official"] is True


def test_page_shows_both_languages_and_escapes_the_query(client, desk_config):
    form = client.get("/verify/")
    assert form.status_code == 200 and "Is this really us?" in form.content.decode() and 'name="q"' in form.content.decode()
    page = client.get("/verify/", {"q": "support@kestreI.exchange"}).content.decode()
    assert "Not official" in page and "非官方" in page
    assert "looks like kestrel.exchange but the letter l is a capital I" in page and "大写字母 I" in page
    chinese = client.get("/verify/", {"q": "support@kestrel.exchange"}, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").content.decode()
    assert chinese.index("官方渠道") < chinese.index("Official") and '<html lang="zh">' in chinese
    hostile = client.get("/verify/", {"q": "<script>alert(1)</script>@x.io"}).content.decode()
    assert "<script>alert(1)</script>" not in hostile and "&lt;script&gt;" in hostile


def test_only_get_is_accepted_and_a_query_is_required(client, desk_config):
    assert client.post("/api/verify", {"q": "kestrel.exchange"}).status_code == 405
    assert client.post("/verify/", {"q": "kestrel.exchange"}).status_code == 405
    strict = Client(enforce_csrf_checks=True)   # a cross-site POST is refused before it reaches the view
    assert strict.post("/api/verify", {"q": "kestrel.exchange"}).status_code == 403
    missing = client.get("/api/verify")
    assert missing.status_code == 400 and "error" in missing.json()
    assert ask(client, "a" * 501).status_code == 400
    assert ask(client, "hello there").json()["kind"] == "unknown"


def test_rate_limit_per_client_ip(client, desk_config, settings):
    settings.BRIDGEDESK_VERIFY_RATE_PER_MINUTE = 5
    for _ in range(5):
        assert ask(client, "kestrel.exchange", REMOTE_ADDR="203.0.113.7").status_code == 200
    limited = ask(client, "kestrel.exchange", REMOTE_ADDR="203.0.113.7")
    assert limited.status_code == 429
    body = limited.json()
    assert "too many requests" in body["error"] and "请求过于频繁" in body["error_zh"]
    assert 1 <= int(limited["Retry-After"]) <= 60 and body["retry_after"] == int(limited["Retry-After"])
    assert client.get("/verify/", {"q": "kestrel.exchange"}, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert ask(client, "kestrel.exchange", REMOTE_ADDR="198.51.100.2").status_code == 200   # another client is not affected
    assert client.get("/verify/", REMOTE_ADDR="203.0.113.7").status_code == 200   # the empty form costs nothing
