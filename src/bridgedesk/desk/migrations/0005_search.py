"""Full-text search tables (see ``bridgedesk.desk.search.index``): one document per message, one per ticket.

Not Django models on purpose: on SQLite they are FTS5 virtual tables, on PostgreSQL a tsvector
with a GIN index, and both are written only with the tokens ``bridgedesk.triage.searchtext``
produces. SQLite's FTS5 is contentless (``content=''``): the text already lives in
``desk_message``, the index keeps only what finds it. The ``ascii`` tokenizer splits on
spaces and keeps ``-_.@:+/`` inside tokens, so identifiers (KX-100123, li.wei@qq.com) stay
whole; every non-ASCII character is a token character, so CJK bigrams pass through untouched.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLES = ("desk_search_message", "desk_search_ticket")

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {table} USING fts5(terms, content='', tokenize="ascii tokenchars '-_.@:+/'")"""
    for table in TABLES
]
POSTGRES_CREATE = [
    statement
    for table in TABLES
    for statement in (
        f"CREATE TABLE {table} (doc_id bigint PRIMARY KEY, terms tsvector NOT NULL)",
        f"CREATE INDEX {table}_terms ON {table} USING gin (terms)",
    )
]


def create_search_tables(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    is_postgres = schema_editor.connection.vendor == "postgresql"
    for statement in POSTGRES_CREATE if is_postgres else SQLITE_CREATE:
        schema_editor.execute(statement)


def drop_search_tables(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for table in TABLES:
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("desk", "0004_sla")]
    operations = [migrations.RunPython(create_search_tables, drop_search_tables)]
