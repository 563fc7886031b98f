"""The worker process: django-tasks-db's job loop (ending a job and claiming the next in one
transaction, see ``jobs/chaining.py``), plus a housekeeping thread that keeps every room tidy:
it recovers work whose worker died (lease expired), purges sealed originals past their
retention, indexes new messages for search, records SLA breaches, refreshes SQLite's
planner statistics and, when no mail waits, truncates SQLite's WAL. It sits above the other
rooms and may call any of them."""

from __future__ import annotations

import gc
import logging
import os
import socket
import threading

from django.db import close_old_connections, connections

from bridgedesk.desk.db.planner import refresh_planner_statistics
from bridgedesk.desk.db.wal import truncate_wal
from bridgedesk.desk.jobs.chaining import ChainingWorker
from bridgedesk.desk.jobs.recovery import recover_stalled_inbound, recover_stalled_outbox
from bridgedesk.desk.jobs.registry import Job, performer
from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.retention import purge_expired_originals
from bridgedesk.desk.runtime import get_config, get_intake_key, get_model
from bridgedesk.desk.search.index import catch_up as catch_up_search_index
from bridgedesk.desk.sla.deadlines import scan_breaches
from bridgedesk.understanding import preload

log = logging.getLogger("bridgedesk.worker")
HOUSEKEEPING_SECONDS = 15.0
HOUSEKEEPING_JOIN_SECONDS = 10.0   # at stop, how long to let a running housekeeping pass finish (slices are 2 s)


def run_housekeeping_once() -> None:
    lease = get_config().processing.lease_seconds
    recover_stalled_inbound(lease_seconds=lease)
    recover_stalled_outbox(lease_seconds=lease)
    purge_expired_originals()
    catch_up_search_index()
    scan_breaches()
    refresh_planner_statistics()
    truncate_wal_when_idle()


def truncate_wal_when_idle() -> bool:
    """Truncate the WAL (old images of erased pages) once nothing waits to be processed.

    Only when idle: a checkpoint holds off writers while it copies the log, and while mail
    streams in the WAL is recycled from its start anyway.
    """
    if InboundMessage.objects.filter(state=InboundMessage.State.RECEIVED).exists():
        return False
    return truncate_wal()


def _housekeeping_loop(stop: threading.Event, interval: float) -> None:
    while not stop.wait(interval):
        try:
            run_housekeeping_once()
        except Exception:
            log.exception("housekeeping failed; will try again")
        finally:
            close_old_connections()
    connections.close_all()   # this thread's own handles: kept between runs, not past the loop


def freeze_long_lived_objects() -> None:
    """Exempt everything loaded so far from garbage collection.

    Why: the models, vocabularies and Django itself are some 300,000 objects that live as
    long as the process, and every full collection walked them all — about 130 ms per pause
    in a worker, 2.4% of ingest time. Frozen, they are never scanned again (they are never
    garbage anyway); what jobs allocate is collected as before.
    """
    gc.collect()
    gc.freeze()


def preload_worker() -> None:
    """Load before the first job what every job needs: the category model, the intake key, the
    understanding tables (``understanding.preload``) and the code of the jobs themselves.

    Why the code: the job modules import the outbox, DKIM and DNS libraries and Pillow's image
    readers on first use; inside the first job that was about 0.13 s, a third of a 64-message
    job, charged to the first customer of every worker process.
    """
    from PIL import Image  # start-up cost: only workers need Pillow's readers

    for job in Job:
        performer(job)   # imports the code that does each job
    get_model()   # load or train
    get_intake_key()   # a missing or damaged key stops the worker at start with one line, not in every job
    preload()
    Image.preinit()   # the common image readers (PNG, JPEG, GIF, BMP), registered on first open


def run_worker_loop(*, until_idle: bool = False, interval: float = 0.2) -> None:
    preload_worker()
    if not until_idle:   # a one-off drain (tests, scripts) must not pin its caller's objects
        freeze_long_lived_objects()
    run_housekeeping_once()
    stop = threading.Event()
    housekeeping = threading.Thread(target=_housekeeping_loop, args=(stop, HOUSEKEEPING_SECONDS), daemon=True)
    housekeeping.start()
    worker = ChainingWorker(
        queue_names=["*"], interval=interval, batch=until_idle, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id=f"{socket.gethostname()}-{os.getpid()}"[:64], excluded_queue_names=[],
    )
    if not until_idle:
        worker.configure_signals()
    try:
        worker.run()
    finally:
        stop.set()
        housekeeping.join(timeout=HOUSEKEEPING_JOIN_SECONDS)
