"""Search timings on a seeded desk: Chinese two-character queries, English words, pasted identifiers.

Called after ``seed_console`` (``bridgedesk.bench.console_seed``) has filled the database:
:func:`build_search_index` indexes what the seed wrote (as the worker's housekeeping would),
then :func:`time_searches` runs each query as the given staff member and reports p50/p95 in
milliseconds per class of query. The time is :func:`search_tickets` over
``visible_tickets(user)``: everything a search request does except rendering the page;
:func:`search_page_view` gives ``bench console`` the whole page to time with its other views.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from django.db.models import Max, QuerySet
from django.http.response import HttpResponseBase
from django.test import Client

from bridgedesk.desk.models import Message, Ticket
from bridgedesk.desk.search.index import catch_up, search_tickets
from bridgedesk.web.auth.access import visible_tickets

if TYPE_CHECKING:
    from django.contrib.auth.models import User

CHINESE = ("提现", "充值", "冻结", "到账", "审核", "密码", "风控", "入账")
CHINESE_ONE = ("币", "冻")             # one character: a prefix scan over bigrams, the slowest kind
ENGLISH = ("withdrawal", "deposit credited", "frozen account", "password reset", "verification complete",
           "transaction hash")


def search_page_view(client: Client, queries: Sequence[str] = (*CHINESE, *ENGLISH)) -> Callable[[int], HttpResponseBase]:
    """The search page as ``bench console`` times its views: request ``i`` searches the i-th query, rotating."""
    return lambda i: client.get("/search/", {"q": queries[i % len(queries)]})


def build_search_index(*, batch: int = 5000) -> dict[str, float]:
    """Index everything not yet indexed; returns documents indexed and seconds taken."""
    started = time.perf_counter()
    indexed = catch_up(batch=batch, max_batches=1_000_000, recheck=0, max_seconds=None)
    return {"indexed": indexed, "seconds": round(time.perf_counter() - started, 1)}


def sample_identifiers(tickets: QuerySet[Ticket], count: int = 8) -> tuple[str, ...]:
    """Ticket numbers and requester emails spread over the id range of what the user sees, as an agent pastes them."""
    top = tickets.aggregate(top=Max("id"))["top"] or 0
    picked = []
    for i in range(count):
        ticket = tickets.filter(id__lte=max(1, top * (i + 1) // count)).select_related("requester").order_by("-id").first()
        if ticket is not None:
            picked.append(ticket)
    return tuple(value for t in picked for value in (t.number or "", t.requester.email) if value)


def default_queries(user: User) -> dict[str, tuple[str, ...]]:
    return {"chinese_2char": CHINESE, "chinese_1char": CHINESE_ONE, "english_words": ENGLISH, "identifiers": sample_identifiers(visible_tickets(user))}


def time_searches(user: User, queries: Mapping[str, Sequence[str]] | None = None, *, rounds: int = 3) -> dict[str, object]:
    """p50/p95/max in ms per class of query, each query run ``rounds`` times, as ``user`` sees the desk."""
    report: dict[str, object] = {"messages": Message.objects.count(), "tickets": Ticket.objects.count()}
    for name, group in (queries or default_queries(user)).items():
        times, hits = [], []
        for _ in range(rounds):
            for query in group:
                started = time.perf_counter()
                results = search_tickets(visible_tickets(user), query)
                times.append((time.perf_counter() - started) * 1000)
                hits.append(len(results.hits))
        report[name] = {**summarize(times), "queries": len(group), "min_hits": min(hits, default=0)}
    return report


def summarize(times: list[float]) -> dict[str, float]:
    ordered = sorted(times) or [0.0]
    return {"p50_ms": round(percentile(ordered, 50), 1), "p95_ms": round(percentile(ordered, 95), 1),
            "max_ms": round(ordered[-1], 1)}


def percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]
