"""The shared cache table (settings.CACHES uses Django's DatabaseCache).

The login limiter and the portal's link limiter count in the cache; a per-process memory
cache would give every web process its own count, so the limit would grow with the number of
processes. A table on the shared database holds one count for all of them. It is created
here, so every place that runs ``migrate`` (serve, tests, bench, setup) gets it.
"""

from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CACHE_TABLE = "bridgedesk_cache"   # frozen here: settings.CACHE_TABLE names the same table


def create_cache_table(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Django's own DDL for a cache table; a no-op when the table exists."""
    call_command("createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("desk", "0006_console_scale")]
    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
