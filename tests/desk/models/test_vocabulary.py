"""The desk's typed vocabulary: every event kind and inbound outcome the sources write is a member of
its enum (read from the sources, so a new bare string fails here), each kind's payload writes
exactly the JSON the desk wrote before (no migration), and the model choices, orderings and queue
slugs come from the pure vocabulary."""

from __future__ import annotations

import ast
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from bridgedesk.desk.console.queries import work_parts
from bridgedesk.desk.db.bulk import insert_rows
from bridgedesk.desk.models import Customer, InboundOutcome, OfficialChannel, Ticket, TicketEvent
from bridgedesk.desk.models.events import (
    PAYLOAD_TYPES,
    AssignedPayload,
    AutoReplySuppressedPayload,
    BouncePayload,
    CategorySetPayload,
    ClosedAsHistoryPayload,
    ClosedByCustomerPayload,
    DeliveryFailedPayload,
    DuplicatePayload,
    EventKind,
    ImportedPayload,
    MergedInPayload,
    MergedIntoPayload,
    MissingUpdatedPayload,
    Payload,
    PhishingAnalysisPayload,
    PrioritySetPayload,
    QueueSetPayload,
    RedactedSecret,
    SecretRedactedPayload,
    SenderMismatchPayload,
    SlaBreachPayload,
    SlaEscalatedPayload,
    StatusSetPayload,
    TriagePayload,
    new_event,
    read_payload,
    record_event,
)
from bridgedesk.desk.setup.queues import DEFAULT_QUEUES
from bridgedesk.guard.phishing.analysis import PhishingAnalysis
from bridgedesk.triage.vocabulary import PRIORITY_ORDER, Category, Priority, QueueSlug
from bridgedesk.web.console.forms import StatusForm, TriageForm

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "src" / "bridgedesk"
TEMPLATES = PACKAGE / "web" / "templates"

# ``kind`` words that are not ticket events, and the only place (a file or a folder) each may appear.
OTHER_KINDS = {
    "desk/outbox/queue.py": {"auto_ack", "reply", "portal_link"},   # OutboxMail.kind
    "guard/channels/": set(OfficialChannel.Kind.values),            # the official channels' kinds
    "triage/category/model.py": {"stable"},                          # numpy's sort algorithm
}


def other_kind(name: str, word: str) -> bool:
    return any(name.startswith(place) and word in words for place, words in OTHER_KINDS.items())


def sources() -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts]


def _strings(node: ast.AST) -> list[str]:
    """The string constants of a value: itself, or the items of a literal tuple, list or set."""
    items = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
    return [item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)]


def bare_kinds(tree: ast.AST) -> list[tuple[int, str]]:
    """Every ``kind`` written as a string literal: ``kind="..."`` / ``kind__in=(...)`` arguments,
    ``{"kind": "..."}`` rows, and comparisons with an attribute ``.kind``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += [(node.lineno, s) for k in node.keywords if k.arg in ("kind", "kind__in") for s in _strings(k.value)]
        elif isinstance(node, ast.Dict):
            found += [(node.lineno, s) for key, value in zip(node.keys, node.values)
                      if isinstance(key, ast.Constant) and key.value == "kind" for s in _strings(value)]
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Attribute) and o.attr == "kind" for o in operands):
                found += [(node.lineno, s) for o in operands for s in _strings(o)]
    return sorted(found)


def test_no_event_kind_is_written_as_a_bare_string():
    offenders = [f"{name}:{line}: kind {word!r}" + (" (write EventKind.%s)" % EventKind(word).name if word in EventKind._value2member_map_
                                                    else " is not an EventKind: add a member and its payload")
                 for name, tree in sources() for line, word in bare_kinds(tree) if not other_kind(name, word)]
    assert offenders == [], "\n".join(offenders)


def test_the_scan_catches_a_made_up_kind():
    snippet = ast.parse('TicketEvent.objects.create(ticket=t, kind="made_up")\nrows.add({"kind": "triage"})\n'
                        'x = [e for e in events if e.kind == "other_made_up"]\nTicketEvent.objects.filter(kind__in=("a", "b"))')
    assert bare_kinds(snippet) == [(1, "made_up"), (2, "triage"), (3, "other_made_up"), (4, "a"), (4, "b")]


def test_every_event_kind_named_in_the_sources_exists():
    named = {(name, node.lineno, node.attr) for name, tree in sources() for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "EventKind"}
    assert named, "the scan found no EventKind use at all"
    assert [n for n in named if n[2] not in EventKind.__members__] == []


def test_templates_compare_kinds_with_event_kinds():
    compared = {word for path in TEMPLATES.rglob("*.html")
                for word in re.findall(r"\.kind\s*==\s*[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8"))}
    assert compared, "the template scan found no kind comparison"
    assert compared <= set(EventKind._value2member_map_)


def outcome_literals(name: str, tree: ast.AST) -> list[tuple[int, str]]:
    """Inbound outcomes written as strings: ``outcome=``/``how=``/``result=`` arguments, ``Outcome(id, "...")``,
    ``outcome__in=``, the ``ACCOUNTED_OUTCOMES`` table, and threading's ``(ticket, "how")`` answers."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += [(node.lineno, s) for k in node.keywords if k.arg in ("outcome", "how", "result", "outcome__in")
                      for s in _strings(k.value)]
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if callee == "Outcome" and len(node.args) > 1:
                found += [(node.lineno, s) for s in _strings(node.args[1])]
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ACCOUNTED_OUTCOMES" for t in node.targets):
            found += [(node.lineno, s) for s in _strings(node.value)]
        elif (name == "desk/processing/threads.py" and isinstance(node, ast.Tuple) and len(node.elts) == 2
              and not isinstance(node.elts[0], ast.Constant)):
            found += [(node.lineno, s) for s in _strings(node.elts[1]) if s]
    return sorted(found)


def test_every_inbound_outcome_written_is_a_member():
    found = {(name, line, word) for name, tree in sources() for line, word in outcome_literals(name, tree)}
    assert any(name == "desk/processing/threads.py" for name, _, _ in found), "the scan found no threading decision"
    assert sorted(f for f in found if f[2] not in InboundOutcome._value2member_map_) == []


def test_the_outcome_scan_catches_a_made_up_outcome():
    snippet = ast.parse('_finish(row, raw, config, outcome="replied", ticket=None)\nOutcome(1, "made_up")')
    assert outcome_literals("desk/processing/pipeline.py", snippet) == [(1, "replied"), (2, "made_up")]


# --- payloads: exactly today's JSON -----------------------------------------------------------

DUE = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# One payload per kind and the dict its writer stored before the payload classes existed.
TODAY: dict[EventKind, tuple[Payload, dict]] = {
    EventKind.TRIAGE: (
        TriagePayload(language="zh", category="withdrawal", confidence=0.912, priority="high",
                      priority_reasons=("category:withdrawal", "funds_missing"), queue="funding", needs_triage=False,
                      missing=("tx_hash|order_id",)),
        {"language": "zh", "category": "withdrawal", "confidence": 0.912, "priority": "high",
         "priority_reasons": ["category:withdrawal", "funds_missing"], "queue": "funding", "needs_triage": False,
         "missing": ["tx_hash|order_id"]}),
    EventKind.SECRET_REDACTED: (
        SecretRedactedPayload(message=17, secrets=(RedactedSecret("seed_phrase", "text"), RedactedSecret("password", "attachment:a.png")),
                              ocr="checked"),
        {"message": 17, "secrets": [{"type": "seed_phrase", "location": "text"}, {"type": "password", "location": "attachment:a.png"}],
         "ocr": "checked"}),
    EventKind.PHISHING_ANALYSIS: (
        PhishingAnalysisPayload(message=17, verdict="phishing", score=0.93, indicators=("lookalike_domain", "credential_form"),
                                details=("The sender's domain imitates kestrel.exchange.",), domains=("kestrel-support.com",),
                                urls=("https://kestrel-support.com/login",)),
        {"message": 17, "verdict": "phishing", "score": 0.93, "indicators": ["lookalike_domain", "credential_form"],
         "details": ["The sender's domain imitates kestrel.exchange."], "domains": ["kestrel-support.com"],
         "urls": ["https://kestrel-support.com/login"]}),
    EventKind.SENDER_MISMATCH: (SenderMismatchPayload(message=17, sender="mallory@example.com"),
                                {"message": 17, "sender": "mallory@example.com"}),
    EventKind.DUPLICATE: (DuplicatePayload(message=17), {"message": 17}),
    EventKind.BOUNCE: (
        BouncePayload(recipient=None, action="failed", status="5.1.1", diagnostic="550 5.1.1 no such user", message=42),
        {"recipient": None, "action": "failed", "status": "5.1.1", "diagnostic": "550 5.1.1 no such user", "message": 42}),
    EventKind.MISSING_UPDATED: (MissingUpdatedPayload(before=("tx_hash", "memo"), after=()),
                                {"before": ["tx_hash", "memo"], "after": []}),
    EventKind.AUTO_REPLY_SUPPRESSED: (AutoReplySuppressedPayload(reason="rate_window"), {"reason": "rate_window"}),
    EventKind.DELIVERY_FAILED: (DeliveryFailedPayload(to="li@example.com", error="SMTPRecipientsRefused: {}"),
                                {"to": "li@example.com", "error": "SMTPRecipientsRefused: {}"}),
    EventKind.SLA_BREACH: (SlaBreachPayload(target="first_response", due=DUE, priority="urgent"),
                           {"target": "first_response", "due": DUE.isoformat(), "priority": "urgent"}),
    EventKind.SLA_ESCALATED: (SlaEscalatedPayload(from_queue="funding", to_queue="supervisor", targets=("first_response", "resolution")),
                              {"from_queue": "funding", "to_queue": "supervisor", "targets": ["first_response", "resolution"]}),
    EventKind.STATUS_SET: (StatusSetPayload(before="open", status="solved"), {"before": "open", "status": "solved"}),
    EventKind.ASSIGNED: (AssignedPayload(assignee=None), {"assignee": None}),
    EventKind.CATEGORY_SET: (CategorySetPayload(before="other", category="api"), {"before": "other", "category": "api"}),
    EventKind.PRIORITY_SET: (PrioritySetPayload(before="normal", priority="urgent"), {"before": "normal", "priority": "urgent"}),
    EventKind.QUEUE_SET: (QueueSetPayload(before="general", queue="funding"), {"before": "general", "queue": "funding"}),
    EventKind.MERGED_IN: (MergedInPayload(from_ticket="KX-100007", messages=3), {"from": "KX-100007", "messages": 3}),
    EventKind.MERGED_INTO: (MergedIntoPayload(into="KX-100002", messages=3), {"into": "KX-100002", "messages": 3}),
    EventKind.CLOSED_BY_CUSTOMER: (ClosedByCustomerPayload(customer="li@example.com", before="pending"),
                                   {"customer": "li@example.com", "before": "pending"}),
    EventKind.IMPORTED: (ImportedPayload(written_at=DUE, acknowledged=False, deadlines_already_past=("first_response",)),
                         {"written_at": DUE.isoformat(), "acknowledged": False, "deadlines_already_past": ["first_response"]}),
    EventKind.CLOSED_AS_HISTORY: (ClosedAsHistoryPayload(before="new", reason="imported history", last_written=DUE),
                                  {"before": "new", "reason": "imported history", "last_written": DUE.isoformat()}),
}


def shape(value: object) -> object:
    """``value`` with every leaf replaced by its exact type: same keys, order and types, or not."""
    if isinstance(value, dict):
        return [(key, shape(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value)


def test_every_kind_has_exactly_one_payload_and_a_case_here():
    assert set(PAYLOAD_TYPES) == set(EventKind) == set(TODAY)
    assert all(PAYLOAD_TYPES[kind] is type(payload) and payload.kind == kind for kind, (payload, _) in TODAY.items())
    assert all(cls.__doc__ and "{" in cls.__doc__ for cls in PAYLOAD_TYPES.values()), "each payload documents its JSON"


@pytest.mark.parametrize("kind", list(EventKind))
def test_payload_writes_todays_json_and_reads_it_back(kind):
    payload, stored = TODAY[kind]
    written = payload.to_json()
    assert written == stored
    assert shape(written) == shape(stored)                     # same keys in the same order, same value types
    assert json.dumps(written) == json.dumps(stored)           # the text a JSONField stores
    assert type(payload).from_json(stored) == payload
    assert type(payload).from_json(json.loads(json.dumps(written))) == payload
    with pytest.raises(ValueError, match="needs the keys"):
        type(payload).from_json({**stored, "surprise": 1})
    with pytest.raises(ValueError, match="needs the keys"):
        type(payload).from_json(dict(list(stored.items())[1:]))


def test_payloads_are_frozen_and_store_enum_words_as_plain_strings():
    payload = StatusSetPayload(before=Ticket.Status.OPEN, status=Ticket.Status.SOLVED)
    with pytest.raises(AttributeError):
        payload.status = "closed"   # type: ignore[misc]
    assert shape(payload.to_json()) == [("before", str), ("status", str)]
    assert shape(TriagePayload("en", Category.DEPOSIT, 0.5, Priority.HIGH, (), QueueSlug.FUNDING, False, ()).to_json())[1] == ("category", str)


def test_the_phishing_payload_is_what_the_pipeline_wrote():
    analysis = PhishingAnalysis(verdict="suspicious", score=0.5, indicators=("shortened_link",),
                                details=tuple(f"finding {n}" for n in range(30)), domains=tuple(f"d{n}.example" for n in range(60)),
                                urls=tuple(f"https://u{n}.example/" for n in range(60)))
    before = {"message": 9, "verdict": analysis.verdict, "score": analysis.score, "indicators": list(analysis.indicators),
              "details": list(analysis.details)[:20],
              "domains": list(analysis.domains)[:50], "urls": list(analysis.urls)[:50]}
    assert shape(PhishingAnalysisPayload.of(9, analysis).to_json()) == shape(before)
    assert PhishingAnalysisPayload.of(9, analysis).to_json() == before


# --- the model's choices and the orders come from the vocabulary ----------------------------------


def test_ticket_choices_come_from_the_vocabulary_unchanged():
    assert Ticket.Priority.values == [p.value for p in Priority] == [p.value for p in PRIORITY_ORDER]
    assert Ticket.Priority.choices == [("urgent", "Urgent"), ("high", "High"), ("normal", "Normal"), ("low", "Low")]
    assert Ticket.Status.values == ["new", "open", "pending", "on_hold", "solved", "closed"]
    assert Ticket.OPEN_STATUSES == ("new", "open", "pending", "on_hold")
    fields = {name: Ticket._meta.get_field(name) for name in ("category", "priority", "queue", "status")}
    assert fields["category"].default == Category.OTHER and not fields["category"].choices   # a trained model may add labels
    assert fields["priority"].default == Priority.NORMAL and fields["queue"].default == QueueSlug.GENERAL


@pytest.mark.django_db
def test_the_vocabulary_needs_no_migration(capsys):
    call_command("makemigrations", "desk", "--check", "--dry-run")   # exits non-zero if the model state drifted
    assert "No changes detected" in capsys.readouterr().out


def test_console_forms_and_work_order_read_the_vocabulary():
    assert TriageForm().fields["category"].choices == [(c.value, c.value) for c in Category]
    assert TriageForm().fields["priority"].choices == Ticket.Priority.choices
    assert StatusForm().fields["status"].choices == Ticket.Status.choices
    order = [child[1] for q, _ in work_parts() for child in q.children if isinstance(child, tuple) and child[0] == "priority"]
    assert order == [p for p in PRIORITY_ORDER for _ in range(2)]   # with a due time, then without, per priority


def test_a_fresh_desk_creates_the_queues_the_code_names():
    assert [slug for slug, _, _ in DEFAULT_QUEUES] == list(QueueSlug)


# --- writing events -------------------------------------------------------------------------


@pytest.mark.django_db
def test_record_event_and_bulk_rows_store_todays_json():
    ticket = Ticket.objects.create(requester=Customer.objects.create(email="li@example.com"), number="KX-100001")
    for kind, (payload, stored) in TODAY.items():
        event = record_event(ticket, payload)
        event.refresh_from_db()
        assert (event.kind, event.data, event.ticket_id, event.actor_id) == (kind, stored, ticket.pk, None)
        assert read_payload(event) == payload
    now = timezone.now()
    insert_rows([new_event(ticket.pk, SlaBreachPayload("resolution", DUE, "low"), created_at=now),
                 new_event(ticket, DuplicatePayload(3))])
    breach, duplicate = TicketEvent.objects.order_by("-id")[:2][::-1]
    assert (breach.kind, breach.data, breach.created_at) == ("sla_breach", {"target": "resolution", "due": DUE.isoformat(),
                                                                            "priority": "low"}, now)
    assert (duplicate.kind, duplicate.data) == ("duplicate", {"message": 3})
    with pytest.raises(ValueError, match="unknown event kind"):
        read_payload(TicketEvent(ticket=ticket, kind="made_up", data={}))
