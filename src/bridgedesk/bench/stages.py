"""`bridgedesk bench stages`: where the understanding half of the pipeline spends its time.

Runs parse → guard → triage over the generated corpus one stage at a time, on one core, and
reports messages per second per stage and each stage's share of the total. The guard's share
is the figure the guard issue bounds (at most 20% of the pipeline's time).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from bridgedesk.guard.secrets.scan import guard_message
from bridgedesk.mail.parse import parse_message
from bridgedesk.triage.category.store import train_from_seed
from bridgedesk.triage.entities.extract import extract_entities
from bridgedesk.triage.language import detect_language
from bridgedesk.triage.priority import decide_priority
from bridgedesk.understanding import CLASSIFY_CHARS

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def _timed(items: Sequence[_In], action: Callable[[_In], _Out]) -> tuple[list[_Out], float]:
    started = time.perf_counter()
    results = [action(item) for item in items]
    return results, time.perf_counter() - started


def run_stage_bench(messages: list[bytes]) -> dict[str, object]:
    model = train_from_seed()
    detect_language("warm up")
    parsed, t_parse = _timed(messages, parse_message)
    guarded, t_guard = _timed(parsed, lambda p: guard_message(
        subject=p.subject, text=p.text, html=p.html,
        attachments=[(a.filename, a.sniffed_type or a.declared_type, a.data) for a in p.attachments]))
    heads = [f"{g.subject}\n{(p.visible_text or g.text)[:CLASSIFY_CHARS]}" for p, g in zip(parsed, guarded)]
    _, t_language = _timed(heads, detect_language)
    predictions, t_category = _timed(heads, model.predict)
    _, t_entities = _timed(guarded, lambda g: extract_entities(g.text))
    _, t_priority = _timed(list(zip(predictions, guarded, heads)),
                           lambda x: decide_priority(x[0].category, secret_types=x[1].secret_types, text=x[2]))
    stages = {"parse": t_parse, "guard": t_guard, "language": t_language, "category": t_category,
              "entities": t_entities, "priority": t_priority}
    total = sum(stages.values())
    n = len(messages)
    return {
        "messages": n,
        "ms_per_message": {k: round(v / n * 1000, 3) for k, v in stages.items()},
        "share": {k: round(v / total, 3) for k, v in stages.items()},
        "guard_msgs_per_s": round(n / t_guard, 1) if t_guard else None,
        "understanding_msgs_per_s": round(n / total, 1),
    }
