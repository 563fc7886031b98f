"""``bridgedesk tickets --json``: one JSON line per ticket, oldest first (docs/CONTRACTS.md)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC
from typing import Any

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("--json", action="store_true", required=True, help="one JSON line per ticket, oldest first")


def run(args: argparse.Namespace) -> int:
    from django.db.models import Count  # Django-side: see commands/base.py

    from bridgedesk.desk.models import Ticket

    migrate_quietly()
    rows = Ticket.objects.select_related("requester").annotate(message_count=Count("messages")).order_by("created_at", "id")
    out = sys.stdout
    for ticket in rows.iterator(chunk_size=1000):
        out.write(json.dumps(ticket_json(ticket), ensure_ascii=False) + "\n")
    return 0


def ticket_json(ticket: Any) -> dict[str, Any]:
    """The contract's keys for one ticket (``ticket`` is annotated with ``message_count``)."""
    return {
        "number": ticket.number, "subject": ticket.subject, "requester": ticket.requester.email,
        "status": ticket.status, "category": ticket.category, "priority": ticket.priority,
        "language": ticket.language, "queue": ticket.queue, "messages": ticket.message_count,
        "created_at": ticket.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "flags": ticket.flags, "tags": ticket.tags, "missing": ticket.missing,
    }


COMMAND = Command("tickets", "list tickets", add_arguments, run)
