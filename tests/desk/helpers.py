"""Helpers for desk tests: build mail, receive it, drain the real job queue."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from django.db import connection

from bridgedesk.desk.processing.receive import RawMail, receive_raw_messages


def build_mail(*, sender: str = "alice@example.com", to: str = "support@kestrel.exchange", subject: str = "Deposit not credited",
               body: str = "Hello, my USDT deposit has not arrived yet.", headers: dict[str, str] | None = None,
               message_id: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    msg["Message-ID"] = message_id or make_msgid(domain="example.com")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes(policy=policy.SMTP)   # CRLF line ends, as on the wire


def receive(*raws: bytes, source: str = "smtp") -> list[int]:
    return [r.inbound_id for r in receive_raw_messages([RawMail(data=raw, source=source) for raw in raws])]


def drain() -> None:
    """Run the real worker loop in-process until no job is ready."""
    from bridgedesk.desk.worker import run_worker_loop

    run_worker_loop(until_idle=True, interval=0)


@contextmanager
def write_lock_held_elsewhere() -> Iterator[sqlite3.Connection]:
    """Another connection (as another process would) holding SQLite's write lock; skips on PostgreSQL."""
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite has one write lock for the whole database")
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
