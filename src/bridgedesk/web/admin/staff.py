"""Admin pages for what the console adds: macros, agent profiles (queues, languages, role), audit log.

The audit log is read-only here: an audit trail that admins could edit would prove nothing.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from bridgedesk.desk.models import AgentProfile, AuditEvent, Macro


@admin.register(Macro)
class MacroAdmin(admin.ModelAdmin):
    list_display = ("name", "language")
    list_filter = ("language",)
    search_fields = ("name", "body")


@admin.register(AgentProfile)
class AgentProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "queues", "languages")
    list_filter = ("role",)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "action", "ticket", "ip")
    list_filter = ("action",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
