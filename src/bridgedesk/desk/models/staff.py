"""Staff records: what an agent may see, their canned replies, and the audit trail of sensitive reads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from bridgedesk.desk.models.tickets import Ticket


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
