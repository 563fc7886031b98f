"""The desk's records. Models hold data; the pipeline and services in this package act on them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Customer(models.Model):
    email = models.EmailField(max_length=320, unique=True)
    name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, default="en")
    anti_phishing_code = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email


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

    class Priority(models.TextChoices):
        URGENT = "urgent"
        HIGH = "high"
        NORMAL = "normal"
        LOW = "low"

    OPEN_STATUSES = ("new", "open", "pending", "on_hold")

    number = models.CharField(max_length=24, unique=True, null=True)
    subject = models.CharField(max_length=500, blank=True)
    requester = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="tickets")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    category = models.CharField(max_length=32, default="other")
    category_confidence = models.FloatField(default=0.0)
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.NORMAL)
    language = models.CharField(max_length=8, default="en")
    queue = models.CharField(max_length=40, default="general")
    tags = models.JSONField(default=list, blank=True)
    flags = models.JSONField(default=list, blank=True)      # e.g. "unparseable", "possible_hijack"
    missing = models.JSONField(default=list, blank=True)    # what the category needs and we lack
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    first_response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    # SLA (bridgedesk.desk.sla keeps these in step): the next reply owed after a customer wrote
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


class InboundMessage(models.Model):
    """Raw bytes exactly as handed over; committed before anyone is told "received"."""

    class State(models.TextChoices):
        RECEIVED = "received"
        DONE = "done"
        PARKED = "parked"        # retries used up: a person must look

    source = models.CharField(max_length=16)           # smtp, imap, import
    envelope_from = models.CharField(max_length=320, blank=True)
    envelope_to = models.JSONField(default=list)
    raw = models.BinaryField(null=True)                # erased after processing
    raw_encrypted = models.BinaryField(null=True)      # kept for the security role when configured
    raw_expires_at = models.DateTimeField(null=True, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, db_index=True)
    message_id_header = models.CharField(max_length=998, blank=True, db_index=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.RECEIVED)
    outcome = models.CharField(max_length=32, blank=True)   # new_ticket, reply, duplicate, bounce, ...
    attempts = models.PositiveIntegerField(default=0)
    stage = models.CharField(max_length=32, blank=True)
    last_error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)
    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["state", "received_at"])]


class Message(models.Model):
    class Direction(models.TextChoices):
        IN = "in"
        OUT = "out"
        NOTE = "note"

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    inbound = models.OneToOneField(InboundMessage, null=True, blank=True, on_delete=models.SET_NULL)
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


class OutboxMail(models.Model):
    """A message to send, written in the same transaction as the change that caused it."""

    class State(models.TextChoices):
        PENDING = "pending"
        SENT = "sent"
        FAILED = "failed"

    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="outbox")
    timeline_message = models.OneToOneField(Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="outbox")
    kind = models.CharField(max_length=16)     # auto_ack, reply
    to_addr = models.CharField(max_length=320, db_index=True)
    from_addr = models.CharField(max_length=320)
    message_id = models.CharField(max_length=998, db_index=True)
    from_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    in_reply_to = models.CharField(max_length=998, blank=True)
    references = models.JSONField(default=list, blank=True)
    auto_submitted = models.BooleanField(default=False)
    raw = models.BinaryField(null=True)   # built by the sender job, not inside the processing transaction
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["to_addr", "kind", "created_at"])]


class TicketEvent(models.Model):
    """System and people events on a ticket's timeline (triage, routing, redaction, bounce...)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32)
    data = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]


class Macro(models.Model):
    """A canned reply in one language; ``{{number}}``, ``{{name}}``... are filled per ticket."""

    name = models.CharField(max_length=100)
    language = models.CharField(max_length=8, default="en")
    body = models.TextField()

    class Meta:
        ordering = ["language", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class AgentProfile(models.Model):
    """What a staff member may see and read: queues (empty = all), languages, role."""

    class Role(models.TextChoices):
        AGENT = "agent"
        SUPERVISOR = "supervisor"
        SECURITY = "security"
        ADMIN = "admin"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent_profile")
    languages = models.JSONField(default=list, blank=True)
    queues = models.JSONField(default=list, blank=True)
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.AGENT)

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class AuditEvent(models.Model):
    """Who looked at or changed a sensitive record, and when; never the record's secret content."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=48)
    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL)
    data = models.JSONField(default=dict, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["ticket", "created_at"])]


class PortalTokenUse(models.Model):
    """A customer sign-in link that was used; a nonce found here is refused (single use)."""

    nonce = models.CharField(max_length=64, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    used_at = models.DateTimeField(default=timezone.now)


from bridgedesk.desk.models_channels import *  # noqa: E402,F401,F403
