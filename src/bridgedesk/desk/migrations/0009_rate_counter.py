"""Rate-limit counters in a table of their own: the cache's read-then-write increment let parallel requests past the limits."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('desk', '0008_task_paths'),
    ]

    operations = [
        migrations.CreateModel(
            name='RateCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=120, unique=True)),
                ('count', models.IntegerField(default=0)),
                ('window_ends', models.DateTimeField(db_index=True)),
            ],
        ),
    ]
