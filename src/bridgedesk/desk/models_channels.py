"""The registry of official channels the security team keeps (edited in the admin).

The public verify page checks what a person was sent against this list and the brand's
official domains; phone numbers and social handles can only be proved official from here.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bridgedesk.guard.channels import Channel

__all__ = ["OfficialChannel", "official_channels"]


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


def official_channels() -> tuple[Channel, ...]:
    """The whole registry as the guard's plain ``Channel`` values."""
    return tuple(c.as_channel() for c in OfficialChannel.objects.all())


from bridgedesk.desk import admin_channels  # noqa: E402,F401  (registers the admin with the model)
