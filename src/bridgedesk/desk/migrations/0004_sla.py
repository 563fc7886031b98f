"""SLA fields on tickets: next-response deadline, nearest unmet deadline, when each target was breached.

Existing open tickets get ``sla_due`` from the deadlines they already carry, so the console's
SLA ordering is right from the first request after the upgrade.
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.db.models import F, Q

OPEN_STATUSES = ("new", "open", "pending", "on_hold")


def fill_sla_due(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """sla_due = the earlier of the unmet first response and the resolution deadline, open tickets only."""
    ticket = apps.get_model("desk", "Ticket")
    open_tickets = ticket.objects.filter(status__in=OPEN_STATUSES)
    open_tickets.filter(first_responded_at__isnull=True, first_response_due__isnull=False).update(sla_due=F("first_response_due"))
    open_tickets.filter(resolution_due__isnull=False).filter(
        Q(sla_due__isnull=True) | Q(resolution_due__lt=F("sla_due"))).update(sla_due=F("resolution_due"))


class Migration(migrations.Migration):
    dependencies = [("desk", "0003_merge_channels_console")]
    operations = [
        migrations.AddField(model_name="ticket", name="next_response_due", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="ticket", name="sla_due", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="ticket", name="first_response_breached_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="ticket", name="next_response_breached_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="ticket", name="resolution_breached_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.RunPython(fill_sla_due, migrations.RunPython.noop),
    ]
