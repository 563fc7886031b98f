"""Find where cheap literal cue words occur, so costly patterns only run near them.

``str.find`` on a lowercased copy is many times faster than a case-insensitive regex scan over
the whole message; most mail holds no cue at all and costs only these finds.
"""

from __future__ import annotations

from collections.abc import Iterable


def cue_windows(lowered: str, cues: Iterable[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged (start, end) windows around every occurrence of any cue in ``lowered``."""
    spans = []
    for cue in cues:
        position = lowered.find(cue)
        while position != -1:
            spans.append((max(0, position - before), min(len(lowered), position + len(cue) + after)))
            position = lowered.find(cue, position + 1)
    return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
