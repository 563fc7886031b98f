"""Public "is this really the exchange?" page and JSON API: no sign-in, GET only, rate-limited.

Anyone can paste an address, link, domain, phone number or social handle they were sent and
learn whether it is one of ours, with the reason when it is not. Nothing is stored and no
state changes, so GET is safe from CSRF; the per-IP limit keeps the endpoint from being a
free oracle for someone testing thousands of lookalike names.
"""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bridgedesk.desk.runtime import get_config
from bridgedesk.desk.security.channels import official_channels
from bridgedesk.guard.channels.registry import Channel, ChannelVerdict, verify_channel
from bridgedesk.web.auth.client_address import client_ip
from bridgedesk.web.auth.limits import limit_key, take

DEFAULT_RATE_PER_MINUTE = 30
MAX_QUERY_CHARS = 500
_TOO_MANY = "too many requests: at most {limit} checks per minute, try again in {wait} seconds"
_TOO_MANY_ZH = "请求过于频繁：每分钟最多查询 {limit} 次，请 {wait} 秒后再试"


def check_channel(query: str) -> ChannelVerdict:
    """The verdict for one query against the brand's domains, its own addresses and the registry."""
    config = get_config()
    brand_addresses = tuple(Channel("email", address) for address in config.brand.own_addresses)
    return verify_channel(query, official_domains=config.brand.official_domains,
                          channels=(*brand_addresses, *official_channels()))


def rate_limit_wait(request: HttpRequest) -> int:
    """Seconds until this client may ask again; 0 when it is within the per-minute limit (counted atomically)."""
    limit = getattr(settings, "BRIDGEDESK_VERIFY_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE)
    slot = take(limit_key("verify", client_ip(request)), limit, 60)
    return 0 if slot.granted else slot.retry_after_seconds


def _too_many(wait: int) -> dict[str, object]:
    limit = getattr(settings, "BRIDGEDESK_VERIFY_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE)
    return {"error": _TOO_MANY.format(limit=limit, wait=wait), "error_zh": _TOO_MANY_ZH.format(limit=limit, wait=wait),
            "retry_after": wait}


@require_GET
def verify_api(request: HttpRequest) -> JsonResponse:
    """GET /api/verify?q=... -> {"query","kind","official","reason","reason_zh","matched"}."""
    wait = rate_limit_wait(request)
    if wait:
        response = JsonResponse(_too_many(wait), status=429)
        response["Retry-After"] = str(wait)
        return response
    query = request.GET.get("q", "").strip()
    if not query or len(query) > MAX_QUERY_CHARS:
        return JsonResponse({"error": f"give q: an email address, web address, domain, phone number or handle (at most {MAX_QUERY_CHARS} characters)",
                             "error_zh": "请提供 q：邮箱、网址、域名、电话号码或社交账号"}, status=400)
    response = JsonResponse(asdict(check_channel(query)), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def verify_page(request: HttpRequest) -> HttpResponse:
    """GET /verify/ (form) and /verify/?q=... (form and result), in English and Chinese."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    context: dict[str, object] = {"query": query, "chinese_first": _prefers_chinese(request)}
    status = 200
    if query:
        wait = rate_limit_wait(request)
        if wait:
            context["limited"] = _too_many(wait)
            status = 429
        else:
            context["verdict"] = check_channel(query)
    return render(request, "verify/verify.html", context, status=status)


def _prefers_chinese(request: HttpRequest) -> bool:
    chosen = request.GET.get("lang", "")
    if chosen:
        return chosen.lower().startswith("zh")
    return request.META.get("HTTP_ACCEPT_LANGUAGE", "").lower().startswith("zh")
