"""Routing rules: first match wins, security and triage decisions cannot be configured away."""

from __future__ import annotations

import pytest

from bridgedesk.triage.routing import DEFAULT_ROUTES, RouteRule, route, routes_from_config


@pytest.mark.parametrize(
    ("category", "priority", "queue"),
    [
        ("account_security", "urgent", "security"),
        ("phishing_report", "urgent", "security"),
        ("account_security", "normal", "security"),
        ("deposit", "high", "funding"),
        ("withdrawal", "urgent", "funding"),
        ("kyc_aml", "normal", "compliance"),
        ("trading", "normal", "trading"),
        ("api", "normal", "trading"),
        ("promotions", "low", "general"),
        ("feedback", "low", "general"),
        ("other", "low", "general"),
        ("not_a_category", "normal", "general"),
    ],
)
def test_default_routes(category: str, priority: str, queue: str) -> None:
    assert route(category, "en", priority) == queue
    assert route(category, "zh", priority) == queue


def test_needs_triage_goes_to_triage_except_urgent_account_security() -> None:
    assert route("deposit", "en", "high", needs_triage=True) == "triage"
    assert route("account_security", "zh", "urgent", needs_triage=True) == "security"


def test_urgent_account_security_reaches_security_whatever_the_rules() -> None:
    rules = (RouteRule("general"),)
    assert route("account_security", "en", "urgent", rules=rules) == "security"
    assert route("account_security", "en", "normal", rules=rules) == "general"


def test_first_matching_rule_wins_and_language_rules_can_come_first() -> None:
    rules = (RouteRule("funding-zh", ("deposit", "withdrawal"), ("zh",)), *DEFAULT_ROUTES)
    assert route("deposit", "zh", "high", rules=rules) == "funding-zh"
    assert route("deposit", "en", "high", rules=rules) == "funding"


def test_priority_field_restricts_a_rule() -> None:
    rules = (RouteRule("vip", (), (), ("urgent",)), RouteRule("everyone"))
    assert route("trading", "ko", "urgent", rules=rules) == "vip"
    assert route("trading", "ko", "normal", rules=rules) == "everyone"


def test_routes_from_config_tables() -> None:
    rules = routes_from_config(
        [{"queue": "funding-zh", "categories": ["deposit"], "languages": ["zh"]}, {"queue": "rest"}]
    )
    assert rules == (RouteRule("funding-zh", ("deposit",), ("zh",)), RouteRule("rest"))


@pytest.mark.parametrize(
    "entry",
    [{"categories": ["deposit"]}, {"queue": "x", "langs": ["zh"]}, {"queue": "x", "languages": "zh"}],
)
def test_malformed_config_rules_are_rejected(entry: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        routes_from_config([entry])
