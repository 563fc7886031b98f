"""Admin for the official-channel registry (kept beside its model, outside the shared admin module)."""

from django.contrib import admin

from bridgedesk.desk.models_channels import OfficialChannel


@admin.register(OfficialChannel)
class OfficialChannelAdmin(admin.ModelAdmin):
    list_display = ("kind", "value", "note", "created_at")
    list_filter = ("kind",)
    search_fields = ("value", "note")
