"""Placeholder filled in by the change that needs it; kept in a fixed chain so parallel work never forks migrations."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("desk", "0003_merge_channels_console")]
    operations: list = []
