"""Raw mail as it was handed over, before anything reads it."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bridgedesk.desk.models.tickets import Ticket


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
    # Imported history (``bridgedesk import``): when the mail was written (its Date), which its
    # ticket and message take as created_at; and whether a new ticket from it is acknowledged
    # (live mail always is; an import only when asked). NULL / True for every live channel.
    written_at = models.DateTimeField(null=True, blank=True)
    acknowledge = models.BooleanField(default=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["state", "received_at"])]
