"""`bridgedesk import PATH...`: .eml files, mbox files and Maildir folders into the one intake.

Each path is recognised by shape (a Maildir has cur/new/tmp; an mbox starts with a
"From " line; anything else is one message). Messages go in batches through
``receive_raw_messages``; an exact duplicate of an already received message is skipped
and counted, and anything unreadable is refused with its reason, never silently dropped.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bridgedesk.desk.processing.receive import RawMail, receive_raw_messages
from bridgedesk.desk.runtime import get_config

BATCH = 200


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)   # (where, why)

    def describe(self) -> str:
        lines = [f"imported {self.imported}, duplicates skipped {self.duplicates}, refused {len(self.refused)}"]
        lines += [f"  refused {where}: {why}" for where, why in self.refused]
        return "\n".join(lines)


def import_paths(paths: Sequence[Path], *, progress: bool = False) -> ImportSummary:
    summary = ImportSummary()
    max_bytes = get_config().intake.max_message_bytes
    bar = _progress_bar(progress)
    batch: list[RawMail] = []
    for where, data, problem in _iter_messages(paths):
        bar.update(1)
        problem = problem or _refusal(data, max_bytes)
        if problem:
            summary.refused.append((where, problem))
            continue
        batch.append(RawMail(data=data, source="import", envelope_from="", envelope_to=()))
        if len(batch) >= BATCH:
            _flush(batch, summary)
    _flush(batch, summary)
    bar.close()
    return summary


def _flush(batch: list[RawMail], summary: ImportSummary) -> None:
    if not batch:
        return
    for received in receive_raw_messages(batch, skip_known=True):
        if received.duplicate:
            summary.duplicates += 1
        else:
            summary.imported += 1
    batch.clear()


def _refusal(data: bytes, max_bytes: int) -> str:
    if not data.strip():
        return "empty message"
    if len(data) > max_bytes:
        return f"message is {len(data)} bytes, over the {max_bytes}-byte limit (intake.max_message_bytes)"
    return ""


def _iter_messages(paths: Sequence[Path]) -> Iterator[tuple[str, bytes, str]]:
    """Yield (where, raw bytes, problem) for every message under the given paths."""
    for path in paths:
        if not path.exists():
            yield str(path), b"", "no such file or folder"
        elif path.is_dir() and all((path / sub).is_dir() for sub in ("cur", "new", "tmp")):
            yield from _iter_maildir(path)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _iter_file(child)
        else:
            yield from _iter_file(path)


def _iter_file(path: Path) -> Iterator[tuple[str, bytes, str]]:
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
    except OSError as exc:
        yield str(path), b"", f"cannot read: {exc.strerror}"
        return
    if head == b"From ":
        yield from _iter_mbox(path)
        return
    try:
        yield str(path), path.read_bytes(), ""
    except OSError as exc:
        yield str(path), b"", f"cannot read: {exc.strerror}"


def _iter_mbox(path: Path) -> Iterator[tuple[str, bytes, str]]:
    box = mailbox.mbox(path, create=False)
    try:
        for index, key in enumerate(box.iterkeys()):
            try:
                yield f"{path}#{index + 1}", box.get_bytes(key, from_=False), ""
            except (OSError, KeyError) as exc:
                yield f"{path}#{index + 1}", b"", f"cannot read: {exc}"
    finally:
        box.close()


def _iter_maildir(path: Path) -> Iterator[tuple[str, bytes, str]]:
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in sorted(box.iterkeys()):
        try:
            yield f"{path}/{key}", box.get_bytes(key), ""
        except (OSError, KeyError) as exc:
            yield f"{path}/{key}", b"", f"cannot read: {exc}"


class _Progress(Protocol):
    """What the import uses of a progress bar (tqdm's, or none)."""

    def update(self, n: int) -> None: ...

    def close(self) -> None: ...


class _NoBar:
    def update(self, n: int) -> None:
        return None

    def close(self) -> None:
        return None


def _progress_bar(enabled: bool) -> _Progress:
    if not enabled:
        return _NoBar()
    from tqdm import tqdm  # start-up cost: only for a progress bar

    return tqdm(unit="msg", desc="importing")
