"""The pure vocabulary is the one home of its words: triage, routing, completeness, the seed set and
the config check all agree with it (bridgedesk.triage.vocabulary)."""

from __future__ import annotations

import tomllib

import pytest

from bridgedesk.bench import corpus_text
from bridgedesk.config import DEMO_TOML, ConfigError, Sla, parse_config
from bridgedesk.config.loading import CATEGORIES as CONFIG_CATEGORIES
from bridgedesk.triage.category.seed import load_seed
from bridgedesk.triage.completeness import DEFAULT_REQUIREMENTS
from bridgedesk.triage.priority import CATEGORY_PRIORITY, PRIORITY_RULES, decide_priority, highest
from bridgedesk.triage.routing import DEFAULT_ROUTES, route
from bridgedesk.triage.vocabulary import CATEGORIES, PRIORITY_ORDER, Category, Priority, QueueSlug, most_pressing

# Pinned once here: a word added, dropped or reordered in the vocabulary is a decision, not an accident.
TEN_CATEGORIES = ["account_security", "trading", "deposit", "withdrawal", "kyc_aml", "api",
                  "promotions", "phishing_report", "feedback", "other"]


def config(extra: str):   # type: ignore[no-untyped-def]
    return parse_config(tomllib.loads(DEMO_TOML + "\n" + extra))


def test_the_ten_categories_in_their_order():
    assert [c.value for c in Category] == TEN_CATEGORIES
    assert tuple(Category) == CATEGORIES
    assert "deposit" in CATEGORIES and "made_up" not in CATEGORIES   # plain strings test membership


def test_priority_order_is_most_pressing_first():
    assert [p.value for p in PRIORITY_ORDER] == ["urgent", "high", "normal", "low"]
    assert tuple(Priority) == PRIORITY_ORDER
    assert most_pressing(["low", "high", "normal"]) == "high"
    assert most_pressing(["normal", "urgent"]) == highest(["normal", "urgent"]) == "urgent"
    assert type(most_pressing(["low", "normal"])) is str   # the word as given, not converted
    with pytest.raises(ValueError):
        most_pressing(["low", "made_up"])


def test_words_are_their_plain_strings():
    assert Category.DEPOSIT == "deposit" and f"{Category.DEPOSIT}" == "deposit" and str(QueueSlug.SECURITY) == "security"
    assert {Category.DEPOSIT: 1}.get("deposit") == 1


def test_triage_tables_name_only_vocabulary_words():
    assert sorted(CATEGORY_PRIORITY) == sorted(Category)   # every category has a baseline, and only those
    assert set(CATEGORY_PRIORITY.values()) <= set(Priority)
    assert {level for _, _, level in PRIORITY_RULES} <= set(Priority)
    assert set(DEFAULT_REQUIREMENTS) <= set(Category)
    priority, _ = decide_priority("deposit", secret_types=["seed_phrase"], text="")
    assert priority == Priority.URGENT


def test_default_routes_cover_every_category_with_known_queues():
    assert {c for rule in DEFAULT_ROUTES for c in rule.categories} == set(Category)
    assert {rule.queue for rule in DEFAULT_ROUTES} <= set(QueueSlug)
    assert {p for rule in DEFAULT_ROUTES for p in rule.priorities} <= set(Priority)
    assert route("account_security", "en", "urgent", needs_triage=True) == QueueSlug.SECURITY
    assert route("deposit", "en", "high", needs_triage=True) == QueueSlug.TRIAGE
    assert route("made_up", "en", "normal", rules=()) == QueueSlug.GENERAL


def test_the_seed_set_teaches_exactly_the_vocabulary():
    assert {example.category for example in load_seed()} == set(Category)


def test_the_bench_corpus_writes_only_vocabulary_categories():
    assert set(corpus_text.CATEGORIES) <= set(Category)


def test_config_knows_the_vocabulary():
    assert CONFIG_CATEGORIES == CATEGORIES
    parsed = config("")
    assert list(parsed.sla.policies) == list(PRIORITY_ORDER)
    assert Sla().escalation_queue == parsed.sla.escalation_queue == QueueSlug.SUPERVISOR


def test_config_naming_an_unknown_category_fails_clearly():
    with pytest.raises(ConfigError, match=r"triage\.requirements\.made_up: unknown category; categories are account_security, "):
        config('[triage.requirements]\nmade_up = ["tx_hash"]')
    with pytest.raises(ConfigError, match=r"unknown category 'made_up' in the rule for queue 'funding'"):
        config('[[triage.routes]]\nqueue = "funding"\ncategories = ["deposit", "made_up"]')
    with pytest.raises(ConfigError, match=r"unknown key sla\.policies\.made_up; known keys here: high, low, normal, urgent"):
        config("[sla.policies.made_up]\nfirst_response_hours = 1")


def test_config_accepts_every_vocabulary_word():
    requirements = "\n".join(f'{c} = ["tx_hash"]' for c in Category)
    policies = "\n".join(f"[sla.policies.{p}]\nfirst_response_hours = 2" for p in Priority)
    parsed = config(f"[triage.requirements]\n{requirements}\n{policies}")
    assert set(parsed.triage.requirements) == set(Category)
    assert {p: policy.first_response_hours for p, policy in parsed.sla.policies.items()} == dict.fromkeys(PRIORITY_ORDER, 2)
