"""The ticket timeline's vocabulary: every ``TicketEvent.kind``, and one typed payload per kind.

``TicketEvent.data`` stays a JSON object, so nothing is migrated: each payload's ``to_json()``
writes exactly the keys, key order and value types the desk wrote before these classes
existed, and ``from_json()`` reads such a row back (``from_json(p.to_json()) == p``). Tuples
are JSON lists, datetimes ISO 8601 strings; a field whose key is a Python keyword names its
key in ``metadata`` (``MergedInPayload.from_ticket`` is stored as ``"from"``).

Write an event with ``record_event(ticket, payload, actor=...)``; a bulk path builds unsaved
rows with ``new_event(...)`` and inserts them in one statement as before. ``read_payload``
turns a stored row back into its payload; readers that only need one key (the console's
timeline, campaigns, training) may keep reading ``event.data`` as a dict.

A new kind is a new ``EventKind`` member and a payload class naming it; tests/desk/
test_vocabulary.py fails on a kind written as a bare string anywhere in the sources.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar, Self

from bridgedesk.desk.models.tickets import Ticket, TicketEvent
from bridgedesk.guard.phishing.analysis import PhishingAnalysis


class EventKind(StrEnum):
    """What happened on a ticket's timeline; the payload class of each kind documents its data."""

    # the pipeline, for a stored inbound message
    TRIAGE = "triage"
    SECRET_REDACTED = "secret_redacted"
    PHISHING_ANALYSIS = "phishing_analysis"
    SENDER_MISMATCH = "sender_mismatch"
    DUPLICATE = "duplicate"
    BOUNCE = "bounce"
    MISSING_UPDATED = "missing_updated"
    # the outbox
    AUTO_REPLY_SUPPRESSED = "auto_reply_suppressed"
    DELIVERY_FAILED = "delivery_failed"
    # the SLA scan
    SLA_BREACH = "sla_breach"
    SLA_ESCALATED = "sla_escalated"
    # agents in the console
    STATUS_SET = "status_set"
    ASSIGNED = "assigned"
    CATEGORY_SET = "category_set"
    PRIORITY_SET = "priority_set"
    QUEUE_SET = "queue_set"
    MERGED_IN = "merged_in"
    MERGED_INTO = "merged_into"
    # customers in the portal
    CLOSED_BY_CUSTOMER = "closed_by_customer"
    # bridgedesk import: history brought in from another system
    IMPORTED = "imported"
    CLOSED_AS_HISTORY = "closed_as_history"


class JsonRecord:
    """A frozen dataclass that is one JSON object: fields in key order, see the module docstring."""

    def to_json(self) -> dict[str, Any]:
        return {_key(f): _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}   # type: ignore[arg-type]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        """The record a ``to_json()`` dict (a stored row's ``data``) describes; a missing or unknown key is an error."""
        fields = dataclasses.fields(cls)   # type: ignore[arg-type]
        keys = {_key(f) for f in fields}
        if not isinstance(data, Mapping) or set(data) != keys:
            got = sorted(data) if isinstance(data, Mapping) else type(data).__name__
            raise ValueError(f"{cls.__name__} needs the keys {sorted(keys)}, got {got}")
        hints = _hints(cls)   # type: ignore[arg-type]  # a class is hashable; mypy does not see type[Self] as Hashable
        return cls(**{f.name: _load(hints[f.name], data[_key(f)]) for f in fields})


PAYLOAD_TYPES: dict[EventKind, type[Payload]] = {}


class Payload(JsonRecord):
    """The data of one event kind; subclasses declare it: ``class XPayload(Payload, kind=EventKind.X)``."""

    kind: ClassVar[EventKind]

    def __init_subclass__(cls, *, kind: EventKind, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind in PAYLOAD_TYPES:
            raise TypeError(f"event kind {kind!r} already has the payload {PAYLOAD_TYPES[kind].__name__}")
        cls.kind = kind
        PAYLOAD_TYPES[kind] = cls


# --- the pipeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TriagePayload(Payload, kind=EventKind.TRIAGE):
    """A new ticket's first understanding (written once, by the pipeline, when a mail opens it).

    ``{"language": "en", "category": "deposit", "confidence": 0.912, "priority": "high",
    "priority_reasons": ["category:deposit", "funds_missing"], "queue": "funding",
    "needs_triage": false, "missing": ["tx_hash"]}`` — category, priority and queue words from
    ``bridgedesk.triage.vocabulary`` (a model trained on other labels may add categories),
    confidence rounded to 3 places, missing as ``triage.completeness`` reports it ("a|b").
    The console seed (``bridgedesk bench``) writes a short form without confidence,
    priority_reasons and missing; readers of ``event.data`` use ``.get``.
    """

    language: str
    category: str
    confidence: float
    priority: str
    priority_reasons: tuple[str, ...]
    queue: str
    needs_triage: bool
    missing: tuple[str, ...]


@dataclass(frozen=True)
class RedactedSecret(JsonRecord):
    """One secret removed before storage: its type and where it was, never its value."""

    type: str        # seed_phrase, private_key, password, ...
    location: str    # "subject", "text", "html", "attachment:<name>"

    @classmethod
    def all_of(cls, reports: Iterable[Any]) -> tuple[RedactedSecret, ...]:
        """From the guard's ``SecretReport``s (anything with ``type`` and ``location``), in order."""
        return tuple(cls(report.type, report.location) for report in reports)


@dataclass(frozen=True)
class SecretRedactedPayload(Payload, kind=EventKind.SECRET_REDACTED):
    """Secrets the guard removed from one stored message (mail, or a portal reply with or without files).

    ``{"message": 17, "secrets": [{"type": "seed_phrase", "location": "text"}], "ocr": "checked"}``
    — message is the ``Message`` id; ocr is the guard's OCR status (checked, not_needed,
    disabled, not_installed, ...) or ``"portal"`` for a portal reply without files.
    """

    message: int
    secrets: tuple[RedactedSecret, ...]
    ocr: str


@dataclass(frozen=True)
class PhishingAnalysisPayload(Payload, kind=EventKind.PHISHING_ANALYSIS):
    """The verdict on a reported (forwarded) message; the security team's list and campaigns read it.

    ``{"message": 17, "verdict": "phishing", "score": 0.93, "indicators": ["lookalike_domain"],
    "details": ["..."], "domains": ["kestrel-support.com"], "urls": ["https://..."]}`` —
    verdict, score and indicators are ``PhishingAnalysis.as_contract()``; details are cut to 20,
    domains and urls (the takedown list) to 50.
    """

    message: int
    verdict: str              # phishing, suspicious, clean
    score: float              # 0..1
    indicators: tuple[str, ...]
    details: tuple[str, ...]
    domains: tuple[str, ...]
    urls: tuple[str, ...]

    @classmethod
    def of(cls, message: int, analysis: PhishingAnalysis) -> PhishingAnalysisPayload:
        return cls(message, analysis.verdict, analysis.score, tuple(analysis.indicators), tuple(analysis.details)[:20],
                   tuple(analysis.domains)[:50], tuple(analysis.urls)[:50])


@dataclass(frozen=True)
class SenderMismatchPayload(Payload, kind=EventKind.SENDER_MISMATCH):
    """A message threaded onto a ticket came from someone other than the requester (possible hijack).

    ``{"message": 17, "sender": "someone@example.com"}``
    """

    message: int
    sender: str


@dataclass(frozen=True)
class DuplicatePayload(Payload, kind=EventKind.DUPLICATE):
    """A near-copy of a recent message from the same sender was stored on its ticket. ``{"message": 17}``"""

    message: int


@dataclass(frozen=True)
class BouncePayload(Payload, kind=EventKind.BOUNCE):
    """A delivery report for one of our outgoing messages on this ticket.

    ``{"recipient": "li@example.com", "action": "failed", "status": "5.1.1",
    "diagnostic": "550 5.1.1 no such user", "message": 42}`` — recipient may be null, the
    diagnostic is cut to 500 characters, message is the outgoing ``Message`` id.
    """

    recipient: str | None
    action: str
    status: str
    diagnostic: str
    message: int


@dataclass(frozen=True)
class MissingUpdatedPayload(Payload, kind=EventKind.MISSING_UPDATED):
    """A reply changed what the ticket still lacks. ``{"before": ["tx_hash"], "after": []}``"""

    before: tuple[str, ...]
    after: tuple[str, ...]


# --- the outbox ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AutoReplySuppressedPayload(Payload, kind=EventKind.AUTO_REPLY_SUPPRESSED):
    """No acknowledgement went out. ``{"reason": "rate_window"}`` — a loop rule's reason, "disabled" or "rate_window"."""

    reason: str


@dataclass(frozen=True)
class DeliveryFailedPayload(Payload, kind=EventKind.DELIVERY_FAILED):
    """An outgoing mail failed for good. ``{"to": "li@example.com", "error": "SMTPRecipientsRefused: ..."}`` (error ≤ 500 chars)"""

    to: str
    error: str


# --- the SLA scan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SlaBreachPayload(Payload, kind=EventKind.SLA_BREACH):
    """One SLA target passed unmet.

    ``{"target": "first_response", "due": "2026-01-05T09:00:00+00:00", "priority": "high"}`` —
    target is first_response, next_response or resolution; due is stored as ISO 8601 text.
    """

    target: str
    due: datetime
    priority: str


@dataclass(frozen=True)
class SlaEscalatedPayload(Payload, kind=EventKind.SLA_ESCALATED):
    """A breached ticket moved to the escalation queue.

    ``{"from_queue": "funding", "to_queue": "supervisor", "targets": ["first_response"]}``
    """

    from_queue: str
    to_queue: str
    targets: tuple[str, ...]


# --- agents in the console ------------------------------------------------------------------


@dataclass(frozen=True)
class StatusSetPayload(Payload, kind=EventKind.STATUS_SET):
    """``{"before": "open", "status": "solved"}`` — ``Ticket.Status`` words."""

    before: str
    status: str


@dataclass(frozen=True)
class AssignedPayload(Payload, kind=EventKind.ASSIGNED):
    """``{"assignee": "agent"}`` — the username, or null when the ticket was unassigned."""

    assignee: str | None


@dataclass(frozen=True)
class CategorySetPayload(Payload, kind=EventKind.CATEGORY_SET):
    """``{"before": "other", "category": "api"}`` — a training label for ``bridgedesk train`` (latest wins)."""

    before: str
    category: str


@dataclass(frozen=True)
class PrioritySetPayload(Payload, kind=EventKind.PRIORITY_SET):
    """``{"before": "normal", "priority": "urgent"}``"""

    before: str
    priority: str


@dataclass(frozen=True)
class QueueSetPayload(Payload, kind=EventKind.QUEUE_SET):
    """``{"before": "general", "queue": "funding"}``"""

    before: str
    queue: str


@dataclass(frozen=True)
class MergedInPayload(Payload, kind=EventKind.MERGED_IN):
    """On the target of a merge: ``{"from": "KX-100007", "messages": 3}`` (the source's number, messages moved)."""

    from_ticket: str | None = field(metadata={"key": "from"})
    messages: int


@dataclass(frozen=True)
class MergedIntoPayload(Payload, kind=EventKind.MERGED_INTO):
    """On the source of a merge, which is closed: ``{"into": "KX-100002", "messages": 3}``"""

    into: str | None
    messages: int


# --- customers in the portal ----------------------------------------------------------------


@dataclass(frozen=True)
class ClosedByCustomerPayload(Payload, kind=EventKind.CLOSED_BY_CUSTOMER):
    """``{"customer": "li@example.com", "before": "pending"}``"""

    customer: str
    before: str


# --- writing and reading ----------------------------------------------------------------------


def new_event(ticket: Ticket | int, payload: Payload, *, actor: Any = None, created_at: datetime | None = None) -> TicketEvent:
    """An unsaved event row (``ticket`` may be a ticket id) for a bulk insert."""
    target = {"ticket": ticket} if isinstance(ticket, Ticket) else {"ticket_id": ticket}
    stamp = {} if created_at is None else {"created_at": created_at}
    return TicketEvent(**target, kind=payload.kind, data=payload.to_json(), actor=actor, **stamp)


def record_event(ticket: Ticket | int, payload: Payload, actor: Any = None) -> TicketEvent:
    """Write one event on ``ticket`` (or a ticket id) now."""
    event = new_event(ticket, payload, actor=actor)
    event.save(force_insert=True)
    return event


def read_payload(event: TicketEvent) -> Payload:
    """The typed payload of a stored event; ValueError for an unknown kind or a row of another shape."""
    try:
        kind = EventKind(event.kind)
    except ValueError:
        raise ValueError(f"unknown event kind {event.kind!r}") from None
    return PAYLOAD_TYPES[kind].from_json(event.data)


def _key(f: dataclasses.Field[Any]) -> str:
    return f.metadata.get("key", f.name)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dump(value: Any) -> Any:
    if isinstance(value, JsonRecord):
        return value.to_json()
    if isinstance(value, tuple):
        return [_dump(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and type(value) is not str:
        return str(value)   # a StrEnum or TextChoices member: stored as its plain word
    return value


def _load(hint: Any, raw: Any) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if raw is None:
            return None
        return _load(next(arg for arg in args if arg is not type(None)), raw)
    if origin is tuple:
        return tuple(_load(args[0], item) for item in raw)
    if isinstance(hint, type) and issubclass(hint, JsonRecord):
        return hint.from_json(raw)
    if hint is datetime:
        return datetime.fromisoformat(raw)
    return raw


@dataclass(frozen=True)
class ImportedPayload(Payload, kind=EventKind.IMPORTED):
    """A ticket opened by ``bridgedesk import`` from an old mail.

    ``{"written_at": "2024-03-01T10:00:00+00:00", "acknowledged": false,
    "deadlines_already_past": ["first_response", "resolution"]}`` — when the mail was written
    (ISO 8601), whether an acknowledgement was sent (``--acknowledge``), and the SLA targets that
    had passed before the mail reached this desk (recorded, never escalated).
    """

    written_at: datetime
    acknowledged: bool
    deadlines_already_past: tuple[str, ...]


@dataclass(frozen=True)
class ClosedAsHistoryPayload(Payload, kind=EventKind.CLOSED_AS_HISTORY):
    """Closed by ``bridgedesk import --close-before``: nothing but our automatic mail since the cutoff.

    ``{"before": "new", "reason": "imported: last written before 2025-01-01",
    "last_written": "2024-03-01T10:00:00+00:00"}``
    """

    before: str
    reason: str
    last_written: datetime
