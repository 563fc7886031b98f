"""Tickets and what hangs on them: queues, messages, attachments, timeline events."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from bridgedesk.desk.models.customers import Customer
from bridgedesk.triage import vocabulary


class Queue(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    name_zh = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return self.name


class Ticket(models.Model):
    class Status(models.TextChoices):
        NEW = "new"
        OPEN = "open"
        PENDING = "pending"          # waiting on the customer
        ON_HOLD = "on_hold"
        SOLVED = "solved"
        CLOSED = "closed"

    # Built from the pure enum (its one home, most pressing first) so the model choices cannot drift from
    # what triage, routing and the config check use; the labels are Django's defaults ("Urgent"), as before.
    Priority = models.TextChoices(  # type: ignore[call-overload]  # django-stubs lacks the functional API's module/qualname
        "Priority", [(p.name, p.value) for p in vocabulary.Priority], module=__name__, qualname="Ticket.Priority")

    OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD)

    number = models.CharField(max_length=24, unique=True, null=True)
    subject = models.CharField(max_length=500, blank=True)
    requester = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="tickets")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    category = models.CharField(max_length=32, default=vocabulary.Category.OTHER.value)   # no choices: see vocabulary.Category
    category_confidence = models.FloatField(default=0.0)
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    language = models.CharField(max_length=8, default="en")
    queue = models.CharField(max_length=40, default=vocabulary.QueueSlug.GENERAL.value)
    tags = models.JSONField(default=list, blank=True)
    flags = models.JSONField(default=list, blank=True)      # e.g. "unparseable", "possible_hijack"
    missing = models.JSONField(default=list, blank=True)    # what the category needs and we lack
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    first_response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    # SLA (bridgedesk.desk.sla.deadlines keeps these in step): the next reply owed after a customer wrote
    # again, the nearest unmet deadline (NULL when closed or nothing is due; the console sorts by
    # it), and when each target was breached (the breach scan claims a target by setting it once).
    next_response_due = models.DateTimeField(null=True, blank=True)
    sla_due = models.DateTimeField(null=True, blank=True)
    first_response_breached_at = models.DateTimeField(null=True, blank=True)
    next_response_breached_at = models.DateTimeField(null=True, blank=True)
    resolution_breached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The console at 100,000 tickets (bridgedesk bench console): the view counts read the
        # first index alone, "my tickets" the assignee one, the SLA order and the next-ticket
        # button read (priority, sla_due, status, created_at), the breach scan sla_due.
        indexes = [
            models.Index(fields=["requester", "status"]),
            models.Index(fields=["queue", "status", "priority", "language"], name="desk_ticket_view_counts"),
            models.Index(fields=["created_at"]),
            models.Index(fields=["assignee", "status", "queue"], name="desk_ticket_assignee_open"),
            models.Index(fields=["priority", "sla_due", "status", "created_at"], name="desk_ticket_work_order"),
            models.Index(fields=["sla_due"], name="desk_ticket_sla_due"),
        ]

    def __str__(self) -> str:
        return self.number or f"ticket {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def sla_breached(self) -> list[str]:
        """Which SLA targets this ticket has breached: first_response, next_response, resolution."""
        return [name for name in ("first_response", "next_response", "resolution")
                if getattr(self, f"{name}_breached_at") is not None]


class Message(models.Model):
    class Direction(models.TextChoices):
        IN = "in"
        OUT = "out"
        NOTE = "note"

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    inbound = models.OneToOneField("desk.InboundMessage", null=True, blank=True, on_delete=models.SET_NULL)
    identity = models.CharField(max_length=100, null=True, unique=True)   # sha256 + Message-ID digest: never twice
    direction = models.CharField(max_length=4, choices=Direction.choices)
    message_id = models.CharField(max_length=998, blank=True, db_index=True)
    sender = models.CharField(max_length=320, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)          # redacted full text, quoted history included
    visible_text = models.TextField(blank=True)  # the writer's own words
    quoted_text = models.TextField(blank=True)
    signature = models.TextField(blank=True)
    html = models.TextField(blank=True)          # sanitised and redacted, for display only
    entities = models.JSONField(default=list, blank=True)
    secrets = models.JSONField(default=list, blank=True)   # [{"type": ..., "location": ...}], never values
    flags = models.JSONField(default=list, blank=True)     # duplicate, sender_mismatch, auto, unparseable
    is_auto = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["sender", "created_at"])]


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255, blank=True)
    declared_type = models.CharField(max_length=127, blank=True)
    sniffed_type = models.CharField(max_length=127, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=255, blank=True)
    quarantine_reason = models.CharField(max_length=64, blank=True)


class TicketEvent(models.Model):
    """System and people events on a ticket's timeline (triage, redaction, bounce...): ``kind`` is an
    ``events.EventKind``, ``data`` that kind's payload as JSON (``bridgedesk.desk.models.events``)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32)
    data = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
