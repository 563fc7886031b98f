"""Turn one committed inbound row into ticket state, exactly once.

Stages read as the spec: understand (parse → guard → triage, pure) then, in one
transaction, thread → persist → route and SLA → outbox → finish the inbound row. Running
it twice, or again after a crash half-way, changes nothing the second time: the inbound
row's state and the unique message identity guard every write.

Messages are persisted in groups (one commit each). A group reads its rows, identities,
threading evidence and customers up front; messages that plainly open a new ticket, or
plainly reply to a ticket nothing else in the group touches, are written with bulk
statements (one savepoint per lane), the rest one by one, each in its own savepoint, so a
failing message never takes its neighbours down.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from django.db import connection, transaction
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from bridgedesk.config import Config
from bridgedesk.desk.db.bulk import insert_rows
from bridgedesk.desk.db.writelock import begin_write
from bridgedesk.desk.jobs.tasks import enqueue_processing
from bridgedesk.desk.models import Attachment, Customer, InboundMessage, InboundOutcome, Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import (
    BouncePayload,
    DuplicatePayload,
    ImportedPayload,
    PhishingAnalysisPayload,
    RedactedSecret,
    SecretRedactedPayload,
    SenderMismatchPayload,
    TriagePayload,
    new_event,
    record_event,
)
from bridgedesk.desk.outbox.queue import queue_acknowledgement, queue_acknowledgements
from bridgedesk.desk.processing.failures import record_stage_failure
from bridgedesk.desk.processing.rawcrypt import open_intake_raw
from bridgedesk.desk.processing.replies import (
    REPLY_FIELDS,
    CustomerMessage,
    apply_reply,
    escalate_leaked_secrets,
    inbound_entity_types,
    refresh_reply_fields,
)
from bridgedesk.desk.processing.retention import seal_raw
from bridgedesk.desk.processing.storage import keep_guarded_bytes
from bridgedesk.desk.processing.threads import (
    UNKNOWN_SENDER,
    GroupEvidence,
    StoredEvidence,
    ThreadDecision,
    ThreadEvidence,
    find_thread,
    gather_evidence,
    reference_ids,
)
from bridgedesk.desk.runtime import get_config, get_model
from bridgedesk.desk.sla.deadlines import record_deadlines_already_past, set_new_ticket_deadlines
from bridgedesk.mail.dsn import DeliveryReport, bounced_message_ids
from bridgedesk.mail.loops import is_auto_reply
from bridgedesk.mail.parse import ParsedMail
from bridgedesk.mail.threading import find_ticket_number
from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.triage.routing import route
from bridgedesk.understanding import Understanding, entity_dicts, understand_with_config

log = logging.getLogger("bridgedesk.pipeline")
_T = TypeVar("_T")

@dataclass(frozen=True)
class Outcome:
    inbound_id: int
    result: str              # an InboundOutcome: new_ticket, tag, duplicate, already_done, repeat_delivery, bounce, ...
    ticket_number: str | None = None


class StageError(Exception):
    """A stage failed; carries the stage name so the inbound row shows where."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"{stage}: {type(cause).__name__}")
        self.stage = stage
        self.cause = cause


FailureHandler = Callable[[int, str, BaseException], str]   # (inbound id, stage, cause) -> what became of the row
PERSIST_GROUP = 32   # messages per commit: one fsync buys durability for the whole group
# While another worker holds SQLite's write lock, a group keeps growing (its messages are
# understood meanwhile) up to this size; then it waits for the lock like any writer.
MAX_PERSIST_GROUP = 4 * PERSIST_GROUP


@dataclass
class GroupContext:
    """What a persist group read up front, in one query each, instead of once per message.

    Mutable on purpose: ``identities`` grows as the group's messages are stored (``pending``
    holds the one being written until its savepoint is released), so a second copy inside the
    same group is still seen as a repeat.
    """

    rows: dict[int, InboundMessage]
    identities: set[str]
    evidence: GroupEvidence
    customers: dict[str, Customer] = field(default_factory=dict)   # only rows that existed before the group
    pending: set[str] = field(default_factory=set)
    looked_up: frozenset[str] = frozenset()     # the addresses ``customers`` was read for


def read_group_context(group: Sequence[Prepared], config: Config) -> GroupContext:
    """Lock the group's inbound rows and read identities, threading evidence and customers at once."""
    ids = [item.inbound_id for item in group]
    rows = {row.pk: row for row in InboundMessage.objects.select_for_update().defer("raw", "raw_encrypted").filter(pk__in=ids)}
    identities = {message_identity(row.sha256, row.message_id_header) for row in rows.values()}
    known = {i for i in Message.objects.filter(identity__in=identities).values_list("identity", flat=True) if i is not None}
    mails = [(item.understanding.parsed, _sender_of(item.understanding, rows.get(item.inbound_id))) for item in group]
    evidence = gather_evidence(mails, prefix=config.brand.ticket_prefix, duplicate_hours=config.processing.duplicate_hours)
    emails = {sender for _, sender in mails if sender}
    customers = {c.email: c for c in Customer.objects.filter(email__in=emails)} if emails else {}
    return GroupContext(rows=rows, identities=known, evidence=evidence, customers=customers, looked_up=frozenset(emails))


def _sender_of(understanding: Understanding, row: InboundMessage | None) -> str:
    envelope = row.envelope_from if row is not None else ""
    return (understanding.parsed.from_addr or envelope or "").lower()


def process_inbound(inbound_id: int) -> Outcome:
    """Process one inbound row (the batch path with a batch of one); raises StageError on failure."""
    config = get_config()
    prepared = _prepare(inbound_id, config)
    if prepared is None:
        return Outcome(inbound_id, InboundOutcome.ALREADY_DONE)
    with transaction.atomic():
        return _run_stage("persist", lambda: _persist(prepared, config))


@dataclass(frozen=True)
class StoredAttachment:
    """Where one attachment's guarded bytes were kept (``storage_name`` "" when none are kept)."""

    sha256: str
    storage_name: str
    quarantine_reason: str


@dataclass(frozen=True)
class Prepared:
    """One message understood and its attachments stored, before any transaction: what a group persists."""

    inbound_id: int
    understanding: Understanding
    stored: list[StoredAttachment]
    raw: bytes


@dataclass(frozen=True)
class LanePlan:
    """A group message written in bulk with its neighbours (a new ticket, or a reply to one ticket)."""

    position: int
    row: InboundMessage
    understanding: Understanding
    stored: list[StoredAttachment]
    raw: bytes
    identity: str
    sender: str
    decision: ThreadDecision

    @property
    def ticket(self) -> Ticket:
        """The ticket a reply plan writes to; a new-ticket plan has none until it is written."""
        if self.decision.ticket is None:
            raise ValueError("a new-ticket plan has no ticket yet")
        return self.decision.ticket


def plan_lanes(group: Sequence[Prepared], context: GroupContext, config: Config) -> tuple[list[LanePlan], list[LanePlan]]:
    """The group's messages written in bulk: (new tickets, replies); the rest go one by one.

    Only messages the group evidence covers (own sender and references in the group), still
    received, neither a repeat nor a (possible) bounce, with an identity no neighbour shares; replies
    only when nothing else in the group may touch their ticket (``_lone_replies``).
    """
    identities = Counter(message_identity(r.sha256, r.message_id_header) for r in context.rows.values())
    planned = []
    for position, item in enumerate(group):
        inbound_id, understanding = item.inbound_id, item.understanding
        row = context.rows.get(inbound_id)
        if position not in context.evidence.covered or row is None or row.state != InboundMessage.State.RECEIVED:
            continue
        identity = message_identity(row.sha256, row.message_id_header)
        if identity in context.identities or identities[identity] > 1 or understanding.parsed.delivery_report is not None:
            continue
        sender = _sender_of(understanding, row)
        decision = _decide_thread(understanding, sender, config, context.evidence)
        planned.append(LanePlan(position, row, understanding, item.stored, item.raw, identity, sender, decision))
    new = [plan for plan in planned if plan.decision.ticket is None]
    return new, _lone_replies(group, planned, context, config)


def _lone_replies(group: Sequence[Prepared], planned: list[LanePlan], context: GroupContext, config: Config) -> list[LanePlan]:
    """The planned replies whose ticket nothing else in the group may touch.

    Their lane is written before the one-by-one messages; were one of those to land on the
    same ticket, the timeline would change order. So a reply stays out of the lane when
    another planned message targets its ticket, or a message left for one by one comes from
    the ticket's requester, carries its number, or references this reply.
    """
    targeted = Counter(plan.decision.ticket.pk for plan in planned if plan.decision.ticket is not None)
    planned_at = {plan.position for plan in planned}
    rest = [item for position, item in enumerate(group) if position not in planned_at]
    senders = {_sender_of(item.understanding, context.rows.get(item.inbound_id)) for item in rest}
    numbers = {find_ticket_number(item.understanding.parsed.subject, config.brand.ticket_prefix) for item in rest}
    referenced = {ref for item in rest for ref in reference_ids(item.understanding.parsed)}
    return [
        plan for plan in planned
        if (ticket := plan.decision.ticket) is not None and targeted[ticket.pk] == 1 and ticket.requester.email not in senders
        and ticket.number not in numbers and plan.understanding.parsed.message_id not in referenced
    ]


def _persist_lanes(group: Sequence[Prepared], context: GroupContext, config: Config, counts: Counter[str]) -> set[int]:
    """Write the group's plain new tickets, then its plain replies, each lane in bulk in one
    savepoint; returns the positions done.

    If anything in a lane's write fails, its savepoint is rolled back and those messages go
    the one-by-one way, where a bad message fails alone.
    """
    new, replies = plan_lanes(group, context, config)
    done: set[int] = set()
    for plans, write in ((new, write_new_tickets), (replies, write_replies)):
        if not plans:
            continue
        try:
            with transaction.atomic():
                write(plans, context, config)
        except Exception as exc:  # any failure here is retried message by message
            log.info("bulk write of %s messages fell back to one by one (%s)", len(plans), type(exc).__name__)
            continue
        context.identities.update(plan.identity for plan in plans)
        counts.update(InboundOutcome.NEW_TICKET if write is write_new_tickets else plan.decision.how for plan in plans)
        done.update(plan.position for plan in plans)
    return done


def write_new_tickets(plans: Sequence[LanePlan], context: GroupContext, config: Config) -> None:
    """Customers, tickets, messages, attachments and events in a few bulk statements, then acks."""
    customers = _customers_for(plans, context)
    tickets = [build_ticket(p.understanding, p.sender, customers[customer_email(p.sender)], config, written_at=p.row.written_at)
               for p in plans]
    insert_rows(tickets)
    for ticket in tickets:
        ticket.number = ticket_number(ticket.pk, config)
    Ticket.objects.filter(pk__in=[t.pk for t in tickets]).update(number=number_expression(config))
    messages = [build_message(t, p.row, p.identity, p.understanding, p.decision, p.sender) for t, p in zip(tickets, plans)]
    insert_rows(messages)
    insert_rows([a for m, p in zip(messages, plans) for a in build_attachments(m, p.understanding, p.stored)])
    insert_rows([
        e for t, m, p in zip(tickets, messages, plans) for e in build_events(t, m, p.understanding, p.decision, True)
    ])
    queue_acknowledgements([(ticket, plan.understanding) for ticket, plan in zip(tickets, plans) if plan.row.acknowledge], config)
    finish_lane(plans, tickets, [InboundOutcome.NEW_TICKET] * len(plans), config)


def write_replies(plans: Sequence[LanePlan], context: GroupContext, config: Config) -> None:
    """Replies (and duplicates) to tickets each touched once in the group: one read of the
    tickets, bulk inserts, one UPDATE per changed ticket; the same rules as ``_update_existing``."""
    now = timezone.now()
    replies = [plan for plan in plans if not plan.decision.duplicate]
    refresh_reply_fields([plan.ticket for plan in replies])
    messages = [build_message(p.ticket, p.row, p.identity, p.understanding, p.decision, p.sender) for p in plans]
    insert_rows(messages)
    insert_rows([a for m, p in zip(messages, plans) for a in build_attachments(m, p.understanding, p.stored)])
    events = [e for m, p in zip(messages, plans) for e in build_events(p.ticket, m, p.understanding, p.decision, False)]
    lacking = [plan.ticket.pk for plan in replies if plan.ticket.missing]
    types = inbound_entity_types(lacking) if lacking else {}
    for plan in replies:
        ticket = plan.ticket
        ticket.updated_at = now
        fields, more = apply_reply(ticket, customer_message(plan.understanding, plan.decision),
                                   _entity_types_of(types, ticket.pk), config)
        events.extend(more)
        ticket.save(update_fields=fields)
    insert_rows(events)
    duplicates = [plan.ticket.pk for plan in plans if plan.decision.duplicate]
    if duplicates:
        Ticket.objects.filter(pk__in=duplicates).update(updated_at=now)   # keeps its place in the queue
    finish_lane(plans, [plan.ticket for plan in plans], [plan.decision.how for plan in plans], config)


def _entity_types_of(types: dict[int, set[str]], ticket_id: int) -> Callable[[], set[str]]:
    return lambda: types.get(ticket_id, set())


def finish_lane(plans: Sequence[LanePlan], tickets: Sequence[Ticket], outcomes: Sequence[str], config: Config) -> None:
    """``_finish`` for a bulk lane: one UPDATE per outcome when raw bytes are erased, per row when each is sealed."""
    if any(seal_raw(plan.raw, config.retention)[0] is not None for plan in plans[:1]):
        for ticket, plan, outcome in zip(tickets, plans, outcomes):
            _finish(plan.row, plan.raw, config, outcome=outcome, ticket=ticket)   # each row its own sealed bytes
        return
    now = timezone.now()
    for outcome in sorted(set(outcomes)):
        mark_done_with_their_tickets([p.row.pk for p, o in zip(plans, outcomes) if o == outcome], outcome, now)


def mark_done_with_their_tickets(inbound_ids: Sequence[int], outcome: str, processed_at: datetime) -> None:
    """Finish inbound rows whose raw bytes are erased, each pointing at the ticket of its stored message.

    One UPDATE with a correlated subquery, written as SQL: Django took 1.5 ms to compile it for
    a statement that runs in 0.4 ms, and every persist group runs it once per lane.
    """
    quote = connection.ops.quote_name
    inbound, message = quote(InboundMessage._meta.db_table), quote(Message._meta.db_table)
    marks = ", ".join(["%s"] * len(inbound_ids))
    sql = (f"UPDATE {inbound} SET state = %s, outcome = %s, raw = NULL, raw_encrypted = NULL, raw_expires_at = NULL, "
           f"processed_at = %s, last_error = '', ticket_id = (SELECT {message}.ticket_id FROM {message} "
           f"WHERE {message}.inbound_id = {inbound}.id AND {message}.direction = %s LIMIT 1) WHERE {inbound}.id IN ({marks})")
    params = [InboundMessage.State.DONE.value, outcome, connection.ops.adapt_datetimefield_value(processed_at), Message.Direction.IN.value]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *inbound_ids])


def number_expression(config: Config) -> Concat:
    """``ticket_number`` in SQL, so a group's new tickets are numbered in one UPDATE."""
    return Concat(Value(f"{config.brand.ticket_prefix}-"), Cast(F("id") + 100000, CharField()), output_field=CharField())


def _customers_for(plans: Sequence[LanePlan], context: GroupContext) -> dict[str, Customer]:
    """Known customers from the group's read, and the missing ones created in one insert."""
    customers = dict(context.customers)
    missing: dict[str, Customer] = {}
    for plan in plans:
        email = customer_email(plan.sender)
        if email not in customers and email not in missing:
            missing[email] = Customer(email=email, **_customer_defaults(plan.understanding))
    if missing:
        unread = [email for email in missing if email not in context.looked_up]    # e.g. unknown-sender@invalid
        known = {c.email: c for c in Customer.objects.filter(email__in=unread)} if unread else {}
        customers.update(known)
        fresh = [c for email, c in missing.items() if email not in known]
        insert_rows(fresh)
        customers.update({c.email: c for c in fresh})
    return customers


def _persist_in_group(item: Prepared, position: int, context: GroupContext, config: Config) -> Outcome:
    """Persist one message of a group with what the group read; falls back to queries where it must."""
    covered = position in context.evidence.covered
    evidence = context.evidence if covered else StoredEvidence(config.processing.duplicate_hours)
    return _persist(item, config, context=context, evidence=evidence)


def run_processing_job(inbound_ids: list[int], deferrals: int = 0) -> dict[str, int]:
    """The processing job's work: a failing stage is recorded on its row (retried, then parked)."""
    return dict(process_batch(inbound_ids, on_failure=record_stage_failure, deferrals=deferrals))


def process_batch(inbound_ids: Sequence[int], *, on_failure: FailureHandler,
                  deferrals: int = 0) -> Counter[str]:
    """Understand each message on its own, then persist them in groups, one commit per group.

    A message that fails is handed to ``on_failure`` (retry or park) and never takes its
    neighbours down: each persist runs in its own savepoint inside the group's transaction.
    The batch's raw bytes are read in one query and the model is looked up once per batch.
    ``deferrals``: how often these messages already waited for their original (``split_early_replies``).
    """
    config = get_config()
    model = get_model()
    counts: Counter[str] = Counter()
    batch = set(inbound_ids)

    def persist(group: list[Prepared], *, wait: bool) -> list[Prepared]:
        """Persist ``group``; returns what is left for later (all of it when the lock was busy).

        Replies that must wait for their original are enqueued again in the group's own
        transaction: a transaction of their own cost one more wait for the write lock.
        """
        ready, waiting = split_early_replies(group, batch, deferrals)
        later = Deferral(waiting, deferrals + 1) if waiting else None
        if not ready:
            if later is not None:
                with transaction.atomic():
                    defer_inbound(later.inbound_ids, later.deferrals)
                counts["deferred"] += len(waiting)
            return []
        if not _persist_group(ready, config, counts, on_failure, wait=wait, deferral=later):
            return group
        return []

    prepared: list[Prepared] = []
    pending = read_pending_raw(inbound_ids)
    for inbound_id in inbound_ids:
        try:
            item = _prepare_raw(inbound_id, pending.get(inbound_id), config, model)
        except StageError as exc:
            counts[on_failure(inbound_id, exc.stage, exc.cause)] += 1
            continue
        if item is None:
            counts[InboundOutcome.ALREADY_DONE] += 1
            continue
        prepared.append(item)
        if len(prepared) >= PERSIST_GROUP:   # commit as soon as a group is ready: less waiting per message
            prepared = persist(prepared, wait=len(prepared) >= MAX_PERSIST_GROUP)
    if prepared:
        persist(prepared, wait=True)
    return counts


# First wait for an original still being processed elsewhere; doubles each time. Short, because
# the original is usually in a job running right now (a 64-message job takes about 0.3 s).
DEFER_SECONDS = 0.05
MAX_DEFERRALS = 9     # then the reply is threaded with what is stored (about 25 s of waiting in all)


@dataclass(frozen=True)
class Deferral:
    """Rows to process again a little later, and how often they will then have waited."""

    inbound_ids: list[int]
    deferrals: int


def split_early_replies(group: Sequence[Prepared], batch: set[int], deferrals: int) -> tuple[list[Prepared], list[int]]:
    """The group's items to persist now, and the ids of replies whose original is still an
    unprocessed row in another job (to be processed again later, see ``defer_inbound``).

    Why: with several workers, a reply can be persisted while its original waits in another
    worker's batch; threading it then finds nothing and opens a second ticket. Waiting a
    moment lets the original open the ticket first. Bounded: after ``MAX_DEFERRALS`` the
    reply is threaded with whatever is stored, so a parked original never holds it forever.
    Originals in this same batch are not waited for: the batch stores them in order.
    """
    if deferrals >= MAX_DEFERRALS:
        return list(group), []
    wanted = {ref for item in group for ref in reference_ids(item.understanding.parsed)}
    if not wanted:
        return list(group), []
    try:
        pending = pending_originals(wanted, batch)
    except Exception:  # noqa: BLE001 - waiting is an optimisation of threading; never a reason to fail
        log.warning("could not look for pending originals; threading with what is stored")
        return list(group), []
    if not pending:
        return list(group), []
    kept: list[Prepared] = []
    waiting: list[int] = []
    for item in group:
        if pending.intersection(reference_ids(item.understanding.parsed)):
            waiting.append(item.inbound_id)
        else:
            kept.append(item)
    return kept, waiting


def pending_originals(message_ids: set[str], batch: set[int]) -> set[str]:
    """The Message-IDs whose mail waits unprocessed in another job and is not stored yet.

    A stored message counts as arrived even if a second copy of its bytes still waits (a
    repeat delivery), or a reply would wait for a copy that changes nothing.
    The state is checked here, not in SQL: given both, SQLite (no statistics) walks the
    ``state`` index, every waiting row of the backlog, instead of the Message-ID index.
    """
    rows = InboundMessage.objects.filter(message_id_header__in=message_ids).values_list("pk", "message_id_header", "state")
    waiting = {header for pk, header, state in rows if state == InboundMessage.State.RECEIVED and pk not in batch}
    if not waiting:
        return waiting
    stored = set(Message.objects.filter(message_id__in=waiting, direction=Message.Direction.IN).values_list("message_id", flat=True))
    return waiting - stored


def defer_inbound(inbound_ids: list[int], deferrals: int) -> None:
    """Process the rows again a little later, in one job of their own that remembers how often they waited.

    The caller holds the transaction, so the job and the rows pointing at it commit together.
    One job for all the group's waiting replies: each job costs a claim, a result and the
    group's reads, several times what one reply costs to store.
    """
    run_after = timezone.now() + timedelta(seconds=DEFER_SECONDS * 2 ** (deferrals - 1))
    job_id = enqueue_processing(inbound_ids, deferrals=deferrals, run_after=run_after)
    InboundMessage.objects.filter(pk__in=inbound_ids, state=InboundMessage.State.RECEIVED).update(task_id=job_id)


def read_pending_raw(inbound_ids: Sequence[int]) -> dict[int, bytes]:
    """Raw bytes of the rows still waiting to be processed, in one query, as stored: sealed
    (``_prepare_raw`` opens each in a stage of its own, so a row that does not open fails alone).

    Looked up by primary key alone, the state checked here: with ``state`` in the query too,
    SQLite (no statistics) walks the ``state`` index over the whole waiting backlog.
    """
    rows = InboundMessage.objects.filter(pk__in=inbound_ids).values_list("pk", "raw", "state")
    return {pk: bytes(raw) for pk, raw, state in rows if state == InboundMessage.State.RECEIVED and raw is not None}


def _persist_group(group: Sequence[Prepared], config: Config, counts: Counter[str], on_failure: FailureHandler, *, wait: bool = True,
                   deferral: Deferral | None = None) -> bool:
    """Persist a group in one transaction; False (nothing done) when ``wait`` is False and the
    database's write lock is busy, so the caller can understand more messages meanwhile.
    ``deferral``: replies of the group to enqueue again, in the same transaction (alone if it fails).
    """
    failures: list[tuple[int, BaseException]] = []
    try:
        with ExitStack() as stack:
            if not begin_write(stack, wait=wait):
                return False
            if deferral is not None:
                defer_inbound(deferral.inbound_ids, deferral.deferrals)
            context = read_group_context(group, config)
            done = _persist_lanes(group, context, config, counts)
            for position, item in enumerate(group):
                if position in done:
                    continue
                try:
                    with transaction.atomic():
                        counts[_persist_in_group(item, position, context, config).result] += 1
                    context.identities.update(context.pending)
                except Exception as exc:  # this message only; its savepoint is rolled back
                    failures.append((item.inbound_id, exc))
                context.pending.clear()
    except Exception as exc:  # the commit itself failed: nothing of the group was stored
        failures = [(item.inbound_id, exc) for item in group]
        if deferral is not None:   # the waiting replies still wait, in a transaction of their own
            with transaction.atomic():
                defer_inbound(deferral.inbound_ids, deferral.deferrals)
    if deferral is not None:
        counts["deferred"] += len(deferral.inbound_ids)
    for inbound_id, cause in failures:
        counts[on_failure(inbound_id, "persist", cause)] += 1
    return True


def _prepare(inbound_id: int, config: Config) -> Prepared | None:
    return _prepare_raw(inbound_id, read_pending_raw([inbound_id]).get(inbound_id), config, get_model())


def _prepare_raw(inbound_id: int, sealed: bytes | None, config: Config,
                 model: CategoryModel) -> Prepared | None:
    """Open the sealed bytes, understand (pure) and store attachments, before any transaction; None when nothing is pending."""
    if sealed is None:
        return None
    raw = _run_stage("open_raw", lambda: open_intake_raw(sealed))
    understanding = _run_stage("understand", lambda: _understand(raw, config, model))
    stored = _run_stage("store_attachments", lambda: _store_attachments(understanding))
    return Prepared(inbound_id, understanding, stored, raw)


def _run_stage(stage: str, action: Callable[[], _T]) -> _T:
    try:
        return action()
    except StageError:
        raise
    except Exception as exc:  # every failure gets a named place, never a lost message
        raise StageError(stage, exc) from exc


def _understand(raw: bytes, config: Config, model: CategoryModel) -> Understanding:
    return understand_with_config(raw, model=model, config=config)


def _store_attachments(understanding: Understanding) -> list[StoredAttachment]:
    """Save safe attachment bytes (``storage``, before the transaction); (sha256, storage name, reason) per attachment."""
    stored = []
    parsed = understanding.parsed.attachments     # the guard keeps their order, one for one
    for position, attachment in enumerate(understanding.guarded.attachments):
        mime_verdict = parsed[position].quarantine_reason if position < len(parsed) else None
        stored.append(StoredAttachment(*keep_guarded_bytes(attachment, mime_verdict)))   # a secret inside: no bytes kept
    return stored


def _persist(item: Prepared, config: Config,
             *, context: GroupContext | None = None, evidence: ThreadEvidence | None = None) -> Outcome:
    """Write one message's ticket state; the caller holds the transaction (and maybe the group's reads)."""
    inbound_id, understanding, raw = item.inbound_id, item.understanding, item.raw
    row = _locked_row(inbound_id, context)
    if row is None or row.state != InboundMessage.State.RECEIVED:
        return Outcome(inbound_id, InboundOutcome.ALREADY_DONE)
    identity = message_identity(row.sha256, row.message_id_header)
    if _identity_known(identity, context):
        return _finish(row, raw, config, outcome=InboundOutcome.REPEAT_DELIVERY, ticket=None)
    parsed = understanding.parsed
    if parsed.delivery_report is not None:
        bounced = bounced_message(parsed)
        if bounced is not None or parsed.delivery_report.standard:
            return _record_bounce(row, raw, parsed.delivery_report, bounced, config)
        # Only a guess (postmaster@, empty Return-Path) naming none of our mail: a person's
        # mail until an agent decides otherwise; it goes on flagged possible_bounce.
    sender = _sender_of(understanding, row)
    decision = _decide_thread(understanding, sender, config, evidence or StoredEvidence(config.processing.duplicate_hours))
    ticket, created = _ticket_for(decision, understanding, sender, config, context.customers if context else {}, row.written_at)
    message = _create_message(ticket, row, identity, understanding, decision, sender)
    if context is not None:
        context.pending.add(identity)
    _create_attachments(message, understanding, item.stored)
    _record_events(ticket, message, understanding, decision, created)
    if not created:
        _update_existing(ticket, decision, understanding, config)
    if created and not decision.duplicate and row.acknowledge:
        queue_acknowledgement(ticket, understanding, config)
    return _finish(row, raw, config, outcome=InboundOutcome.NEW_TICKET if created else decision.how, ticket=ticket)


def customer_message(understanding: Understanding, decision: ThreadDecision) -> CustomerMessage:
    """The facts of a mail that the customer-reply rules read (and its timeline flags and events).

    An out-of-office often answers from another address than the requester's (an alias, a
    work mailbox): that is no sign of a takeover, so an automatic reply is never a mismatch.
    """
    auto = is_auto_reply(understanding.parsed)
    return CustomerMessage(secret_types=understanding.secret_types, sender_mismatch=decision.sender_mismatch and not auto, auto=auto)


def _decide_thread(understanding: Understanding, sender: str, config: Config, evidence: ThreadEvidence) -> ThreadDecision:
    """The one threading decision, whatever evidence the caller holds (``threads.find_thread``)."""
    return find_thread(understanding.parsed, text=understanding.visible_text, sender=sender, prefix=config.brand.ticket_prefix,
                       duplicate_similarity=config.processing.duplicate_similarity, evidence=evidence)


def _locked_row(inbound_id: int, context: GroupContext | None) -> InboundMessage | None:
    if context is not None:
        return context.rows.get(inbound_id)
    return InboundMessage.objects.select_for_update().defer("raw", "raw_encrypted").filter(pk=inbound_id).first()


def _identity_known(identity: str, context: GroupContext | None) -> bool:
    if context is not None:
        return identity in context.identities
    return Message.objects.filter(identity=identity).exists()


def message_identity(sha256: str, message_id: str) -> str:
    """(sha256, Message-ID) as one unique key: the same bytes under the same id are one message."""
    return f"{sha256}:{hashlib.sha256(message_id.encode('utf-8', 'replace')).hexdigest()[:32]}"


def _ticket_for(decision: ThreadDecision, understanding: Understanding, sender: str, config: Config,
                customers: dict[str, Customer], written_at: datetime | None) -> tuple[Ticket, bool]:
    if decision.ticket is not None:
        return decision.ticket, False
    return _create_ticket(understanding, sender, config, customers, written_at), True


def _create_ticket(understanding: Understanding, sender: str, config: Config, customers: dict[str, Customer],
                   written_at: datetime | None) -> Ticket:
    email = customer_email(sender)
    customer = customers.get(email)
    if customer is None:
        customer, _ = Customer.objects.get_or_create(email=email, defaults=_customer_defaults(understanding))
    ticket = build_ticket(understanding, sender, customer, config, written_at=written_at)
    ticket.save(force_insert=True)
    ticket.number = ticket_number(ticket.pk, config)
    ticket.save(update_fields=["number"])
    return ticket


def customer_email(sender: str) -> str:
    return sender or UNKNOWN_SENDER


def _customer_defaults(understanding: Understanding) -> dict[str, str]:
    return {"name": understanding.parsed.from_name[:200], "language": understanding.language}


def ticket_number(pk: int, config: Config) -> str:
    """The number is derived from the primary key, so it is allocated right after the insert."""
    return f"{config.brand.ticket_prefix}-{100000 + pk}"


def build_ticket(understanding: Understanding, sender: str, customer: Customer, config: Config,
                 *, written_at: datetime | None = None) -> Ticket:
    """An unsaved new ticket with triage, route and SLA filled in.

    ``written_at``: imported history's own date, which the ticket is created at and its SLA
    clocks start from; a deadline already past then is recorded as breached on arrival, not
    reported as a fresh breach (``record_deadlines_already_past``).
    """
    now = timezone.now()
    created = written_at or now
    ticket = Ticket(
        subject=understanding.guarded.subject[:500], requester=customer, status=Ticket.Status.NEW,
        category=understanding.category, category_confidence=understanding.category_confidence,
        priority=understanding.priority, language=understanding.language,
        queue=route(understanding.category, understanding.language, understanding.priority,
                    rules=config.triage.routes, needs_triage=understanding.needs_triage),
        tags=[], flags=_flags_for(understanding, sender), missing=list(understanding.missing), created_at=created, updated_at=now,
    )
    escalate_leaked_secrets(ticket, understanding.secret_types)   # before the deadlines, which follow priority
    set_new_ticket_deadlines(ticket, config, now=created)
    record_deadlines_already_past(ticket, now=now)
    return ticket


def _flags_for(understanding: Understanding, sender: str) -> list[str]:
    flags = []
    if understanding.parsed.unparseable:
        flags.append("unparseable")
    if understanding.parsed.delivery_report is not None:   # it reached a ticket: not shown to be a bounce
        flags.append("possible_bounce")
    if understanding.parsed.incomplete:
        flags.append("incomplete")
    if not sender:
        flags.append("no_sender")
    if understanding.needs_triage:
        flags.append("needs_triage")
    return flags


def _create_message(ticket: Ticket, row: InboundMessage, identity: str, understanding: Understanding,
                    decision: ThreadDecision, sender: str) -> Message:
    message = build_message(ticket, row, identity, understanding, decision, sender)
    insert_rows([message])
    return message


def build_message(ticket: Ticket, row: InboundMessage, identity: str, understanding: Understanding,
                  decision: ThreadDecision, sender: str) -> Message:
    """An unsaved inbound timeline message: redacted text only, secrets as type and place."""
    parsed = understanding.parsed
    facts = customer_message(understanding, decision)
    flags = [f for f, on in (("duplicate", decision.duplicate), ("sender_mismatch", facts.sender_mismatch), ("auto", facts.auto),
                             ("unparseable", parsed.unparseable), ("possible_bounce", parsed.delivery_report is not None),
                             ("incomplete", parsed.incomplete)) if on]
    return Message(
        ticket=ticket, inbound=row, identity=identity, direction=Message.Direction.IN,
        message_id=(parsed.message_id or "")[:998], sender=sender[:320], sender_name=parsed.from_name[:200],
        subject=understanding.guarded.subject[:500], text=understanding.guarded.text,
        visible_text=understanding.visible_text, quoted_text=understanding.quoted_text,
        signature=understanding.signature, html=understanding.guarded.html or "",
        entities=entity_dicts(understanding.entities),
        secrets=[{"type": s.type, "location": s.location} for s in understanding.guarded.secrets],
        flags=flags, is_auto=facts.auto, created_at=row.written_at or timezone.now(),
    )


def _create_attachments(message: Message, understanding: Understanding, stored: list[StoredAttachment]) -> None:
    insert_rows(build_attachments(message, understanding, stored))


def build_attachments(message: Message, understanding: Understanding, stored: list[StoredAttachment]) -> list[Attachment]:
    rows = []
    parsed = understanding.parsed.attachments     # one for one with the guarded ones, whose names may be redacted
    for position, (guarded, kept) in enumerate(zip(understanding.guarded.attachments, stored)):
        original = parsed[position] if position < len(parsed) else None
        rows.append(Attachment(
            message=message, filename=guarded.filename[:255], declared_type=guarded.content_type[:127],
            sniffed_type=(original.sniffed_type if original else "")[:127], size=len(guarded.data),
            sha256=kept.sha256, storage_name=kept.storage_name, quarantine_reason=kept.quarantine_reason,
        ))
    return rows


def _record_events(ticket: Ticket, message: Message, understanding: Understanding, decision: ThreadDecision, created: bool) -> None:
    insert_rows(build_events(ticket, message, understanding, decision, created))


def build_events(ticket: Ticket, message: Message, understanding: Understanding, decision: ThreadDecision,
                 created: bool) -> list[TicketEvent]:
    """The timeline events one stored message adds (triage, redaction, phishing, mismatch, duplicate)."""
    events = []
    if created:
        events.append(new_event(ticket, TriagePayload(
            language=understanding.language, category=understanding.category,
            confidence=round(understanding.category_confidence, 3), priority=understanding.priority,
            priority_reasons=tuple(understanding.priority_reasons), queue=ticket.queue,
            needs_triage=understanding.needs_triage, missing=tuple(understanding.missing),
        )))
    if understanding.guarded.secrets:
        events.append(new_event(ticket, SecretRedactedPayload(
            message=message.pk, secrets=RedactedSecret.all_of(understanding.guarded.secrets), ocr=understanding.guarded.ocr,
        )))
    if understanding.phishing is not None:
        events.append(new_event(ticket, PhishingAnalysisPayload.of(message.pk, understanding.phishing)))
    if customer_message(understanding, decision).sender_mismatch:
        events.append(new_event(ticket, SenderMismatchPayload(message=message.pk, sender=message.sender)))
    if decision.duplicate:
        events.append(new_event(ticket, DuplicatePayload(message=message.pk)))
    row = message.inbound
    if created and row is not None and row.written_at is not None:
        events.append(imported_event(ticket, row.written_at, acknowledged=row.acknowledge))
    return events


def imported_event(ticket: Ticket, written_at: datetime, *, acknowledged: bool) -> TicketEvent:
    """Says on the timeline that this ticket is history brought in by import: when it was
    written, whether it was acknowledged, and which deadlines had passed before it arrived."""
    return new_event(ticket, ImportedPayload(written_at=written_at, acknowledged=acknowledged,
                                             deadlines_already_past=tuple(ticket.sla_breached)))


def _update_existing(ticket: Ticket, decision: ThreadDecision, understanding: Understanding, config: Config) -> None:
    """A reply reopens a waiting ticket and may fill in what was missing; a duplicate changes nothing."""
    ticket.updated_at = timezone.now()
    if decision.duplicate:
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=ticket.updated_at)
        return
    ticket.refresh_from_db(fields=list(REPLY_FIELDS))   # a ticket read once for the whole group may have changed since
    fields, events = apply_reply(ticket, customer_message(understanding, decision),
                                 lambda: inbound_entity_types([ticket.pk]).get(ticket.pk, set()), config)
    insert_rows(events)
    ticket.save(update_fields=fields)


def bounced_message(parsed: ParsedMail) -> Message | None:
    """Our outgoing message this bounce returns, if it names one (``dsn.bounced_message_ids``)."""
    report = parsed.delivery_report
    if report is None:
        return None
    wanted = bounced_message_ids(report, subject=parsed.subject, references=reference_ids(parsed))
    if not wanted:
        return None
    found = {m.message_id: m for m in Message.objects.filter(message_id__in=wanted, direction=Message.Direction.OUT)
             .select_related("ticket")}
    return next((found[i] for i in wanted if i in found), None)


def _record_bounce(row: InboundMessage, raw: bytes, report: DeliveryReport, original: Message | None, config: Config) -> Outcome:
    """A bounce of our mail goes on that mail's ticket; a standard report of mail we never sent is only counted."""
    if original is None:
        return _finish(row, raw, config, outcome=InboundOutcome.BOUNCE_UNMATCHED, ticket=None)
    record_event(original.ticket, BouncePayload(
        recipient=report.recipient, action=report.action, status=report.status,
        diagnostic=report.diagnostic[:500], message=original.pk,
    ))
    return _finish(row, raw, config, outcome=InboundOutcome.BOUNCE, ticket=original.ticket)


def _finish(row: InboundMessage, raw: bytes, config: Config, *, outcome: str, ticket: Ticket | None) -> Outcome:
    """Mark the inbound row done and erase (or seal) its raw bytes in the same transaction."""
    sealed, expires = seal_raw(raw, config.retention)
    InboundMessage.objects.filter(pk=row.pk).update(
        state=InboundMessage.State.DONE, outcome=outcome, raw=None, raw_encrypted=sealed,
        raw_expires_at=expires, processed_at=timezone.now(), ticket=ticket, last_error="",
    )
    return Outcome(row.pk, outcome, ticket.number if ticket else None)

