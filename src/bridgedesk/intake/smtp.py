"""The SMTP listener: a thin aiosmtpd handler in front of the one intake function.

RCPT is refused early (550) for anything but our support and security addresses; size is
enforced by aiosmtpd (552, advertised in EHLO). DATA answers 250 only after the raw bytes
are committed. Concurrent sessions share commits: while one commit is in flight, newly
arrived messages wait and go into the next one together (group commit), so durability
costs one fsync per batch instead of per message.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import AnyStr

from aiosmtpd.smtp import SMTP, Envelope, Session
from django.db import connection, connections

from bridgedesk.desk.processing.receive import RawMail, Received

log = logging.getLogger("bridgedesk.smtp")
MAX_BATCH = 512

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


class DeskSMTP(SMTP):
    """aiosmtpd's protocol with refusals that tell the sender exactly what to change."""

    async def push(self, status: AnyStr) -> None:
        text = status.decode() if isinstance(status, bytes) else status
        if text.startswith("552 Error: Too much mail data") or text.startswith("552 Error: message size exceeds"):
            text = (f"552 5.3.4 message too big: this desk accepts at most {self.data_size_limit} bytes; "
                    "send large files as links or smaller parts")
        await super().push(text)


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
