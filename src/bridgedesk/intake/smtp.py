"""The SMTP listener: a thin aiosmtpd handler in front of the one intake function.

RCPT is refused early (550) for anything but our support and security addresses; size is
advertised in EHLO and enforced (552). DATA is read by ``read_data``, not aiosmtpd's reader:
lines longer than RFC 5321's 1,000 bytes and bare LF line ends are real mail and are kept
(aiosmtpd refused both with "500 Line too long"), while ``<CRLF>.<CRLF>`` stays the only end
of data, so no SMTP smuggling. DATA answers 250 only after the raw bytes are committed.
Concurrent sessions share commits: while one commit is in flight, newly arrived messages
wait and go into the next one together (group commit), so durability costs one fsync per
batch instead of per message.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from typing import AnyStr

from aiosmtpd.smtp import MISSING, SMTP, Envelope, Session, syntax
from django.db import connection, connections

from bridgedesk.desk.processing.receive import RawMail, Received

log = logging.getLogger("bridgedesk.smtp")
MAX_BATCH = 512
# The longest text line DATA accepts (bytes, without its line end). RFC 5321 says 1,000 with
# CRLF, but one-line HTML and unwrapped base64 exist; Postfix never refuses them (it folds
# at line_length_limit and rebuilds on delivery). Past this, a line is surely not mail.
MAX_LINE_BYTES = 1 << 20

Committer = Callable[[Sequence[RawMail]], list[Received]]


class GroupCommit:
    """Collects messages from many sessions and commits them in batches on one DB thread."""

    def __init__(self, commit: Committer) -> None:
        self._commit = commit
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="smtp-commit")
        self._pending: list[tuple[RawMail, asyncio.Future[Received]]] = []
        self._draining = False

    async def submit(self, mail: RawMail) -> Received:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Received] = loop.create_future()
        self._pending.append((mail, future))
        if not self._draining:
            self._draining = True
            loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while self._pending:
                batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
                try:
                    results = await loop.run_in_executor(self._executor, self._commit_batch, [m for m, _ in batch])
                except Exception as exc:  # the whole batch was not stored: every sender must retry
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), result in zip(batch, results):
                    if not future.done():
                        future.set_result(result)
        finally:
            self._draining = False

    def _commit_batch(self, mails: list[RawMail]) -> list[Received]:
        """Commit on the one DB thread, keeping its connection between batches.

        Reopening per batch cost a connect and the PRAGMA setup on every group commit; a
        connection that failed is closed so the next batch starts on a fresh one.
        """
        try:
            return self._commit(mails)
        except Exception:
            connection.close()
            raise

    def close(self) -> None:
        """Close the DB thread's connection, then the thread: a handle left open would keep the
        database busy after the listener stopped (PostgreSQL refuses to drop a database in use)."""
        try:
            self._executor.submit(_close_thread_connections).result(timeout=10)
        except RuntimeError:   # closed before
            pass
        self._executor.shutdown(wait=True)


def _close_thread_connections() -> None:
    connections.close_all()


class SupportHandler:
    """aiosmtpd handler: who may receive, and when we may say 250."""

    def __init__(self, *, accepted: Sequence[str], committer: GroupCommit) -> None:
        self.accepted = {a.lower() for a in accepted}
        self.committer = committer

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]) -> str:
        if address.lower() not in self.accepted:
            return f"550 5.1.1 <{address}>: no such mailbox here; write to {sorted(self.accepted)[-1]}"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        if not raw.strip():
            return "554 5.6.0 empty message: nothing to deliver"
        mail = RawMail(data=raw, source="smtp", envelope_from=envelope.mail_from or "", envelope_to=tuple(envelope.rcpt_tos))
        try:
            received = await self.committer.submit(mail)
        except Exception:
            log.exception("could not store an incoming message; the sender will retry")
            return "451 4.3.0 temporary storage problem, please retry later"
        return f"250 2.0.0 OK: queued as {received.inbound_id}"


class DataVerdict(Enum):
    """What reading one DATA payload found."""

    COMPLETE = "complete"
    LINE_TOO_LONG = "line_too_long"
    TOO_BIG = "too_big"


@dataclass(frozen=True)
class DataPayload:
    content: bytes              # empty unless COMPLETE
    verdict: DataVerdict


class _DataReader:
    """State of one DATA read: the lines kept, and where the current line stands.

    A line is what ends in LF (CRLF or bare LF) for counting its length; only a line after a
    CRLF can be the end of data or carry a dot-stuffing dot (RFC 5321 s4.5.2), exactly as in
    aiosmtpd, so ``<LF>.<CRLF>``, ``<CRLF>.<LF>`` and ``<LF>.<LF>`` are content, never an end.
    """

    def __init__(self, size_limit: int | None, line_limit: int) -> None:
        self.size_limit, self.line_limit = size_limit, line_limit
        self.kept: list[bytes] = []
        self.verdict = DataVerdict.COMPLETE
        self.total = 0
        self.line_length = 0        # bytes of the current line so far, its line end included
        self.tail = b""             # its last two bytes: did it end in CRLF?
        self.after_crlf = True      # the DATA command's own CRLF precedes the first line

    def take(self, chunk: bytes) -> bool:
        """Take the next chunk (a whole line, or a piece of a long one); True at the end of data."""
        if self.line_length == 0 and self.after_crlf:
            if chunk == b".\r\n":
                return True
            if chunk[:1] == b".":
                chunk = chunk[1:]                 # a transparent dot (dot-stuffing)
        self.total += len(chunk)
        self.line_length += len(chunk)
        self.tail = (self.tail + chunk[-2:])[-2:]
        ended = chunk.endswith(b"\n")
        crlf = ended and self.tail == b"\r\n"
        if self.size_limit and self.total > self.size_limit:
            self._refuse(DataVerdict.TOO_BIG)
        if self.line_length - (2 if crlf else 1 if ended else 0) > self.line_limit:
            self._refuse(DataVerdict.LINE_TOO_LONG)
        if self.verdict is DataVerdict.COMPLETE:
            self.kept.append(chunk)
        if ended:
            self.after_crlf, self.line_length = crlf, 0
        return False

    def _refuse(self, verdict: DataVerdict) -> None:
        """The first problem found is the one reported; nothing more is kept (memory)."""
        if self.verdict is DataVerdict.COMPLETE:
            self.verdict = verdict
        self.kept.clear()

    def payload(self) -> DataPayload:
        content = b"".join(self.kept) if self.verdict is DataVerdict.COMPLETE else b""
        return DataPayload(content, self.verdict)


async def read_data(reader: asyncio.StreamReader, *, size_limit: int | None, line_limit: int = MAX_LINE_BYTES) -> DataPayload:
    """Read a DATA payload up to ``<CRLF>.<CRLF>``, its only end (anti-smuggling).

    Reads line by line on any LF, so a message of bare-LF lines is many short lines rather
    than one huge one; a line longer than the reader's buffer comes in pieces, so memory stays
    bounded by what is kept. Problems are answered only after the end of data (RFC 5321
    s4.2.5), and the payload is read to its end either way, so the session can go on.
    """
    state = _DataReader(size_limit, line_limit)
    while True:
        try:
            chunk = await reader.readuntil(b"\n")
        except asyncio.LimitOverrunError as overrun:     # a long line: take the piece buffered so far
            chunk = await reader.read(overrun.consumed)
        except asyncio.IncompleteReadError as cut:       # the client went away mid-message
            raise ConnectionResetError("connection closed during DATA") from cut
        if state.take(chunk):
            return state.payload()


class DeskSMTP(SMTP):
    """aiosmtpd's protocol with our DATA reader and refusals that tell the sender exactly what to change."""

    def _too_big(self) -> str:
        return (f"552 5.3.4 message too big: this desk accepts at most {self.data_size_limit} bytes; "
                "send large files as links or smaller parts")

    async def push(self, status: AnyStr) -> None:
        text = status.decode() if isinstance(status, bytes) else status
        if text.startswith("552 Error: message size exceeds"):     # aiosmtpd's answer to MAIL FROM SIZE=
            text = self._too_big()
        await super().push(text)

    def _refusal(self, verdict: DataVerdict) -> str:
        if verdict is DataVerdict.TOO_BIG:
            return self._too_big()
        # RFC 5321 s4.3.2 allows 552/554 after DATA (not 500); RFC 3463 X.6.0: the content is the problem.
        return (f"554 5.6.0 a line of this message is longer than {MAX_LINE_BYTES} bytes; "
                "wrap long lines (send the text as quoted-printable, files as base64) and send it again")

    @syntax("DATA")
    async def smtp_DATA(self, arg: str) -> None:
        """aiosmtpd's DATA command with ``read_data`` in place of its line reader."""
        if await self.check_helo_needed() or await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        payload = await read_data(self._reader, size_limit=self.data_size_limit)   # a lost connection ends the session
        if payload.verdict is not DataVerdict.COMPLETE:
            await self.push(self._refusal(payload.verdict))
            self._set_post_data_state()
            return
        self.envelope.content = self.envelope.original_content = payload.content
        status = await self._call_handler_hook("DATA")
        self._set_post_data_state()
        await self.push("250 OK" if status is MISSING else status)


@dataclass
class SmtpListener:
    """Runs the SMTP server on its own event loop in a thread; port 0 picks a free port."""

    host: str
    port: int
    handler: SupportHandler
    max_message_bytes: int
    tls_context: ssl.SSLContext | None = None
    hostname: str = "bridgedesk"

    def __post_init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="smtp-listener", daemon=True)
        self._server: asyncio.base_events.Server | None = None

    def start(self) -> tuple[str, int]:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._serve(), self._loop)
        self._server = future.result(timeout=10)
        host, port = self._server.sockets[0].getsockname()[:2]
        self.port = port
        return host, port

    async def _serve(self) -> asyncio.base_events.Server:
        def factory() -> SMTP:
            return DeskSMTP(
                self.handler, hostname=self.hostname, data_size_limit=self.max_message_bytes,
                tls_context=self.tls_context, require_starttls=False, enable_SMTPUTF8=True,
                decode_data=False, ident="bridgedesk ESMTP",
            )
        return await self._loop.create_server(factory, host=self.host, port=self.port)

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
                await self._server.wait_closed()
        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self.handler.committer.close()


def build_tls_context(cert: str, key: str) -> ssl.SSLContext | None:
    if not cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key or None)
    return context
