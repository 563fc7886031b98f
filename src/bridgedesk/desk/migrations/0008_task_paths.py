"""Jobs already queued keep working after the task module moved to ``desk/jobs/tasks.py``.

The job engine stores each job's task by its dotted path; a job queued before the move names
``bridgedesk.desk.tasks.*``, which no longer imports. The paths of jobs not yet finished are
rewritten (finished ones are history and keep what ran).
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

MOVED = {
    "bridgedesk.desk.tasks.process_inbound_batch": "bridgedesk.desk.jobs.tasks.process_inbound_batch",
    "bridgedesk.desk.tasks.deliver_outbox": "bridgedesk.desk.jobs.tasks.deliver_outbox",
    "bridgedesk.desk.tasks.deliver_outbox_batch": "bridgedesk.desk.jobs.tasks.deliver_outbox_batch",
}
UNFINISHED = ("READY", "RUNNING")


def rename(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor, mapping: dict[str, str]) -> None:
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in mapping.items():
        results.objects.filter(task_path=old, status__in=UNFINISHED).update(task_path=new)


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rename(apps, schema_editor, MOVED)


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rename(apps, schema_editor, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [("desk", "0007_cache_table"), ("django_tasks_database", "0021_conditional_partial_index_ordering")]
    operations = [migrations.RunPython(forwards, backwards)]
