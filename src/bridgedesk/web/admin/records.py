"""Django admin for configuration and inspection. Raw and sealed bytes are never shown here."""

from django.contrib import admin

from bridgedesk.desk.models import Customer, InboundMessage, OutboxMail, Queue, Ticket, TicketEvent


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "name_zh")


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ("email", "name", "language", "created_at")
    search_fields = ("email", "name")
    exclude = ("anti_phishing_code",)


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ("number", "subject", "status", "priority", "category", "language", "queue", "created_at")
    list_filter = ("status", "priority", "category", "language", "queue")
    search_fields = ("number", "subject", "requester__email")
    raw_id_fields = ("requester", "assignee")


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    list_display = ("id", "source", "envelope_from", "state", "outcome", "attempts", "stage", "received_at")
    list_filter = ("state", "source", "outcome")
    exclude = ("raw", "raw_encrypted")
    readonly_fields = [f.name for f in InboundMessage._meta.fields if f.name not in ("raw", "raw_encrypted")]


@admin.register(OutboxMail)
class OutboxMailAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "to_addr", "state", "attempts", "created_at", "sent_at")
    list_filter = ("state", "kind")
    exclude = ("raw",)


@admin.register(TicketEvent)
class TicketEventAdmin(admin.ModelAdmin):
    list_display = ("ticket", "kind", "created_at")
    list_filter = ("kind",)
