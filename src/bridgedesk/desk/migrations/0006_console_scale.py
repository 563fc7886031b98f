"""Ticket indexes for the console at 100,000 tickets: view counts, "my tickets", SLA work order, breach scan.

The (queue, status, priority) index grows a language column so the four view counts come
from one pass over it; see ``Ticket.Meta`` and ``bridgedesk bench console``.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("desk", "0005_search")]
    operations = [
        migrations.RemoveIndex(model_name="ticket", name="desk_ticket_queue_c02e12_idx"),
        migrations.AddIndex(model_name="ticket", index=models.Index(
            fields=["queue", "status", "priority", "language"], name="desk_ticket_view_counts")),
        migrations.AddIndex(model_name="ticket", index=models.Index(
            fields=["assignee", "status", "queue"], name="desk_ticket_assignee_open")),
        migrations.AddIndex(model_name="ticket", index=models.Index(
            fields=["priority", "sla_due", "status", "created_at"], name="desk_ticket_work_order")),
        migrations.AddIndex(model_name="ticket", index=models.Index(fields=["sla_due"], name="desk_ticket_sla_due")),
    ]
