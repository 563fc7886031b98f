"""The IMAP poller: fetch a mailbox's new mail into the one intake function, then mark it.

The mailbox is the sender here, so "acknowledge" means marking a message on the server, and
that happens only after its raw bytes are committed. Each poll:

1. selects the folder and notes its UIDVALIDITY (a change is logged; the search below covers
   the whole folder every time, so a changed mailbox is simply re-scanned);
2. searches for messages not yet carrying our keyword ``$BridgedeskStored`` (servers that
   refuse custom keywords: ``UNSEEN``);
3. fetches them with ``BODY.PEEK[]`` (which leaves ``\\Seen`` alone), in batches bounded by
   count and bytes, and commits each batch through ``receive_raw_messages(skip_known=True)``;
4. only then flags them ``\\Seen`` + ``$BridgedeskStored`` and, with a processed folder
   configured, moves them there (MOVE, else COPY + ``\\Deleted`` + EXPUNGE).

A crash between 3 and 4 leaves committed but unflagged messages; the next poll fetches them
again, and ``skip_known`` recognises the same bytes with the same Message-ID, so nothing is
stored twice, and they are then flagged like the rest. A crash between flagging and moving
leaves flagged messages in the folder; the next poll moves them without fetching.
"""

from __future__ import annotations

import logging
import re
import ssl
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db import close_old_connections, connection
from imapclient import DELETED, SEEN, IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from bridgedesk.config import DEFAULT_MAX_MESSAGE_BYTES, ImapSource
from bridgedesk.desk.processing.receive import RawMail, Received, receive_raw_messages

log = logging.getLogger("bridgedesk.imap")

STORED = b"$BridgedeskStored"
TOO_LARGE = b"$BridgedeskTooLarge"
MAX_BATCH_BYTES = 32 * 1024 * 1024      # one commit holds at most this much raw mail
MAX_PER_POLL = 2000                     # the rest waits for the next poll, which comes at once
CONNECTION_ERRORS = (IMAPClientError, OSError)
_STATUS_TEXT = re.compile(r"^(?:[a-z ]+ failed: |socket error|command: [A-Z]+ => socket error)", re.IGNORECASE)

Commit = Callable[..., list[Received]]


@dataclass(frozen=True)
class PollResult:
    fetched: int                        # messages whose bytes were downloaded
    stored: int                         # new inbound rows
    errors: list[str] = field(default_factory=list)   # per-message problems, no content
    duplicates: int = 0                 # fetched again after a crash, already stored
    moved: int = 0                      # moved to the processed folder
    more: bool = False                  # the per-poll bound was hit: poll again at once
    uidvalidity: int = 0


@dataclass
class _Tally:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    moved: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Backoff:
    """Bounded exponential delays for reconnecting: first, 2*first, ... up to ``ceiling``."""

    first: float = 1.0
    ceiling: float = 300.0
    failures: int = 0

    def next_delay(self) -> float:
        delay = min(self.ceiling, self.first * 2 ** min(self.failures, 30))
        self.failures += 1
        return delay

    def reset(self) -> None:
        self.failures = 0


class ImapPoller:
    """Polls one configured IMAP folder; one instance per source, used from one thread."""

    def __init__(self, source: ImapSource, *, commit: Commit = receive_raw_messages, batch: int = 100,
                 max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES, timeout: float = 60.0,
                 retry_first: float = 1.0, retry_ceiling: float = 300.0, ssl_context: ssl.SSLContext | None = None) -> None:
        self.source = source
        self.commit = commit
        self.batch = max(1, batch)
        self.max_message_bytes = max_message_bytes
        self.timeout = timeout
        self.backoff = Backoff(first=retry_first, ceiling=retry_ceiling)
        self.ssl_context = ssl_context      # None: the system's trusted CAs, hostname checked
        self.uidvalidity: int | None = None
        self.keywords = True
        self.sessions = 0                   # logins so far: more than one means it reconnected
        self.stop = threading.Event()       # run() replaces it; set: finish the batch in hand, then stop
        self._client: IMAPClient | None = None

    @property
    def label(self) -> str:
        """How logs name this source: never the password."""
        return f"{self.source.username}@{self.source.host}:{self.source.port}/{self.source.folder}"

    # -- one poll ------------------------------------------------------------------------

    def poll_once(self) -> PollResult:
        """Fetch, commit and mark what is new; IMAP and database errors propagate."""
        client = self.connect()
        self.select_source(client)
        tally = _Tally()
        if self.source.processed_folder:
            self.move_leftovers(client, tally)
        pending, more = self.find_pending(client)
        sizes = self.read_sizes(client, pending)
        for uids in plan_batches(sizes, self.refuse_oversize(client, sizes, tally), self.batch):
            if self.stop.is_set():
                more = True
                break
            self.store_batch(client, uids, tally)
        return PollResult(fetched=tally.fetched, stored=tally.stored, errors=tally.errors, duplicates=tally.duplicates,
                          moved=tally.moved, more=more, uidvalidity=self.uidvalidity or 0)

    def connect(self) -> IMAPClient:
        """Reuse the open session if it still answers NOOP, else log in afresh."""
        if self._client is not None:
            try:
                self._client.noop()
                return self._client
            except CONNECTION_ERRORS:
                self.disconnect(polite=False)
        client = IMAPClient(self.source.host, port=self.source.port, ssl=self.source.ssl,
                            ssl_context=self.ssl_context, timeout=self.timeout)
        try:
            if not self.source.ssl and client.has_capability("STARTTLS"):
                client.starttls(self.ssl_context)    # never send the password in clear when TLS is offered
            client.login(self.source.username, self.source.password)
            if self.source.processed_folder and not client.folder_exists(self.source.processed_folder):
                client.create_folder(self.source.processed_folder)
        except BaseException:
            _shutdown_quietly(client)
            raise
        self._client = client
        self.sessions += 1
        return client

    def select_source(self, client: IMAPClient) -> None:
        """Select the folder read-write; note UIDVALIDITY and whether keywords can be stored."""
        status = client.select_folder(self.source.folder)
        uidvalidity = int(status.get(b"UIDVALIDITY", 0))
        if self.uidvalidity is not None and uidvalidity != self.uidvalidity:
            log.warning("imap %s: UIDVALIDITY changed from %s to %s; re-scanning the whole folder "
                        "(messages already stored are recognised and not stored twice)", self.label, self.uidvalidity, uidvalidity)
        self.uidvalidity = uidvalidity
        permanent = status.get(b"PERMANENTFLAGS", ())
        self.keywords = b"\\*" in permanent or STORED in permanent

    def find_pending(self, client: IMAPClient) -> tuple[list[int], bool]:
        """UIDs not yet stored, oldest first, at most MAX_PER_POLL; and whether more wait."""
        if self.keywords:
            criteria = ["NOT", "KEYWORD", STORED, "NOT", "KEYWORD", TOO_LARGE, "NOT", "DELETED"]
        else:
            criteria = ["UNSEEN", "NOT", "DELETED"]
        uids = sorted(client.search(criteria))
        return uids[:MAX_PER_POLL], len(uids) > MAX_PER_POLL

    def read_sizes(self, client: IMAPClient, uids: Sequence[int]) -> dict[int, int]:
        if not uids:
            return {}
        wanted = set(uids)
        response = client.fetch(uids, ["RFC822.SIZE"])
        return {uid: int(data.get(b"RFC822.SIZE", 0)) for uid, data in response.items() if uid in wanted}

    def refuse_oversize(self, client: IMAPClient, sizes: dict[int, int], tally: _Tally) -> set[int]:
        """Leave messages over the size limit on the server, flagged for a person, unread."""
        refused = {uid for uid, size in sizes.items() if size > self.max_message_bytes}
        if refused and self.keywords:
            client.add_flags(sorted(refused), [TOO_LARGE], silent=True)
        for uid in sorted(refused):
            reason = f"uid {uid}: {sizes[uid]} bytes exceeds the {self.max_message_bytes}-byte limit; left on the server"
            tally.errors.append(reason)
            log.warning("imap %s: %s", self.label, reason)
        return refused

    def store_batch(self, client: IMAPClient, uids: Sequence[int], tally: _Tally) -> None:
        """Fetch without setting \\Seen, commit, and only after the commit mark on the server."""
        response = client.fetch(uids, ["BODY.PEEK[]"])
        present = [uid for uid in uids if b"BODY[]" in response.get(uid, {})]
        for uid in sorted(set(uids) - set(present)):
            tally.errors.append(f"uid {uid}: expunged by someone else before it could be fetched")
        if not present:
            return
        mails = [RawMail(data=bytes(response[uid][b"BODY[]"]), source="imap") for uid in present]
        tally.fetched += len(mails)
        received = self.commit(mails, skip_known=True)
        tally.stored += sum(1 for r in received if not r.duplicate)
        tally.duplicates += sum(1 for r in received if r.duplicate)
        self.mark_processed(client, present)
        if self.source.processed_folder:
            tally.moved += self.move_to_processed(client, present)

    def mark_processed(self, client: IMAPClient, uids: Sequence[int]) -> None:
        """Flag committed messages so no later poll fetches them again."""
        flags = [SEEN, STORED] if self.keywords else [SEEN]
        client.add_flags(uids, flags, silent=True)

    def move_leftovers(self, client: IMAPClient, tally: _Tally) -> None:
        """Messages flagged stored but still here: a crash came between flagging and moving."""
        if not self.keywords:
            return
        leftovers = sorted(client.search(["KEYWORD", STORED, "NOT", "DELETED"]))[:MAX_PER_POLL]
        if leftovers:
            tally.moved += self.move_to_processed(client, leftovers)

    def move_to_processed(self, client: IMAPClient, uids: Sequence[int]) -> int:
        folder = self.source.processed_folder
        if self.supports_move(client):
            client.move(uids, folder)
            return len(uids)
        client.copy(uids, folder)
        client.add_flags(uids, [DELETED], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)      # only ours, never a user's other deleted mail
        else:
            client.expunge()
        return len(uids)

    def supports_move(self, client: IMAPClient) -> bool:
        return bool(client.has_capability("MOVE"))

    # -- the loop ------------------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        """Poll until ``stop`` is set; every failure is logged and retried, never raised."""
        log.info("imap %s: polling every %ss", self.label, self.source.poll_seconds)
        self.stop = stop
        try:
            while not stop.is_set():
                stop.wait(self.poll_safely())
        finally:
            self.disconnect()
            connection.close()

    def poll_safely(self) -> float:
        """One poll; returns how long to wait before the next one."""
        try:
            close_old_connections()
            result = self.poll_once()
        except CONNECTION_ERRORS as exc:
            return self.after_failure("connection problem", exc)
        except Exception as exc:   # e.g. the database is away: nothing was flagged, nothing is lost
            return self.after_failure("could not store mail", exc)
        self.backoff.reset()
        if result.fetched or result.errors:
            log.info("imap %s: fetched %d, stored %d, already stored %d, problems %d",
                     self.label, result.fetched, result.stored, result.duplicates, len(result.errors))
        return 0.0 if result.more else self.source.poll_seconds

    def after_failure(self, what: str, exc: BaseException) -> float:
        """Drop the session and wait longer each time; the log names the error, not its data."""
        self.disconnect(polite=False)
        delay = self.backoff.next_delay()
        log.warning("imap %s: %s (%s: %s); retrying in %.1fs", self.label, what, type(exc).__name__,
                    describe_error(exc, self.source.password), delay)
        return delay

    def disconnect(self, *, polite: bool = True) -> None:
        """LOGOUT when the session is healthy; after an error just close the socket, since a
        LOGOUT sent to a server that stopped answering would wait out the whole timeout."""
        client, self._client = self._client, None
        if client is None:
            return
        if polite:
            _logout_quietly(client)
        else:
            _shutdown_quietly(client)


def plan_batches(sizes: dict[int, int], refused: set[int], batch: int) -> Iterator[list[int]]:
    """Group UIDs in order into batches of at most ``batch`` messages and MAX_BATCH_BYTES."""
    current: list[int] = []
    weight = 0
    for uid in sorted(sizes):
        if uid in refused:
            continue
        if current and (len(current) >= batch or weight + sizes[uid] > MAX_BATCH_BYTES):
            yield current
            current, weight = [], 0
        current.append(uid)
        weight += sizes[uid]
    if current:
        yield current


def describe_error(exc: BaseException, password: str) -> str:
    """A short, single-line reason fit for a log: the password blotted out, and only reasons
    known to be status text (socket errors, login refusals, "<command> failed: <server text>").
    Anything else, such as a parse error, may quote a line of mail, so its text is withheld."""
    text = " ".join(str(exc).split())[:200]
    if not (isinstance(exc, (OSError, LoginError)) or _STATUS_TEXT.match(text)):
        return "details withheld: the text may quote mail"
    return text.replace(password, "***") if password else text


def _logout_quietly(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:
        _shutdown_quietly(client)


def _shutdown_quietly(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:
        log.debug("imap connection was already closed")
