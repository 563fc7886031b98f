"""Mail waiting to be sent: one row per outgoing message, written with the change that caused it."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bridgedesk.desk.models.tickets import Message, Ticket


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
