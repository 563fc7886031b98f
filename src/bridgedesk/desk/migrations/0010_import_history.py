"""Imported history: an inbound row may carry the mail's own date and "do not acknowledge".

``bridgedesk import`` of an old mailbox must keep when each mail was written (tickets, messages
and SLA deadlines take it) and must not answer years-old mail unless asked. Live channels leave
``written_at`` NULL and ``acknowledge`` true, so nothing changes for them or for existing rows.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("desk", "0009_rate_counter")]
    operations = [
        migrations.AddField(model_name="inboundmessage", name="written_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="inboundmessage", name="acknowledge", field=models.BooleanField(default=True)),
    ]
