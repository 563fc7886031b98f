import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("desk", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="OfficialChannel",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("email", "Email address"), ("domain", "Domain"), ("url", "Web address"), ("phone", "Phone number"), ("telegram", "Telegram account"), ("x", "X (Twitter) account")], max_length=10)),
                ("value", models.CharField(help_text="e.g. support@kestrel.exchange, +65 6123 4567, @KestrelExchange", max_length=320)),
                ("note", models.CharField(blank=True, max_length=200)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={"ordering": ["kind", "value"]},
        ),
        migrations.CreateModel(
            name="PhishingReport",
            fields=[],
            options={"verbose_name": "phishing report", "ordering": ["-created_at", "-id"], "proxy": True, "indexes": [], "constraints": []},
            bases=("desk.ticketevent",),
        ),
        migrations.AddConstraint(
            model_name="officialchannel",
            constraint=models.UniqueConstraint(fields=("kind", "value"), name="official_channel_unique"),
        ),
    ]
