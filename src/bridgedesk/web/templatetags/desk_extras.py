"""Template helpers for the console: the SLA countdown shown on every ticket."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def countdown(due: datetime | None) -> str:
    """'3h 20m left · 剩余' or 'overdue 1h 05m · 已超时'; empty when there is no due time."""
    if due is None:
        return ""
    seconds = int((due - timezone.now()).total_seconds())
    minutes = abs(seconds) // 60
    span = f"{minutes // 1440}d {minutes % 1440 // 60}h" if minutes >= 1440 else f"{minutes // 60}h {minutes % 60:02d}m"
    return f"{span} left · 剩余 {span}" if seconds >= 0 else f"overdue {span} · 已超时 {span}"
