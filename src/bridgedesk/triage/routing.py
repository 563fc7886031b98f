"""Which queue a ticket goes to: category × language × priority, by ordered rules.

Rules are data, read top to bottom, first match wins, like a mail filter an operator can
reason about. An empty field in a rule means "any". Two decisions sit above the rules on
purpose, because no configuration should be able to undo them:

1. urgent account-security mail always goes to the security queue (a compromised account
   must reach the people who can freeze it, whatever the rules say);
2. a ticket whose category the model is unsure of goes to the triage queue instead of
   being misrouted.

Queue names are language-neutral by default: agents carry language skills and the console
offers matching tickets first. A deployment that wants a language queue adds a rule such
as ``RouteRule("funding-zh", ("deposit", "withdrawal"), ("zh",))`` above the defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bridgedesk.triage.vocabulary import Category, Priority, QueueSlug


@dataclass(frozen=True)
class RouteRule:
    """Send matching tickets to ``queue``; an empty tuple matches any value."""

    queue: str
    categories: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()

    def matches(self, category: str, language: str, priority: str) -> bool:
        """True when every non-empty field of the rule contains the ticket's value."""
        return (
            (not self.categories or category in self.categories)
            and (not self.languages or language in self.languages)
            and (not self.priorities or priority in self.priorities)
        )


DEFAULT_ROUTES: tuple[RouteRule, ...] = (
    RouteRule(QueueSlug.SECURITY, (Category.ACCOUNT_SECURITY, Category.PHISHING_REPORT), (), (Priority.URGENT,)),
    RouteRule(QueueSlug.SECURITY, (Category.ACCOUNT_SECURITY, Category.PHISHING_REPORT)),
    RouteRule(QueueSlug.FUNDING, (Category.DEPOSIT, Category.WITHDRAWAL)),
    RouteRule(QueueSlug.COMPLIANCE, (Category.KYC_AML,)),
    RouteRule(QueueSlug.TRADING, (Category.TRADING, Category.API)),
    RouteRule(QueueSlug.GENERAL, (Category.PROMOTIONS, Category.FEEDBACK, Category.OTHER)),
)


def route(
    category: str,
    language: str,
    priority: str,
    *,
    rules: Sequence[RouteRule] = DEFAULT_ROUTES,
    needs_triage: bool = False,
) -> str:
    """The queue for a ticket; see the module docstring for the fixed decisions."""
    if category == Category.ACCOUNT_SECURITY and priority == Priority.URGENT:
        return QueueSlug.SECURITY
    if needs_triage:
        return QueueSlug.TRIAGE
    for rule in rules:
        if rule.matches(category, language, priority):
            return rule.queue
    return QueueSlug.GENERAL


def routes_from_config(entries: Iterable[Mapping[str, object]]) -> tuple[RouteRule, ...]:
    """Rules from config tables (``[[routing.rules]] queue = "funding"
    categories = ["deposit"]``), in file order; unknown keys are an error, not ignored."""
    return tuple(rule_from_entry(entry) for entry in entries)


def rule_from_entry(entry: Mapping[str, object]) -> RouteRule:
    """One RouteRule from one config table, with a clear error for a malformed one."""
    allowed = {"queue", "categories", "languages", "priorities"}
    unknown = set(entry) - allowed
    queue = entry.get("queue")
    if unknown or not isinstance(queue, str) or not queue:
        raise ValueError(f"invalid routing rule {dict(entry)!r}: needs a queue name, keys {sorted(allowed)}")
    return RouteRule(
        queue,
        string_tuple(entry, "categories"),
        string_tuple(entry, "languages"),
        string_tuple(entry, "priorities"),
    )


def string_tuple(entry: Mapping[str, object], key: str) -> tuple[str, ...]:
    """entry[key] as a tuple of strings (missing = empty = any)."""
    value = entry.get(key, ())
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValueError(f"routing rule field {key!r} must be a list of strings, got {value!r}")
    items = tuple(value)
    if not all(isinstance(item, str) for item in items):
        raise ValueError(f"routing rule field {key!r} must be a list of strings, got {value!r}")
    return tuple(str(item) for item in items)
