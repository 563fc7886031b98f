"""`bridgedesk bench ingest` end to end: the real command, a fresh database, the contract's JSON.

Speed is not asserted (a benchmark is not a timed test); losing a message is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bridgedesk.bench.corpus import generate_corpus

KEYS = {"messages", "seconds", "msgs_per_s", "parse_only_msgs_per_s", "ratio_vs_parse", "p50_ms", "p99_ms", "tickets", "lost"}


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bridgedesk", "bench", *args], capture_output=True, text=True, timeout=300)


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_generated_corpus_goes_through_the_pipeline_without_loss() -> None:
    proc = run_bench("ingest", "--n", "60")
    assert proc.returncode == 0, proc.stderr
    result = last_json(proc.stdout)
    assert set(result) >= KEYS
    assert result["messages"] == 60
    assert result["lost"] == 0
    # resends and replies land on existing tickets, so fewer tickets than messages, but most are new
    assert 30 <= result["tickets"] < 60
    assert result["seconds"] > 0 and result["parse_only_msgs_per_s"] > 0
    before, after = result["parse_only_before_after"]      # the ceiling is timed around the pipeline
    assert min(before, after) - 0.1 <= result["parse_only_msgs_per_s"] <= max(before, after) + 0.1
    assert 0 < result["p50_ms"] <= result["p99_ms"]


def test_corpus_folder_of_real_mail(tmp_path: Path, shared_data: Path) -> None:
    """Real third-party mail (CPython's test messages) from a folder, plus generated Chinese mail."""
    for source in sorted((shared_data / "mime" / "cpython").glob("msg_0*.txt"))[:6]:
        (tmp_path / f"{source.stem}.eml").write_bytes(source.read_bytes())
    for number, raw in enumerate(generate_corpus(4, seed=11)):
        (tmp_path / f"gen-{number}.eml").write_bytes(raw)
    proc = run_bench("ingest", "--corpus", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    result = last_json(proc.stdout)
    assert result["messages"] == 10
    assert result["lost"] == 0


def test_missing_corpus_folder_is_one_clear_line(tmp_path: Path) -> None:
    proc = run_bench("ingest", "--corpus", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "corpus folder not found" in proc.stderr and "Traceback" not in proc.stderr
