"""`bridgedesk import PATH...`: .eml files, mbox files and Maildir folders into the one intake.

Each path is recognised by shape (a Maildir has cur/new/tmp; an mbox starts with a
"From " line; anything else is one message). Messages go in batches through
``receive_raw_messages``; an exact duplicate of an already received message is skipped
and counted, and anything unreadable is refused with its reason, never silently dropped.

Import is how a desk takes over a mailbox's history, so it keeps what history is:

- each message keeps its own date (its Date header; else the mbox From_ line's date or the
  file's; never a date in the future), which its ticket, its message and the ticket's SLA
  clocks take;
- nothing is sent unless asked (``acknowledge``): a 2024 mail must not be told "a specialist
  will reply within 24 hours";
- a file that is not a mail (no header block with a From, Message-ID or Date: a config file,
  a JSON export, random bytes) is refused with the reason, unless ``accept_non_mail``;
- old conversations can be closed on the way in (``close_imported_before``).
"""

from __future__ import annotations

import mailbox
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from django.db import connection
from django.utils import timezone

from bridgedesk.desk.actions.history import close_quiet_tickets
from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.receive import RawMail, receive_raw_messages
from bridgedesk.desk.runtime import get_config
from bridgedesk.mail.recognise import from_line_date, read_mail_head

BATCH = 200
EARLIEST_DATE = datetime(1980, 1, 1, tzinfo=UTC)   # before any mail this desk could import: a broken clock
PROGRESS_POLL_SECONDS = 0.5
NOT_MAIL = "not a mail: "   # how a refusal for not being a mail begins


@dataclass(frozen=True)
class ImportOptions:
    acknowledge: bool = False        # queue the usual acknowledgement for each new ticket
    accept_non_mail: bool = False    # take files without a mail header block as messages anyway


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)   # (where, why)
    not_mail: int = 0                                              # of the refused: files that are not mail
    inbound_ids: list[int] = field(default_factory=list)           # the rows this import stored

    def describe(self) -> str:
        lines = [f"imported {self.imported}, duplicates skipped {self.duplicates}, refused {len(self.refused)}"]
        lines += [f"  refused {where}: {why}" for where, why in self.refused]
        return "\n".join(lines)


@dataclass(frozen=True)
class Found:
    """One message found under the paths: its bytes, or why it could not be read, and the date its container gives it."""

    where: str
    data: bytes
    problem: str = ""
    container_date: datetime | None = None   # the mbox From_ line's date, or the file's own


def import_paths(paths: Sequence[Path], *, progress: bool = False, options: ImportOptions = ImportOptions()) -> ImportSummary:
    summary = ImportSummary()
    max_bytes = get_config().intake.max_message_bytes
    bar = _progress_bar(progress, "importing")
    batch: list[RawMail] = []
    now = timezone.now()
    for found in _iter_messages(paths):
        bar.update(1)
        mail, problem = _as_raw_mail(found, max_bytes, options, now)
        if mail is None:
            summary.refused.append((found.where, problem))
            if problem.startswith(NOT_MAIL):
                summary.not_mail += 1
            continue
        batch.append(mail)
        if len(batch) >= BATCH:
            _flush(batch, summary)
    _flush(batch, summary)
    bar.close()
    return summary


def _as_raw_mail(found: Found, max_bytes: int, options: ImportOptions, now: datetime) -> tuple[RawMail | None, str]:
    """The message to store, or None and why it is refused."""
    problem = found.problem or _size_refusal(found.data, max_bytes)
    if problem:
        return None, problem
    head = read_mail_head(found.data)
    if head.refusal and not options.accept_non_mail:
        return None, NOT_MAIL + head.refusal
    written_at = written_date((head.date, found.container_date), now=now)
    return RawMail(data=found.data, source="import", written_at=written_at, acknowledge=options.acknowledge), ""


def written_date(candidates: Sequence[datetime | None], *, now: datetime) -> datetime:
    """The first believable date of the candidates (the Date header first): none in the future, none
    before 1980 (a sender's broken clock); the import time when none is."""
    for candidate in candidates:
        if candidate is not None and EARLIEST_DATE <= candidate <= now:
            return candidate
    return now


def _flush(batch: list[RawMail], summary: ImportSummary) -> None:
    if not batch:
        return
    for received in receive_raw_messages(batch, skip_known=True):
        if received.duplicate:
            summary.duplicates += 1
        else:
            summary.imported += 1
            if received.inbound_id is not None:
                summary.inbound_ids.append(received.inbound_id)
    batch.clear()


def _size_refusal(data: bytes, max_bytes: int) -> str:
    if not data.strip():
        return "empty message"
    if len(data) > max_bytes:
        return f"message is {len(data)} bytes, over the {max_bytes}-byte limit (intake.max_message_bytes)"
    return ""


def close_imported_before(summary: ImportSummary, cutoff: datetime) -> int:
    """Close the still-open tickets this import's messages went to whose last word is older than ``cutoff``."""
    return close_quiet_tickets(summary.inbound_ids, before=cutoff,
                               reason=f"imported history: nothing newer than {cutoff.date().isoformat()} (import --close-before)")


@contextmanager
def processing_progress(summary: ImportSummary, *, enabled: bool) -> Iterator[None]:
    """A "processing" bar over this import's rows while the caller runs the worker.

    Storing 2,000 mails takes a second; processing them takes a minute or more, and that is
    the wait an operator sees. A thread counts the rows still waiting every half second.
    """
    if not enabled or not summary.inbound_ids:
        yield
        return
    bar = _progress_bar(True, "processing", total=len(summary.inbound_ids))
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_processing, args=(summary.inbound_ids, bar, stop), daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join(timeout=5)
        bar.close()


def _watch_processing(inbound_ids: list[int], bar: _Progress, stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            _show_processed(inbound_ids, bar)
            stop.wait(PROGRESS_POLL_SECONDS)
        _show_processed(inbound_ids, bar)   # the end state, so a finished run shows 100%
    finally:
        connection.close()   # this thread's own database handle


def _show_processed(inbound_ids: list[int], bar: _Progress) -> None:
    """Move the bar to the number of the import's rows no longer waiting (its ids span one range)."""
    low, high, total = min(inbound_ids), max(inbound_ids), len(inbound_ids)
    waiting = InboundMessage.objects.filter(pk__gte=low, pk__lte=high, state=InboundMessage.State.RECEIVED).count()
    bar.update(total - min(waiting, total) - bar.n)


def _iter_messages(paths: Sequence[Path]) -> Iterator[Found]:
    """Every message under the given paths, or why one could not be read."""
    for path in paths:
        if not path.exists():
            yield Found(str(path), b"", "no such file or folder")
        elif path.is_dir() and all((path / sub).is_dir() for sub in ("cur", "new", "tmp")):
            yield from _iter_maildir(path)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _iter_file(child)
        else:
            yield from _iter_file(path)


def _iter_file(path: Path) -> Iterator[Found]:
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
        file_date = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError as exc:
        yield Found(str(path), b"", f"cannot read: {exc.strerror}")
        return
    if head == b"From ":
        yield from _iter_mbox(path)
        return
    try:
        yield Found(str(path), path.read_bytes(), container_date=file_date)
    except OSError as exc:
        yield Found(str(path), b"", f"cannot read: {exc.strerror}")


def _iter_mbox(path: Path) -> Iterator[Found]:
    box = mailbox.mbox(path, create=False)
    try:
        for index, key in enumerate(box.iterkeys()):
            where = f"{path}#{index + 1}"
            try:
                from_line, _, data = box.get_bytes(key, from_=True).partition(b"\n")
            except (OSError, KeyError) as exc:
                yield Found(where, b"", f"cannot read: {exc}")
                continue
            yield Found(where, data, container_date=from_line_date(from_line))
    finally:
        box.close()


def _iter_maildir(path: Path) -> Iterator[Found]:
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in sorted(box.iterkeys()):
        try:
            yield Found(f"{path}/{key}", box.get_bytes(key), container_date=_maildir_delivery_date(key))
        except (OSError, KeyError) as exc:
            yield Found(f"{path}/{key}", b"", f"cannot read: {exc}")


def _maildir_delivery_date(key: str) -> datetime | None:
    """A Maildir file is named after its delivery time ("1709805600.M1P2.host"), by the format's convention."""
    seconds = key.split(".", 1)[0]
    if not seconds.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(seconds), UTC)
    except (OverflowError, OSError, ValueError):
        return None


class _Progress(Protocol):
    """What the import uses of a progress bar (tqdm's, or none)."""

    n: int

    def update(self, n: int) -> None: ...

    def close(self) -> None: ...


class _NoBar:
    n = 0

    def update(self, n: int) -> None:
        return None

    def close(self) -> None:
        return None


def _progress_bar(enabled: bool, description: str, total: int | None = None) -> _Progress:
    if not enabled:
        return _NoBar()
    from tqdm import tqdm  # start-up cost: only for a progress bar

    return tqdm(unit="msg", desc=description, total=total)
