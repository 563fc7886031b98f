"""Full-text search across tickets, in Chinese and English, on SQLite (FTS5) and PostgreSQL (tsvector).

How it fits together:

- ``bridgedesk.triage.searchtext`` (pure) turns text into tokens: CJK bigrams, lower-cased
  words, whole identifiers. The database only stores and intersects those tokens, so both
  databases answer the same query the same way (tables: migration ``0005_search``).
- The indexer is decoupled from the ingest pipeline: it indexes messages (their redacted
  ``text``, never the raw mail; agent replies and notes too) and tickets (number, subject,
  requester) whose id is above the highest id already indexed. The worker's housekeeping
  calls :func:`catch_up`; a search first indexes what little arrived since (cheap).
  PostgreSQL can commit ids out of order, so housekeeping also rechecks a window of recent
  ids below the watermark for stragglers.
- A message document is keyed by the message id and joined to ``desk_message`` at query time,
  so a hit resolves to the ticket the message belongs to *now* (after a merge, the target).
- Results: the most recent matching tickets first. Message hits are read newest first and
  stop as soon as a page of visible tickets is found, which keeps a common two-character query
  (提现 in a third of all mail) as fast as a rare identifier.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, QuerySet

from bridgedesk.desk.models import Message, Ticket
from bridgedesk.triage.searchtext import Term, document_tokens, needles, query_terms

PAGE = 50
REQUEST_CATCH_UP = 500        # documents indexed inside a search request at most (~50 ms); housekeeping does the rest
BATCH = 2000
HOUSEKEEPING_BATCHES = 50     # at most 100,000 messages per housekeeping run; the next run continues
HOUSEKEEPING_SECONDS = 2.0    # and at most about this long
RECHECK_IDS = 10_000          # PostgreSQL stragglers: ids committed after a higher id was indexed
MAX_SCAN = 20_000             # matching messages read per search at most (~100 ms at 1M messages)
FIRST_CHUNK = 200
MAX_CHUNK = 5000
SNIPPET_CHARS = 70
NO_ID_ABOVE = 2**62
PG_RECENT_ROWS = 30_000       # PostgreSQL: newest documents read in key order before asking GIN
MAX_POSITION = 16383          # PostgreSQL's highest tsvector position


@dataclass(frozen=True)
class IndexSpec:
    """One search table and where its documents come from."""

    table: str
    source: Callable[[], QuerySet[Any]]
    fields: tuple[str, ...]
    only_if: dict[str, object] = field(default_factory=dict)   # others get an empty document

    def documents(self, ids: Sequence[int]) -> list[tuple[int, list[str]]]:
        """Every id gets a row (maybe empty), so the watermark and the straggler check stay simple."""
        rows = self.source().filter(id__in=ids, **self.only_if).values_list("id", *self.fields)
        texts = {row[0]: " ".join(value or "" for value in row[1:]) for row in rows}
        return [(doc_id, document_tokens(texts.get(doc_id, ""))) for doc_id in ids]


# Our own automatic acknowledgements are left out: the same boilerplate (充值, 私钥, TxID...) in
# every ticket would make most Chinese queries match everything.
MESSAGES = IndexSpec("desk_search_message", lambda: Message.objects.all(), ("sender", "subject", "text"),
                     only_if={"is_auto": False})
TICKETS = IndexSpec("desk_search_ticket", lambda: Ticket.objects.all(),
                    ("number", "subject", "requester__email", "requester__name"))


@dataclass(frozen=True)
class Snippet:
    """Text around the first match, in three parts so the template can mark the match without |safe."""

    before: str
    match: str
    after: str


@dataclass(frozen=True)
class SearchHit:
    ticket: Ticket
    snippet: Snippet | None


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    searched: bool      # the query held something searchable
    more: bool          # the page is full: more (older) tickets match
    partial: bool       # stopped after MAX_SCAN matching messages: older ones were not read
    pending: int        # messages not yet indexed (housekeeping is catching up)


# --- the two databases -------------------------------------------------------------------


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _key() -> str:
    return "doc_id" if _is_postgres() else "rowid"


def _tsvector_literal(tokens: list[str]) -> str:
    """Tokens with their positions, so PostgreSQL's phrase operator ``<->`` works on CJK bigrams."""
    return " ".join(f"{_pg_quote(token)}:{min(i, MAX_POSITION)}" for i, token in enumerate(tokens, 1))


def _pg_quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def match_expression(terms: Sequence[Term]) -> str:
    """The query in the database's own syntax: every term must match; a term's tokens are a phrase."""
    if _is_postgres():
        return " & ".join(" <-> ".join(map(_pg_quote, t.tokens)) + (":*" if t.prefix else "") for t in terms)
    return " ".join('"' + " ".join(t.tokens).replace('"', '""') + '"' + ("*" if t.prefix else "") for t in terms)


def _hits_sql(table: str) -> str:
    """Matching document ids below a given id, newest first (parameters: query, below, limit)."""
    if _is_postgres():
        return f"SELECT doc_id FROM {table} WHERE terms @@ %s::tsquery AND doc_id < %s ORDER BY doc_id DESC LIMIT %s"
    return f"SELECT rowid FROM {table} WHERE {table} MATCH %s AND rowid < %s ORDER BY rowid DESC LIMIT %s"


def _insert(table: str, documents: list[tuple[int, list[str]]]) -> None:
    if _is_postgres():
        sql = f"INSERT INTO {table} (doc_id, terms) VALUES (%s, %s::tsvector) ON CONFLICT (doc_id) DO NOTHING"
        rows = [(doc_id, _tsvector_literal(tokens)) for doc_id, tokens in documents]
    else:
        sql = f"INSERT INTO {table} (rowid, terms) VALUES (%s, %s)"
        rows = [(doc_id, " ".join(tokens)) for doc_id, tokens in documents]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _watermark(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX({_key()}), 0) FROM {table}")
        return int(cursor.fetchone()[0])


def _indexed_ids(table: str, low: int, high: int) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_key()} FROM {table} WHERE {_key()} > %s AND {_key()} <= %s", [low, high])
        return {row[0] for row in cursor.fetchall()}


# --- indexing ----------------------------------------------------------------------------


def index_new(spec: IndexSpec, *, limit: int, recheck: int = 0) -> int:
    """Index up to ``limit`` documents not yet indexed: above the watermark, or (recheck) just below it.

    Documents are tokenised before the write transaction, so the lock (SQLite has one writer)
    is held only for the inserts; ids another indexer wrote meanwhile are skipped inside it.
    """
    watermark = _watermark(spec.table)
    low = max(watermark - recheck, 0)
    done = _indexed_ids(spec.table, low, watermark) if recheck else set()
    candidates = spec.source().filter(id__gt=low).order_by("id").values_list("id", flat=True)[:limit + len(done)]
    ids = [doc_id for doc_id in candidates if doc_id not in done][:limit]
    if not ids:
        return 0
    documents = spec.documents(ids)
    with transaction.atomic():
        already = _indexed_ids(spec.table, ids[0] - 1, ids[-1])
        _insert(spec.table, [doc for doc in documents if doc[0] not in already])
    return len(ids)


def catch_up(*, batch: int = BATCH, max_batches: int = HOUSEKEEPING_BATCHES, recheck: int = RECHECK_IDS,
             max_seconds: float | None = HOUSEKEEPING_SECONDS) -> int:
    """Index what is new, a batch at a time (the worker's housekeeping calls this).

    Bounded in time: the first run after upgrading an existing desk finds every message new,
    and the worker's own jobs must not wait for a million messages; later runs continue.
    """
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    total = 0
    for spec in (TICKETS, MESSAGES):
        for round_ in range(max_batches):
            indexed = index_new(spec, limit=batch, recheck=recheck if round_ == 0 else 0)
            total += indexed
            if indexed < batch or (deadline is not None and time.monotonic() > deadline):
                break
    return total


def clear_index() -> None:
    """Forget every indexed document; the next catch-up rebuilds. For a restored database, and for
    tests: Django's flush between tests empties only the tables it knows, and these it does not."""
    with transaction.atomic(), connection.cursor() as cursor:
        for spec in (TICKETS, MESSAGES):
            if _is_postgres():
                cursor.execute(f"TRUNCATE {spec.table}")
            else:   # a contentless FTS5 table refuses DELETE; this is its own command for it
                cursor.execute(f"INSERT INTO {spec.table} ({spec.table}) VALUES ('delete-all')")


def _unindexed(spec: IndexSpec) -> int:
    """Roughly how many documents wait: the newest id minus the watermark (two index lookups)."""
    newest = spec.source().aggregate(newest=Max("id"))["newest"] or 0
    return max(newest - _watermark(spec.table), 0)


def refresh_before_search() -> int:
    """Index what arrived since the last run, up to a small bound; returns messages still waiting."""
    for spec in (TICKETS, MESSAGES):
        if _unindexed(spec):
            index_new(spec, limit=REQUEST_CATCH_UP)
    return _unindexed(MESSAGES)


# --- searching ---------------------------------------------------------------------------


def search_tickets(tickets: QuerySet[Ticket], query: str, *, limit: int = PAGE) -> SearchResults:
    """Tickets among ``tickets`` (what the user may see) that match every term, most recent first."""
    terms = query_terms(query)
    if not terms:
        return SearchResults(query, [], searched=False, more=False, partial=False, pending=0)
    pending = refresh_before_search()
    expression = match_expression(terms)
    latest, partial = _latest_matching_message(tickets, expression, limit)
    by_ticket = _matching_tickets(tickets, expression, limit)
    found = tickets.filter(id__in=set(latest) | by_ticket).select_related("requester").order_by("-updated_at", "-id")
    page = list(found[:limit + 1])
    more, page = len(page) > limit or len(latest) >= limit, page[:limit]
    snippets = _snippets({latest[t.id] for t in page if t.id in latest}, query)
    hits = [SearchHit(t, snippets.get(latest.get(t.id, 0))) for t in page]
    return SearchResults(query, hits, searched=True, more=more, partial=partial, pending=pending)


def _latest_matching_message(tickets: QuerySet[Ticket], expression: str, limit: int) -> tuple[dict[int, int], bool]:
    """ticket id -> its newest matching message id, for the newest ``limit`` visible tickets.

    Also says whether it gave up after MAX_SCAN matching messages without filling the page:
    an agent who sees one small queue, searching a word common in the others, gets the newest
    matches and a hint to add a word, instead of a request that reads every match.
    """
    found: dict[int, int] = {}
    scanned, below, size = 0, NO_ID_ABOVE, FIRST_CHUNK
    while len(found) < limit and scanned < MAX_SCAN:
        take = min(size, MAX_SCAN - scanned)
        ids = _message_hits(expression, below=below, take=take)
        scanned += len(ids)
        _collect_visible(tickets, ids, found, limit)
        if len(ids) < take:
            break
        below, size = ids[-1], min(size * 4, MAX_CHUNK)
    return found, len(found) < limit and scanned >= MAX_SCAN


def _message_hits(expression: str, *, below: int, take: int) -> list[int]:
    """Matching message ids below ``below``, newest first (FTS5 reads its doclists newest first itself)."""
    if _is_postgres():
        return _pg_message_hits(expression, below=below, take=take)
    with connection.cursor() as cursor:
        cursor.execute(_hits_sql(MESSAGES.table), [expression, below, take])
        return [row[0] for row in cursor.fetchall()]


def _pg_message_hits(expression: str, *, below: int, take: int) -> list[int]:
    """PostgreSQL in two steps, each with a cost it can bound.

    Left to itself the planner either collects every match through GIN and sorts them (300 ms
    for a word in a third of a million messages) or walks the key backwards until it has
    enough (600 ms for a pasted identifier found once). So: first the newest PG_RECENT_ROWS
    documents in key order (``IS TRUE`` keeps GIN out), where a common word fills the page;
    then GIN over the older ones, where whatever was not common recently has few matches.
    """
    table = MESSAGES.table
    ids: list[int] = []
    with connection.cursor() as cursor:
        floor = _watermark(table) - PG_RECENT_ROWS
        if below > floor:
            cursor.execute(f"SELECT doc_id FROM {table} WHERE doc_id > %s AND doc_id < %s AND (terms @@ %s::tsquery) IS TRUE "
                           "ORDER BY doc_id DESC LIMIT %s", [floor, below, expression, take])
            ids = [row[0] for row in cursor.fetchall()]
            below = min(below, floor + 1)
        if len(ids) < take:
            cursor.execute(f"SELECT doc_id FROM (SELECT doc_id FROM {table} WHERE terms @@ %s::tsquery AND doc_id < %s OFFSET 0) "
                           "AS older ORDER BY doc_id DESC LIMIT %s", [expression, below, take - len(ids)])
            ids += [row[0] for row in cursor.fetchall()]
    return ids


def _collect_visible(tickets: QuerySet[Ticket], message_ids: list[int], found: dict[int, int], limit: int) -> None:
    """Add the tickets these messages belong to now, if visible, keeping each ticket's newest message."""
    if not message_ids:
        return
    owner = _owners(message_ids)
    visible = set(tickets.filter(id__in=set(owner.values())).values_list("id", flat=True))
    for message_id in message_ids:                     # newest first
        ticket_id = owner.get(message_id)
        if ticket_id in visible and ticket_id not in found:
            found[ticket_id] = message_id
            if len(found) >= limit:
                return


def _owners(message_ids: list[int]) -> dict[int, int]:
    """message id -> ticket id now. Raw SQL: the ORM spends ~10 µs preparing each of thousands of ids."""
    listed = ",".join(str(int(message_id)) for message_id in message_ids)   # ints from the index, never user text
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, ticket_id FROM {Message._meta.db_table} WHERE id IN ({listed})")
        return dict(cursor.fetchall())


def _matching_tickets(tickets: QuerySet[Ticket], expression: str, limit: int) -> set[int]:
    """Visible tickets whose number, subject or requester match (ticket documents)."""
    with connection.cursor() as cursor:
        cursor.execute(_hits_sql(TICKETS.table), [expression, NO_ID_ABOVE, limit * 2])
        ids = [row[0] for row in cursor.fetchall()]
    return set(tickets.filter(id__in=ids).order_by("-id").values_list("id", flat=True)[:limit])


def _snippets(message_ids: set[int], query: str) -> dict[int, Snippet]:
    patterns = _needle_patterns(query)
    texts = Message.objects.filter(id__in=message_ids).values_list("id", "text")
    return {message_id: make_snippet(text, patterns) for message_id, text in texts}


def _needle_patterns(query: str) -> list[re.Pattern[str]]:
    """Longest first: a pasted UID says more about the match than the word "UID" before it."""
    words = sorted(set(needles(query)), key=len, reverse=True)
    return [re.compile(re.escape(word), re.IGNORECASE) for word in words]


def make_snippet(text: str, patterns: Sequence[re.Pattern[str]]) -> Snippet:
    """A short excerpt around a match, or the start of the text when the match is not literal."""
    flat = " ".join(text.split())
    match = next((m for m in (p.search(flat) for p in patterns) if m), None)
    if match is None:
        return Snippet(flat[:SNIPPET_CHARS * 2], "", "")
    start = max(match.start() - SNIPPET_CHARS, 0)
    before = ("…" if start else "") + flat[start:match.start()]
    after = flat[match.end():match.end() + SNIPPET_CHARS]
    return Snippet(before, match.group(0), after + ("…" if match.end() + SNIPPET_CHARS < len(flat) else ""))
