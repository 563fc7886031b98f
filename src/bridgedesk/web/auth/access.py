"""Who may see which ticket. Every console view fetches tickets only through this module.

An agent sees the queues on their profile (none listed = every queue); the security queue is
for the security and admin roles alone. A ticket outside what a user may see is a 404, never
a 403, so a wrong guess learns nothing about which numbers exist.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from bridgedesk.desk.models import AgentProfile, AuditEvent, Message, Ticket, TicketEvent
from bridgedesk.desk.runtime import get_config
from bridgedesk.triage.vocabulary import QueueSlug

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

SECURITY_ROLES = ("security", "admin")


@dataclass(frozen=True)
class Scope:
    """What one staff member may see: queues (empty = all), role, languages."""

    role: str
    queues: tuple[str, ...]
    languages: tuple[str, ...]

    @property
    def sees_security(self) -> bool:
        return self.role in SECURITY_ROLES


def scope_of(user: User | AnonymousUser) -> Scope:
    """A staff member's scope; a superuser without a profile is an admin, other staff plain agents."""
    profile = AgentProfile.objects.filter(user=user).first() if user.is_authenticated else None
    if profile is None:
        return Scope("admin" if user.is_superuser else "agent", (), ())
    return Scope(profile.role, tuple(profile.queues or ()), tuple(profile.languages or ()))


def visible_tickets(user: User | AnonymousUser) -> QuerySet[Ticket]:
    if not (user.is_authenticated and user.is_staff):
        return Ticket.objects.none()
    scope = scope_of(user)
    tickets = Ticket.objects.all()
    if scope.queues:
        tickets = tickets.filter(queue__in=_queues_of(scope))
    if not scope.sees_security:
        tickets = tickets.exclude(queue=QueueSlug.SECURITY)
    return tickets


def _queues_of(scope: Scope) -> tuple[str, ...]:
    """A supervisor also sees the escalation queue: SLA breaches land there for them to act on."""
    if scope.role == "supervisor":
        return (*scope.queues, get_config().sla.escalation_queue)
    return scope.queues


def access_ticket_by_user(user: User | AnonymousUser, number: str) -> Ticket:
    """The ticket if this user may see it, else 404."""
    ticket = visible_tickets(user).select_related("requester", "assignee").filter(number=number).first()
    if ticket is None:
        raise Http404("no such ticket")
    return ticket


def access_ticket_by_customer(customer_id: int | None, number: str) -> Ticket:
    """A portal customer's own ticket, else 404."""
    if not customer_id:
        raise Http404("no such ticket")
    ticket = Ticket.objects.select_related("requester").filter(number=number, requester_id=customer_id).first()
    if ticket is None:
        raise Http404("no such ticket")
    return ticket


@dataclass(frozen=True)
class MovedTicket:
    """A ticket someone worked on that has moved where they may not follow: what they may be told."""

    number: str
    queue: str
    secret_leaked: bool   # why it moved, when we know: a customer's message contained a secret


def moved_out_of_reach(user: User, number: str, *, seen: Collection[str] = ()) -> MovedTicket | None:
    """Tell an agent that a ticket they had open or worked on moved beyond their scope, never its content.

    Only someone who could see it before (it is in ``seen``, the numbers this session opened, or
    they are its assignee, wrote on it or acted on it) learns that it exists; for anyone else a
    number outside their scope stays a plain 404.
    """
    ticket = Ticket.objects.filter(number=number).only("id", "number", "queue", "tags", "assignee_id").first()
    if ticket is None or visible_tickets(user).filter(pk=ticket.pk).exists():
        return None
    if number not in seen and not _has_worked_on(user, ticket):
        return None
    leaked = any(tag.startswith("secret_leaked:") for tag in ticket.tags)
    return MovedTicket(number=number, queue=ticket.queue, secret_leaked=leaked)


def _has_worked_on(user: User, ticket: Ticket) -> bool:
    return (ticket.assignee_id == user.pk
            or Message.objects.filter(ticket=ticket, author=user).exists()
            or TicketEvent.objects.filter(ticket=ticket, actor=user).exists()
            or AuditEvent.objects.filter(ticket=ticket, actor=user).exists())
