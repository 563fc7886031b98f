"""``bridgedesk bench ingest``: the whole pipeline against the standard-library parse alone.

Two measurements on the same corpus in the same run:

* **parse only** — ``email.message_from_bytes(raw, policy=policy.default)``, walk every part,
  ``get_content()`` each leaf: the ceiling any pipeline built on the stdlib parser is compared with.
  Timed right before and right after the pipeline; the rate over both passes is reported.
  Why twice: on a shared machine the speed of one core drifts by a fifth within a minute
  (the same parse loop timed six times in a row here ran at 396-593 msgs/s), and a ceiling
  timed only before would compare the pipeline with a different machine.
* **pipeline** — every message handed to ``receive_raw_messages`` in batches of
  ``INTAKE_BATCH`` (as the SMTP group commit and the importer do) while the real job
  machinery processes what is committed: django-tasks-db's worker loop on the processing
  queue, one worker process per core (``workers`` in the result; forked after warm-up, as
  ``serve`` starts one worker per core beside its SMTP listener), all on the same database,
  each running until intake has finished and no job is left. ``seconds`` runs from the first
  intake commit to the last processed row. Parse-only stays one core, as CONTRACTS defines it.

Per-message latency (``p50_ms``, ``p99_ms``) is the time the pipeline spent on that message:
its share of its intake commit (batch time / batch size) plus its processing time, read
from consecutive ``processed_at`` stamps within its job (the first from the job's start, so
job-claim overhead counts); rows finished with one stamp (a bulk-written group) share its gap.

``lost`` = messages handed in minus messages accounted for: an inbound row that is done
(with a ticket message, or with a recorded outcome such as repeat_delivery or bounce), or
a copy that intake itself reported as a duplicate.
Requires Django set up on a fresh database (``bridgedesk.commands.bench`` does that).
"""

from __future__ import annotations

import email
import multiprocessing
import os
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

INTAKE_BATCH = 64
ACCOUNTED_OUTCOMES = ("duplicate", "repeat_delivery", "bounce", "bounce_unmatched")


@dataclass(frozen=True)
class IntakeTiming:
    inbound_ids: tuple[int, ...]
    share_seconds: tuple[float, ...]    # per message: its batch's commit time / batch size
    started: float
    handed_in: int
    intake_duplicates: int              # collapsed by intake itself, reported as duplicate


def run_ingest_bench(messages: list[bytes], workers: int | None = None) -> dict:
    """Measure parse-only and the whole pipeline on ``messages``; return the CONTRACTS dict.

    ``workers`` defaults to one per core (``os.cpu_count()``), reported in the result.
    """
    from bridgedesk.desk.models import Ticket

    workers = max(1, workers or os.cpu_count() or 1)
    parse_before = time_parse_only(messages)
    warm_up(messages[0])
    tickets_before = Ticket.objects.count()
    intake = ingest_beside_workers(messages, workers)
    seconds = time.perf_counter() - intake.started
    parse_after = time_parse_only(messages)
    latencies = per_message_latencies(intake)
    count = len(messages)
    msgs_per_s = count / seconds if seconds else 0.0
    parse_seconds = parse_before + parse_after
    parse_per_s = 2 * count / parse_seconds if parse_seconds else 0.0
    return {
        "messages": count, "seconds": round(seconds, 3), "msgs_per_s": round(msgs_per_s, 1),
        "parse_only_msgs_per_s": round(parse_per_s, 1),
        "parse_only_before_after": [round(count / t, 1) if t else 0.0 for t in (parse_before, parse_after)],
        "ratio_vs_parse": round(msgs_per_s / parse_per_s, 3) if parse_per_s else 0.0,
        "p50_ms": round(_percentile(latencies, 50) * 1000, 3), "p99_ms": round(_percentile(latencies, 99) * 1000, 3),
        "tickets": Ticket.objects.count() - tickets_before, "lost": count_lost(intake), "workers": workers,
    }


def warm_up(raw: bytes) -> None:
    """Load what a running worker has loaded once (category model, language model, wordlists),
    so one-time start-up is not charged to the messages measured: ``run_worker_loop`` does
    the same before its first job."""
    from bridgedesk.desk.runtime import get_model
    from bridgedesk.desk.worker import freeze_long_lived_objects, preload_worker
    from bridgedesk.understanding import understand_message

    preload_worker()
    understand_message(raw, model=get_model(), ocr=False)
    freeze_long_lived_objects()


def time_parse_only(messages: Sequence[bytes]) -> float:
    started = time.perf_counter()
    for raw in messages:
        parse_and_decode(raw)
    return time.perf_counter() - started


def parse_and_decode(raw: bytes) -> int:
    """The stdlib baseline: parse, walk every part, decode every leaf; returns the leaf count."""
    message = email.message_from_bytes(raw, policy=policy.default)
    leaves = 0
    for part in message.walk():
        if part.is_multipart():
            continue
        leaves += 1
        try:
            part.get_content()
        except Exception:  # a broken part costs what it costs; the baseline never stops
            pass
    return leaves


def receive_in_batches(messages: Sequence[bytes], batch: int = INTAKE_BATCH) -> IntakeTiming:
    from bridgedesk.desk.processing.receive import RawMail, receive_raw_messages

    ids: list[int] = []
    shares: list[float] = []
    duplicates = 0
    started = time.perf_counter()
    for start in range(0, len(messages), batch):
        chunk = [RawMail(data=raw, source="smtp", envelope_to=("support@kestrel.exchange",)) for raw in messages[start:start + batch]]
        began = time.perf_counter()
        received = receive_raw_messages(chunk)
        share = (time.perf_counter() - began) / len(chunk)
        for item in received:
            if item.inbound_id is not None:
                ids.append(item.inbound_id)
                shares.append(share)
            elif item.duplicate:
                duplicates += 1
    return IntakeTiming(tuple(ids), tuple(shares), started, len(messages), duplicates)


def ingest_beside_workers(messages: Sequence[bytes], workers: int) -> IntakeTiming:
    """Hand ``messages`` in from this process while ``workers`` forked workers process them.

    As in a running desk, where the SMTP listener commits while the workers work: a job is
    taken as soon as its intake batch is committed. Forked after warm-up so each child
    starts with the loaded models, as a long-running worker would; database connections are
    closed first so no child shares a handle. Returns when every worker has finished.
    """
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    intake_done = context.Event()
    children = [context.Process(target=drain_processing_queue, args=(f"bench-ingest-{n}", intake_done))
                for n in range(workers)]
    for child in children:
        child.start()
    try:
        intake = receive_in_batches(messages)
    finally:
        intake_done.set()
        for child in children:
            child.join()
    failed = [child.exitcode for child in children if child.exitcode != 0]
    if failed:
        raise RuntimeError(f"bench worker exited with {failed}")
    return intake


IDLE_POLL_SECONDS = 0.005   # while intake still runs, how long an idle worker waits before looking again


def drain_processing_queue(worker_id: str = "bench-ingest", intake_done: Event | None = None) -> None:
    """Run the desk's worker (django-tasks-db's, see ``jobworker``) on the processing queue until
    intake is done and no job is left.

    Only the ``default`` queue: the outbound queue (delivering acknowledgements) is the
    sender's work, not ingest, and ``run_worker_loop`` would also start housekeeping.
    A job scheduled a moment ahead (a reply waiting for its original) is waited for, as a
    running worker would, so every message handed in is processed within the measurement.
    ``intake_done`` (an Event; None: intake has finished) says whether more jobs may come.
    """
    from bridgedesk.desk.jobs.chaining import ChainingWorker

    while True:
        finished = intake_done is None or intake_done.is_set()   # read before looking for work
        ChainingWorker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
               max_tasks=None, worker_id=worker_id, excluded_queue_names=[]).run()
        wait = seconds_until_next_job()
        if wait is None and finished:
            return
        time.sleep(IDLE_POLL_SECONDS if wait is None else wait)


def seconds_until_next_job() -> float | None:
    """Seconds until the next processing job scheduled for later becomes ready; None when none is."""
    from django.db.models import Min
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    pending = DBTaskResult.objects.filter(status=TaskResultStatus.READY, queue_name="default")
    first = pending.exclude(run_after=get_date_max()).aggregate(first=Min("run_after"))["first"]
    if pending.filter(run_after=get_date_max()).exists():
        return 0.0    # enqueued by another worker after this one looked: ready now
    if first is None:
        return None
    return min(max(0.0, (first - timezone.now()).total_seconds()), 60.0)


def per_message_latencies(intake: IntakeTiming) -> list[float]:
    """Intake share plus processing time per message: the gap to the previous completion
    stamp in the same job (one job runs in one worker), the first measured from the job's start."""
    from django_tasks_db.models import DBTaskResult

    from bridgedesk.desk.models import InboundMessage

    share = dict(zip(intake.inbound_ids, intake.share_seconds))
    rows = list(InboundMessage.objects.filter(pk__in=share, processed_at__isnull=False)
                .order_by("processed_at", "pk").values_list("pk", "processed_at", "task_id"))
    starts = {str(pk): started for pk, started in DBTaskResult.objects.filter(
        id__in={task for _, _, task in rows if task}).values_list("id", "started_at")}
    commits: dict[tuple[str, datetime], list[int]] = {}
    for pk, stamp, task in rows:
        if stamp is not None:   # always: the query asked for processed rows
            commits.setdefault((task, stamp), []).append(pk)
    previous: dict[str, datetime | None] = {}
    latencies: list[float] = []
    for (task, stamp), pks in commits.items():   # rows finished together share their commit's time
        before = previous.get(task, starts.get(task))
        gap = max(0.0, (stamp - before).total_seconds()) if before is not None else 0.0
        latencies.extend(share[pk] + gap / len(pks) for pk in pks)
        previous[task] = stamp
    return latencies


def count_lost(intake: IntakeTiming) -> int:
    """Handed in minus accounted for: done with a ticket message, or done with a named outcome."""
    from django.db.models import Q

    from bridgedesk.desk.models import InboundMessage

    done = InboundMessage.objects.filter(pk__in=intake.inbound_ids, state=InboundMessage.State.DONE)
    accounted = done.filter(Q(message__isnull=False) | Q(outcome__in=ACCOUNTED_OUTCOMES)).distinct().count()
    return intake.handed_in - intake.intake_duplicates - accounted


def _percentile(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]
