"""Raw mail as it was handed over, before anything reads it."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils import timezone

from bridgedesk.desk.models.tickets import Ticket


class InboundOutcome(StrEnum):
    """How processing an inbound row ended: ``InboundMessage.outcome`` and the pipeline's ``Outcome.result``.

    A reply is recorded by how it was threaded (references, tag, requester_subject); the
    threading decision (``ThreadDecision.how``) uses the same words, plus ``new`` when it found
    no ticket (the row then records new_ticket). ``already_done`` is only ever a result: the
    row had been processed before, and keeps the outcome it has.
    """

    NEW_TICKET = "new_ticket"
    REFERENCES = "references"                # a reply found by References / In-Reply-To
    TAG = "tag"                              # a reply found by the subject's ticket tag
    REQUESTER_SUBJECT = "requester_subject"  # a reply matched to the requester's open ticket by subject
    DUPLICATE = "duplicate"                  # a near-copy of a recent message, stored on its ticket
    REPEAT_DELIVERY = "repeat_delivery"      # the same message delivered again: nothing stored
    BOUNCE = "bounce"                        # a delivery report for one of our messages
    BOUNCE_UNMATCHED = "bounce_unmatched"    # a delivery report naming no message of ours
    NEW = "new"                              # threading only: no ticket found
    ALREADY_DONE = "already_done"            # result only: processed before


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
    outcome = models.CharField(max_length=32, blank=True)   # an InboundOutcome: new_ticket, tag, duplicate, bounce, ...
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
