"""`bridgedesk bench console`: server time of the agent console's pages on a large data set.

Server time is measured in process with Django's test client (the whole middleware, view,
queries and template, no network), signed in as the demo agent and the demo admin, on every
page an agent opens all day: the queue page as is, filtered by queue, status, priority and
language (values rotating, as agents click through them), "my tickets", open tickets by SLA,
the next-ticket button (which assigns, as it does for a person) and ticket pages of random
tickets. View counts are cached for a few seconds per scope, as in production; the first
request of each scope pays for them and is counted like any other.
"""

from __future__ import annotations

import math
import os
import random
import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http.response import HttpResponseBase
from django.test import Client

from bridgedesk.desk.models import Ticket
from bridgedesk.triage.vocabulary import QueueSlug

FILTER_VALUES = {
    "queue": ("funding", "trading", "compliance", "general", "triage"),
    "status": ("new", "open", "pending", "solved"),
    "priority": ("urgent", "high", "low"),
    "language": ("zh", "en", "ja"),
}


def run_console_bench(requests: int, *, seed: int = 7) -> dict:
    """Time each console view ``requests`` times; p50/p95/max (and CPU p50/p95) in milliseconds per view."""
    rng = random.Random(seed)
    agent, admin = signed_in("agent"), signed_in("admin")
    numbers = list(Ticket.objects.exclude(queue=QueueSlug.SECURITY).values_list("number", flat=True))
    cache.clear()
    views: dict[str, Callable[[int], HttpResponseBase]] = {
        "queue": lambda i: agent.get("/tickets/"),
        "queue_admin": lambda i: admin.get("/tickets/"),
        **{f"queue_by_{name}": filtered(agent, name, values) for name, values in FILTER_VALUES.items()},
        "mine": lambda i: agent.get("/tickets/?mine=1&open=1"),
        "sla_sorted": lambda i: agent.get("/tickets/?open=1&sort=sla"),
        "next_ticket": lambda i: agent.post("/tickets/next/"),
        "ticket_page": lambda i: agent.get(f"/tickets/{rng.choice(numbers)}/"),
    }
    return {"requests": requests, "views": {name: time_view(view, requests) for name, view in views.items()},
            "load": [round(x, 2) for x in os.getloadavg()]}


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def filtered(client: Client, name: str, values: tuple[str, ...]) -> Callable[[int], HttpResponseBase]:
    return lambda i: client.get(f"/tickets/?{name}={values[i % len(values)]}")


def time_view(view: Callable[[int], HttpResponseBase], requests: int) -> dict[str, float]:
    """Milliseconds per request, wall clock and this thread's CPU; a response neither 200 nor a redirect stops the run.

    The CPU figures are what a request costs on a machine of its own: on a shared one the wall
    clock also counts the time other processes held the cores.
    """
    wall, cpu = [], []
    for index in range(requests):
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = view(index)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        if response.status_code not in (200, 302):
            raise RuntimeError(f"{response.status_code} from the console during the benchmark")
    return {**summarize(wall), **{f"cpu_{key}": value for key, value in summarize(cpu).items() if key != "max"}}


def summarize(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"p50": round(percentile(ordered, 50), 1), "p95": round(percentile(ordered, 95), 1), "max": round(ordered[-1], 1)}


def percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]
