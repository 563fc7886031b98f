"""Decide which ticket an incoming message belongs to.

Order of evidence, strongest first: References/In-Reply-To naming one of our own
Message-IDs, then the subject tag ``[KX-104233]``. The requester's open ticket is used as a
fallback only when the subject agrees with it, so an unrelated new question never vanishes
into an old case. A near-copy of a recent message from the same sender is a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from bridgedesk.desk.models import Message, Ticket
from bridgedesk.mail.parse import ParsedMail
from bridgedesk.mail.threading import find_ticket_number, normalize_for_duplicate, similarity, strip_reply_prefixes


@dataclass(frozen=True)
class ThreadDecision:
    ticket: Ticket | None
    how: str                 # references, tag, requester_subject, duplicate, new
    duplicate: bool = False
    sender_mismatch: bool = False


def find_thread(
    parsed: ParsedMail, *, text: str, sender: str, prefix: str, duplicate_hours: int, duplicate_similarity: float,
) -> ThreadDecision:
    ticket, how = _ticket_from_references(parsed)
    if ticket is None:
        ticket, how = _ticket_from_tag(parsed.subject, prefix)
    if ticket is not None:
        mismatch = bool(sender) and sender != ticket.requester.email
        return ThreadDecision(ticket=ticket, how=how, sender_mismatch=mismatch)
    duplicate = _recent_duplicate(sender, text, hours=duplicate_hours, threshold=duplicate_similarity)
    if duplicate is not None:
        return ThreadDecision(ticket=duplicate, how="duplicate", duplicate=True)
    fallback = _open_ticket_with_same_subject(sender, parsed.subject)
    if fallback is not None:
        return ThreadDecision(ticket=fallback, how="requester_subject")
    return ThreadDecision(ticket=None, how="new")


def _ticket_from_references(parsed: ParsedMail) -> tuple[Ticket | None, str]:
    ids = [i for i in (*parsed.in_reply_to, *reversed(parsed.references)) if i][:50]
    if not ids:
        return None, ""
    ticket_id = Message.objects.filter(message_id__in=ids).order_by("-id").values_list("ticket_id", flat=True).first()
    if ticket_id is None:
        return None, ""
    return Ticket.objects.select_related("requester").get(pk=ticket_id), "references"


def _ticket_from_tag(subject: str, prefix: str) -> tuple[Ticket | None, str]:
    number = find_ticket_number(subject, prefix)
    if not number:
        return None, ""
    ticket = Ticket.objects.select_related("requester").filter(number=number).first()
    return (ticket, "tag") if ticket else (None, "")


def _recent_duplicate(sender: str, text: str, *, hours: int, threshold: float) -> Ticket | None:
    if not sender or not text.strip():
        return None
    since = timezone.now() - timedelta(hours=hours)
    recent = (
        Message.objects.filter(sender=sender, created_at__gte=since, direction="in")
        .order_by("-id").values_list("ticket_id", "visible_text", "text")[:10]
    )
    wanted = normalize_for_duplicate(text)
    for ticket_id, visible, full in recent:
        if similarity(wanted, normalize_for_duplicate(visible or full)) >= threshold:
            return Ticket.objects.select_related("requester").get(pk=ticket_id)
    return None


def _open_ticket_with_same_subject(sender: str, subject: str) -> Ticket | None:
    core = strip_reply_prefixes(subject).strip().lower()
    if not sender or not core or core == subject.strip().lower():
        return None   # only a reply ("Re: ...") may fall back to the requester's open ticket
    candidates = Ticket.objects.filter(requester__email=sender, status__in=Ticket.OPEN_STATUSES).select_related("requester").order_by("-id")[:10]
    for ticket in candidates:
        if strip_reply_prefixes(ticket.subject).strip().lower() == core:
            return ticket
    return None
