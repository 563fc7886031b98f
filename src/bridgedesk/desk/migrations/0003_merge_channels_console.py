# Merge of two parallel 0002 migrations (official channels; agent console). Not committed by
# the channels work: left for the lead, who merges the two branches of the migration graph.
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("desk", "0002_channels"),
        ("desk", "0002_console"),
    ]

    operations = []
