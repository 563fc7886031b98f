"""Queue outgoing mail: timeline message and outbox row written inside the caller's transaction.

No SMTP call ever happens inside a web request or the processing transaction; a delivery job
(``outbox/deliver.py``) sends the rows afterwards. Acknowledgements are refused here when the
loop rules say an automatic answer must not go out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from bridgedesk.config import Config
from bridgedesk.desk.db.bulk import insert_rows
from bridgedesk.desk.jobs.tasks import enqueue_delivery
from bridgedesk.desk.models import Customer, Message, OutboxMail, Ticket
from bridgedesk.desk.models.events import AutoReplySuppressedPayload, new_event
from bridgedesk.desk.outbox.signin import SIGNIN_KIND, link_with_placeholder
from bridgedesk.desk.sla.deadlines import note_agent_reply, promised_first_response_hours
from bridgedesk.mail.loops import auto_reply_block_reason
from bridgedesk.mail.threading import make_message_id
from bridgedesk.triage.vocabulary import Category, QueueSlug
from bridgedesk.understanding import Understanding
from bridgedesk.words.acknowledgement import compose_acknowledgement
from bridgedesk.words.phishing_verdict import compose_phishing_reply
from bridgedesk.words.signin import signin_mail

if TYPE_CHECKING:
    from django.contrib.auth.models import User

log = logging.getLogger("bridgedesk.outbox")
RETRY_BASE_SECONDS = 30


def auto_reply_refusal(understanding: Understanding, ticket: Ticket, config: Config) -> str | None:
    """Why we must not auto-reply to this message (RFC 3834 rules, our switch, the per-sender window)."""
    reason = auto_reply_block_reason(understanding.parsed, own_addresses=config.brand.own_addresses)
    if reason:
        return reason
    if not config.auto_reply.enabled:
        return "disabled"
    since = timezone.now() - timedelta(minutes=config.auto_reply.window_minutes)
    if OutboxMail.objects.filter(to_addr=ticket.requester.email, kind="auto_ack", created_at__gte=since).exists():
        return "rate_window"
    return None


def queue_acknowledgement(ticket: Ticket, understanding: Understanding, config: Config) -> OutboxMail | None:
    """Acknowledge one new ticket (the group path with a group of one)."""
    queued = queue_acknowledgements([(ticket, understanding)], config)
    return queued[0] if queued else None


@dataclass(frozen=True)
class MailDraft:
    """One outgoing mail before its timeline message and outbox row exist."""

    ticket: Ticket
    kind: str
    subject: str
    text: str
    auto: bool
    in_reply_to: str | None
    references: tuple[str, ...]
    author: User | None = None


def queue_acknowledgements(items: Sequence[tuple[Ticket, Understanding]], config: Config) -> list[OutboxMail]:
    """Acknowledge a group of new tickets in a few statements instead of a few per ticket.

    Why: one by one, each acknowledgement cost a rate-window query, two inserts and a job
    row — half of all database time in ingest. Here the whole group shares one rate-window
    query (a sender acknowledged earlier in the group counts as inside the window, exactly
    as one by one), bulk inserts, and one delivery job.
    """
    refusals = group_refusals(items, config)
    insert_rows([
        new_event(ticket, AutoReplySuppressedPayload(reason=refusal))
        for (ticket, _), refusal in zip(items, refusals) if refusal
    ])
    drafts = [_acknowledgement_draft(ticket, understanding, config)
              for (ticket, understanding), refusal in zip(items, refusals) if not refusal]
    return queue_mails(drafts, config)


def group_refusals(items: Sequence[tuple[Ticket, Understanding]], config: Config) -> list[str | None]:
    """``auto_reply_refusal`` for each item, with one rate-window query for the whole group."""
    refusals = [auto_reply_block_reason(u.parsed, own_addresses=config.brand.own_addresses)
                or (None if config.auto_reply.enabled else "disabled") for _, u in items]
    senders = {ticket.requester.email for (ticket, _), refusal in zip(items, refusals) if not refusal}
    since = timezone.now() - timedelta(minutes=config.auto_reply.window_minutes)
    in_window = set(OutboxMail.objects.filter(to_addr__in=senders, kind="auto_ack", created_at__gte=since)
                    .values_list("to_addr", flat=True)) if senders else set()
    for position, ((ticket, _), refusal) in enumerate(zip(items, refusals)):
        if refusal:
            continue
        if ticket.requester.email in in_window:
            refusals[position] = "rate_window"
        in_window.add(ticket.requester.email)
    return refusals


def _acknowledgement_draft(ticket: Ticket, understanding: Understanding, config: Config) -> MailDraft:
    subject, text = _acknowledgement_for(ticket, understanding, config)
    parsed = understanding.parsed
    references = (*parsed.references, parsed.message_id) if parsed.message_id else parsed.references
    return MailDraft(ticket, "auto_ack", subject, text, True, parsed.message_id, tuple(references))


def _acknowledgement_for(ticket: Ticket, understanding: Understanding, config: Config) -> tuple[str, str]:
    """A phishing report gets the verdict and what to do; everyone else the standard acknowledgement
    (which also carries the protection advice when the reporter leaked a secret)."""
    is_report = understanding.phishing is not None or understanding.category == Category.PHISHING_REPORT
    if is_report and not understanding.secret_types:
        return compose_phishing_reply(understanding.phishing, understanding.language, config.brand, number=ticket.number or "")
    return compose_acknowledgement(
        language=understanding.language, number=ticket.number or "", subject=ticket.subject,
        brand=config.brand.name, official_domains=config.brand.official_domains,
        first_response_hours=promised_first_response_hours(ticket.priority, config), secret_types=understanding.secret_types,
        missing=understanding.missing,
    )


def queue_agent_reply(ticket: Ticket, *, text: str, author: User | None, config: Config) -> OutboxMail:
    """An agent's reply, threaded onto the customer's latest message."""
    last_in = ticket.messages.filter(direction="in").exclude(message_id="").order_by("-id").first()
    refs = _thread_references(ticket)
    subject = f"Re: [{ticket.number}] {ticket.subject}"
    with transaction.atomic():
        outbox = queue_mail(ticket, kind="reply", subject=subject, text=text, config=config, auto=False,
                            in_reply_to=last_in.message_id if last_in else None, references=refs, author=author)
        if ticket.first_responded_at is None:
            ticket.first_responded_at = timezone.now()
        ticket.status = Ticket.Status.PENDING
        ticket.updated_at = timezone.now()
        ticket.save(update_fields=["first_responded_at", "status", "updated_at", *note_agent_reply(ticket)])
    return outbox


def _thread_references(ticket: Ticket) -> tuple[str, ...]:
    ids = list(ticket.messages.exclude(message_id="").order_by("id").values_list("message_id", flat=True)[:50])
    return tuple(ids)


def queue_mail(ticket: Ticket, *, kind: str, subject: str, text: str, config: Config, auto: bool,
               in_reply_to: str | None, references: tuple[str, ...], author: User | None = None) -> OutboxMail:
    draft = MailDraft(ticket, kind, subject, text, auto, in_reply_to, tuple(references), author)
    return queue_mails([draft], config)[0]


def queue_mails(drafts: Sequence[MailDraft], config: Config) -> list[OutboxMail]:
    """Timeline messages and outbox rows for the drafts in two inserts, and one delivery job."""
    if not drafts:
        return []
    rows = [_mail_rows(draft, config) for draft in drafts]
    messages = [message for message, _ in rows]
    insert_rows(messages)
    for message, (_, outbox) in zip(messages, rows):
        outbox.timeline_message = message
    outboxes = [outbox for _, outbox in rows]
    insert_rows(outboxes)
    enqueue_delivery([outbox.pk for outbox in outboxes])
    return outboxes


def _mail_rows(draft: MailDraft, config: Config) -> tuple[Message, OutboxMail]:
    """The unsaved timeline message and outbox row of one draft (same Message-ID, same text)."""
    ticket = draft.ticket
    message_id = make_message_id(config.brand.mail_domain)
    sender = config.brand.security_address if ticket.queue == QueueSlug.SECURITY else config.brand.support_address
    message = Message(
        ticket=ticket, direction=Message.Direction.OUT, message_id=message_id, sender=sender,
        subject=draft.subject[:500], text=draft.text, visible_text=draft.text, is_auto=draft.auto, author=draft.author,
    )
    outbox = OutboxMail(
        ticket=ticket, kind=draft.kind, to_addr=ticket.requester.email, from_addr=sender,
        from_name=f"{config.brand.name} Support"[:200], message_id=message_id, subject=draft.subject[:500], text=draft.text,
        in_reply_to=(draft.in_reply_to or "")[:998], references=list(draft.references)[-50:], auto_submitted=draft.auto,
    )
    return message, outbox


def queue_signin_mail(customer: Customer, signin_url: str, config: Config) -> OutboxMail:
    """The portal sign-in mail as an outbox row whose link has no token yet (see ``outbox/signin.py``).

    ``signin_url`` is the sign-in page's absolute address; the delivery job puts a fresh token in.
    """
    wording = signin_mail(config.brand.name, link_with_placeholder(signin_url))
    mail = OutboxMail.objects.create(
        kind=SIGNIN_KIND, to_addr=customer.email, from_addr=config.brand.support_address,
        from_name=f"{config.brand.name} Support"[:200], message_id=make_message_id(config.brand.mail_domain),
        subject=wording.subject, text=wording.text, auto_submitted=True,
    )
    enqueue_delivery([mail.pk])
    return mail
