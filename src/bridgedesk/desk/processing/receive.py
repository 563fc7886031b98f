"""The one intake function: commit raw bytes, then (and only then) may anyone say "received".

SMTP, IMAP and file import all end here. Nothing is parsed beyond what identifies the
message; the processing job does the real reading. Rows and their processing task are
written in one transaction, so a crash can lose neither one without the other. The raw
bytes are stored sealed (``rawcrypt``): what a crash leaves on disk reveals nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from bridgedesk.desk.db.bulk import insert_rows
from bridgedesk.desk.jobs.tasks import enqueue_processing
from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.rawcrypt import seal_intake_raw

_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True)
class RawMail:
    data: bytes
    source: str                       # smtp, imap, import
    envelope_from: str = ""
    envelope_to: tuple[str, ...] = ()
    written_at: datetime | None = None   # imported history: the mail's own date (None: it is written as it arrives)
    acknowledge: bool = True             # imported history is acknowledged only when asked


@dataclass(frozen=True)
class Received:
    inbound_id: int | None            # None when skipped as an exact duplicate
    duplicate: bool


def read_message_id(raw: bytes) -> str:
    """The Message-ID header value (without brackets), read from the header block only."""
    end = _HEADER_END.search(raw, 0, 256 * 1024)
    head = raw[: end.start()] if end else raw[: 256 * 1024]
    match = _MESSAGE_ID.search(head)
    if not match:
        return ""
    value = re.sub(rb"\s+", b"", match.group(1)).strip(b"<>")
    return value.decode("ascii", "replace")[:900]


def receive_raw_messages(mails: Sequence[RawMail], *, skip_known: bool = False) -> list[Received]:
    """Store each mail as an inbound row and enqueue its processing, all in one commit.

    ``skip_known`` (used by import) skips a mail whose exact bytes and Message-ID were already
    received; SMTP and IMAP keep every copy and let processing collapse duplicates, because a
    sender retrying after a lost 250 must still get its answer. Hashing and sealing happen
    before the transaction: SQLite's write lock is held for the inserts only.
    """
    prepared = [(mail, hashlib.sha256(mail.data).hexdigest(), read_message_id(mail.data)) for mail in mails]
    sealed = [seal_intake_raw(mail.data) for mail in mails]
    with transaction.atomic():
        known = _known_identities(prepared) if skip_known else set()
        results: list[Received] = []
        rows: list[InboundMessage] = []
        for (mail, digest, message_id), stored in zip(prepared, sealed):
            if skip_known:
                if (digest, message_id) in known:
                    results.append(Received(inbound_id=None, duplicate=True))
                    continue
                known.add((digest, message_id))
            row = InboundMessage(
                source=mail.source, envelope_from=mail.envelope_from[:320], envelope_to=list(mail.envelope_to),
                raw=stored, size=len(mail.data), sha256=digest, message_id_header=message_id,
                written_at=mail.written_at, acknowledge=mail.acknowledge,
            )
            rows.append(row)
            results.append(Received(inbound_id=None, duplicate=False))
        if rows:
            created = _create_rows(rows)
            ids = [row.pk for row in created]
            job_id = enqueue_processing(ids)
            InboundMessage.objects.filter(pk__in=ids).update(task_id=job_id)
            fill = iter(ids)
            results = [r if r.duplicate else Received(inbound_id=next(fill), duplicate=False) for r in results]
    return results


def _create_rows(rows: list[InboundMessage]) -> list[InboundMessage]:
    """One INSERT for the batch; ``insert_rows`` sets every row's id (row by row where the
    database cannot return ids from a multi-row INSERT)."""
    insert_rows(rows)
    return rows


def _known_identities(prepared: Sequence[tuple[RawMail, str, str]]) -> set[tuple[str, str]]:
    digests = {digest for _, digest, _ in prepared}
    return set(
        InboundMessage.objects.filter(sha256__in=digests).values_list("sha256", "message_id_header")
    )
