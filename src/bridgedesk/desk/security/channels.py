"""What the security team's registry of official channels says, as the guard's plain values."""

from __future__ import annotations

from bridgedesk.desk.models import OfficialChannel
from bridgedesk.guard.channels.registry import Channel


def official_channels() -> tuple[Channel, ...]:
    """The whole registry as the guard's plain ``Channel`` values."""
    return tuple(c.as_channel() for c in OfficialChannel.objects.all())
