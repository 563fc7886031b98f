"""``insert_rows``: Django's ``bulk_create`` for the rows the pipeline builds itself, with the
per-value preparation worked out once per model instead of once per value.

Why: for each value of each row ``bulk_create`` walks ``pre_save``, ``get_db_prep_save``,
``get_prep_value``, ``to_python`` and ``field_as_sql``; a group of new tickets writes about
six rows of fifteen fields per message, and that preparation was three quarters of the
time of every bulk insert (the SQL itself a quarter) — some 7% of all ingest CPU. Here each
field gets one preparer chosen up front: text, numbers and booleans go as they are (the
pipeline sets them as such), datetimes through the backend's adapter, foreign keys as the
related row's id, and every other type (JSON, binary) through Django's own
``get_db_prep_save``. Same rows, same ids set on the objects (``RETURNING``), as
``tests/desk/db/test_bulk.py`` checks against ``bulk_create`` itself. Only the id is read back:
a model with values the database makes (``db_default``, generated fields) needs ``bulk_create``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

Preparer = Callable[[models.Model, BaseDatabaseWrapper], Any]
_AS_THEY_ARE = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.FloatField)


def insert_rows(objs: Sequence[models.Model]) -> None:
    """INSERT unsaved ``objs`` (all of one model) in as few statements as the backend allows;
    sets each object's primary key, as ``bulk_create`` does."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    if any(obj.pk is not None for obj in objs):
        model._default_manager.bulk_create(objs)      # ids chosen by the caller: nothing to read back
        return
    if not connection.features.can_return_rows_from_bulk_insert:
        for obj in objs:                                # SQLite before 3.35: no RETURNING, so no ids
            obj.save(force_insert=True)                 # from a multi-row INSERT; one by one instead
        return
    fields, preparers = _plan(model)
    quote = connection.ops.quote_name
    per_statement = max(1, connection.ops.bulk_batch_size(fields, objs))
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(concrete_column(f)) for f in fields)}) VALUES "
    tail = f" RETURNING {quote(concrete_column(model._meta.pk))}"
    with connection.cursor() as cursor:
        for start in range(0, len(objs), per_statement):
            chunk = objs[start:start + per_statement]
            params = [prepare(obj, connection) for obj in chunk for prepare in preparers]
            cursor.execute(head + ", ".join([placeholder] * len(chunk)) + tail, params)
            for obj, (pk,) in zip(chunk, cursor.fetchall()):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias


@cache
def _plan(model: type[models.Model]) -> tuple[list[models.Field], list[Preparer]]:
    """Every concrete field but the id, with its preparer."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    return fields, [_preparer(f) for f in fields]


def concrete_column(field: models.Field) -> str:
    """A concrete field's column (django-stubs types it Optional: non-concrete fields have none)."""
    if field.column is None:
        raise ValueError(f"insert_rows() needs concrete fields; {field.name} has no column")
    return field.column


def _preparer(field: models.Field) -> Preparer:
    attname = field.attname
    if isinstance(field, models.ForeignKey):
        return lambda obj, connection: _related_id(obj, field)
    if _computes_at_save(field):
        return lambda obj, connection: field.get_db_prep_save(field.pre_save(obj, True), connection)
    if isinstance(field, models.DateTimeField):
        return lambda obj, connection: _datetime(getattr(obj, attname), field, connection)
    if isinstance(field, _AS_THEY_ARE):
        return lambda obj, connection: getattr(obj, attname)
    return lambda obj, connection: field.get_db_prep_save(getattr(obj, attname), connection)


def _computes_at_save(field: models.Field) -> bool:
    """A field whose value is made when the row is saved: ``auto_now`` stamps, and any field type
    with its own ``pre_save`` (a file field stores its file then) other than the date fields'."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return True
    own = type(field).pre_save
    return own is not models.Field.pre_save and own not in (models.DateField.pre_save, models.DateTimeField.pre_save)


def _related_id(obj: models.Model, field: models.ForeignKey) -> Any:
    """The id of the related row; like ``bulk_create``, refuse a related object not saved yet."""
    value = getattr(obj, field.attname)
    if value is None and field.is_cached(obj):
        related = field.get_cached_value(obj)
        if related is not None:
            if related.pk is None:
                raise ValueError(f"insert_rows() prohibited to prevent data loss due to unsaved related object '{field.name}'.")
            value = related.pk
            setattr(obj, field.attname, value)
    return value


def _datetime(value: Any, field: models.DateTimeField, connection: BaseDatabaseWrapper) -> Any:
    """An aware datetime through the backend's adapter; anything else the way Django prepares it."""
    if value is None:
        return None
    if getattr(value, "tzinfo", None) is None:
        return field.get_db_prep_save(value, connection)   # naive or a date: Django warns and converts
    return connection.ops.adapt_datetimefield_value(value)
