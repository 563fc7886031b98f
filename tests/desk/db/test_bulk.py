"""``insert_rows`` writes exactly what Django's ``bulk_create`` would: every value it sends is
the value Django's own per-field preparation gives, and the objects get their ids."""

from __future__ import annotations

import pytest
from django.db import connection

from bridgedesk.bench.corpus import generate_corpus
from bridgedesk.desk.db import bulk
from bridgedesk.desk.models import Customer, Ticket, TicketEvent
from tests.desk.helpers import drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


def django_values(obj, fields):  # type: ignore[no-untyped-def]
    """What ``bulk_create`` sends for ``obj``: pre_save then get_db_prep_save, field by field."""
    return [None if _stamped(f) else comparable(f.get_db_prep_save(f.pre_save(obj, True), connection)) for f in fields]


def comparable(value):  # type: ignore[no-untyped-def]
    """PostgreSQL's driver wraps JSON and bytes in adapters without equality; compare what they wrap."""
    return getattr(value, "obj", value)


def _stamped(field) -> bool:  # type: ignore[no-untyped-def]
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def test_every_value_sent_is_the_one_django_would_send(desk_config, monkeypatch):
    seen: dict[str, int] = {}
    real = bulk.insert_rows

    def checked(objs):  # type: ignore[no-untyped-def]
        objs = list(objs)
        if objs:
            fields, preparers = bulk._plan(type(objs[0]))
            for obj in objs:
                ours = [None if _stamped(f) else comparable(prepare(obj, connection)) for f, prepare in zip(fields, preparers)]
                assert ours == django_values(obj, fields), type(obj).__name__
            seen[type(objs[0]).__name__] = seen.get(type(objs[0]).__name__, 0) + len(objs)
        return real(objs)

    for module in ("bridgedesk.desk.processing.pipeline", "bridgedesk.desk.outbox.queue", "bridgedesk.desk.processing.receive"):
        monkeypatch.setattr(f"{module}.insert_rows", checked)
    receive(*generate_corpus(120))
    drain()
    # the checked rows cover every model the pipeline writes this way, with real values in them
    assert {"InboundMessage", "Ticket", "Message", "OutboxMail", "TicketEvent", "Customer"} <= set(seen)
    assert 50 < seen["Ticket"] <= Ticket.objects.count()


def test_objects_get_their_ids_and_read_back_equal(desk_config):
    receive(*generate_corpus(40))
    drain()
    ticket = Ticket.objects.order_by("id").first()
    copies = [Ticket(subject=f"复制 {n} {ticket.subject}", requester=ticket.requester, priority=ticket.priority,
                     category=ticket.category, flags=["possible_hijack"], missing=ticket.missing,
                     first_response_due=ticket.first_response_due)
              for n in range(3)]
    bulk.insert_rows(copies)
    assert all(c.pk and not c._state.adding for c in copies)
    for copy in copies:
        stored = Ticket.objects.get(pk=copy.pk)
        for field in Ticket._meta.concrete_fields:
            assert getattr(stored, field.attname) == getattr(copy, field.attname), field.name


def test_an_unsaved_related_object_is_refused_like_bulk_create(desk_config):
    with pytest.raises(ValueError, match="unsaved related object 'requester'"):
        bulk.insert_rows([Ticket(subject="x", requester=Customer(email="new@example.com"))])


def test_rows_beyond_one_statement_are_all_written(desk_config):
    """SQLite allows 999 values per statement: a few hundred events take several statements."""
    receive(*generate_corpus(5))
    drain()
    ticket = Ticket.objects.first()
    events = [TicketEvent(ticket=ticket, kind="note", data={"n": n, "text": "备注"}) for n in range(400)]
    bulk.insert_rows(events)
    assert len({e.pk for e in events}) == 400
    assert sorted(TicketEvent.objects.filter(kind="note").values_list("data__n", flat=True)) == list(range(400))


def test_without_returning_rows_are_saved_one_by_one_and_once(desk_config, monkeypatch):
    """SQLite before 3.35 cannot return ids from a multi-row INSERT: each row is saved alone,
    gets its id, and is written exactly once (intake relies on the ids)."""
    from django.db import connection as conn

    from tests.desk.helpers import build_mail

    monkeypatch.setattr(type(conn.features), "can_return_rows_from_bulk_insert", False)
    ids = receive(build_mail(sender="wang@example.cn", subject="充值没到账", body="我的 USDT 充值还没到账。"),
                  build_mail(sender="bob@example.com", subject="Withdrawal stuck", body="My BTC withdrawal is pending."))
    assert all(ids) and len(set(ids)) == 2
    from bridgedesk.desk.models import InboundMessage

    assert InboundMessage.objects.count() == 2


def test_only_fields_that_compute_at_save_go_through_pre_save():
    from bridgedesk.desk.models import Attachment, Customer, InboundMessage, Message, OutboxMail, Ticket, TicketEvent

    for model in (Attachment, Customer, InboundMessage, Message, OutboxMail, Ticket, TicketEvent):
        for field in model._meta.concrete_fields:
            stamped = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            assert bulk._computes_at_save(field) == stamped, (model.__name__, field.name)
    from django.db import models

    assert bulk._computes_at_save(models.FileField(upload_to="x"))     # stores its file at save
