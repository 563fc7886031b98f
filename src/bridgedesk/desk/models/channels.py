"""The registry of official channels the security team keeps (edited in the admin).

The public verify page checks what a person was sent against this list and the brand's
official domains; phone numbers and social handles can only be proved official from here.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone

from bridgedesk.desk.models.events import EventKind
from bridgedesk.desk.models.tickets import TicketEvent
from bridgedesk.guard.channels.registry import Channel


class OfficialChannel(models.Model):
    class Kind(models.TextChoices):
        EMAIL = "email", "Email address"
        DOMAIN = "domain", "Domain"
        URL = "url", "Web address"
        PHONE = "phone", "Phone number"
        TELEGRAM = "telegram", "Telegram account"
        X = "x", "X (Twitter) account"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(max_length=320, help_text="e.g. support@kestrel.exchange, +65 6123 4567, @KestrelExchange")
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "desk"
        ordering = ["kind", "value"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="official_channel_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def as_channel(self) -> Channel:
        return Channel(kind=self.kind, value=self.value.strip())


class PhishingReportManager(models.Manager["PhishingReport"]):
    def get_queryset(self) -> models.QuerySet[PhishingReport]:
        return super().get_queryset().filter(kind=EventKind.PHISHING_ANALYSIS)


class PhishingReport(TicketEvent):
    """The ``phishing_analysis`` events, as their own admin list for the security team."""

    objects: ClassVar[PhishingReportManager] = PhishingReportManager()

    class Meta:
        proxy = True
        app_label = "desk"
        verbose_name = "phishing report"
        ordering = ["-created_at", "-id"]
