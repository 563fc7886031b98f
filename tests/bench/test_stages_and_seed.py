"""`bench stages` and `bench seed` print their JSON; figures are printed, not asserted as exact."""

import json
import subprocess
import sys


def run(*args: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bridgedesk", "bench", *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_stage_bench_reports_every_stage_and_the_guard_share():
    result = run("stages", "--n", "60")
    assert result["messages"] == 60
    assert set(result["share"]) == {"parse", "guard", "language", "category", "entities", "priority"}
    assert abs(sum(result["share"].values()) - 1) < 0.01
    print("stage shares:", result["share"])


def test_seed_accuracy_is_reported_per_language():
    result = run("seed")
    assert set(result["by_language"]) >= {"en", "zh"}
    assert result["validation"] == sum(v["n"] for v in result["by_language"].values())
    assert len(result["by_category"]) == 10
    print("held-out accuracy:", result["accuracy"], result["by_language"], result["by_category"])
    assert result["accuracy"] > 0.5, "far below what the seed set supports: the model or the data broke"
