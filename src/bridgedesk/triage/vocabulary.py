"""The desk's shared words, each with one home: categories, priorities and their order, queue slugs.

Pure code on plain data (no Django), so the triage rules, routing, completeness and the config
check can all read it; the desk builds its model choices from these enums
(``Ticket.Priority``) instead of spelling the words again. Members are ``StrEnum``s: each is
equal to (and stored, serialised and compared as) its plain string, so rows written before
these enums existed read back unchanged.

Ticket statuses are not here: nothing below the desk needs them, so ``Ticket.Status`` is
their one home.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Category(StrEnum):
    """The ten triage categories: what the seed set teaches, what routing, completeness, the
    priority baseline and the config check know, and what an agent may set in the console.

    The order is the console's and the console seed's (its category weights follow it).
    A model trained with ``bridgedesk train --csv`` may still predict labels outside this
    list, which is why ``Ticket.category`` is a free text column without choices.
    """

    ACCOUNT_SECURITY = "account_security"
    TRADING = "trading"
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    KYC_AML = "kyc_aml"
    API = "api"
    PROMOTIONS = "promotions"
    PHISHING_REPORT = "phishing_report"
    FEEDBACK = "feedback"
    OTHER = "other"


# Every category, in order: what ``word in CATEGORIES`` tests with a plain string (Python 3.11's
# ``"deposit" in Category`` raises TypeError instead of answering).
CATEGORIES: tuple[Category, ...] = tuple(Category)


class Priority(StrEnum):
    """Ticket priorities, declared most pressing first (see ``PRIORITY_ORDER``)."""

    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


# The one order of priorities, most pressing first: urgent > high > normal > low. The console's
# work order, the SLA policies, the triage rules' "highest wins" and the model choices read it.
PRIORITY_ORDER: tuple[Priority, ...] = tuple(Priority)


def most_pressing(levels: Iterable[str]) -> str:
    """The most pressing of ``levels`` (priority words, as given) in ``PRIORITY_ORDER``."""
    return min(levels, key=PRIORITY_ORDER.index)


class QueueSlug(StrEnum):
    """The queues the code itself names (routing's defaults, fixed decisions, SLA escalation).

    Operators may add more queues through routing rules; these are the ones a fresh desk
    creates (``bridgedesk.desk.setup.queues``), in that order.
    """

    SECURITY = "security"        # leaked secrets and compromised accounts: security and admin roles only
    FUNDING = "funding"
    COMPLIANCE = "compliance"
    TRADING = "trading"
    GENERAL = "general"          # where a ticket no rule matches goes
    TRIAGE = "triage"            # the model was unsure of the category
    SUPERVISOR = "supervisor"    # the default SLA escalation queue
