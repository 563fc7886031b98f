"""The understanding scorer counts what it claims to: a secret that survives the guard is counted
as stored, a redacted one is not, categories and entities are compared with their labels; and
the shipped evaluation sets are whole (every mail labelled, every label's mail present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridgedesk.bench.understanding_eval import load_labelled, score
from bridgedesk.config import load_config
from bridgedesk.triage.category.store import train_from_seed
from tests.desk.helpers import build_mail

EVAL = Path(__file__).resolve().parents[2] / "eval" / "realistic"
SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"


def write_set(folder: Path, mails: list[tuple[bytes, dict]]) -> Path:
    folder.mkdir()
    lines = []
    for n, (raw, labels) in enumerate(mails):
        name = f"m{n}.eml"
        (folder / name).write_bytes(raw)
        lines.append(json.dumps({"file": name, "language": "en", "priority": "high", "entities": [], "secrets": [],
                                 "must_keep": [], "phishing": None, **labels}))
    (folder / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def model():
    return train_from_seed()


def test_a_redacted_secret_is_not_stored_and_an_unredacted_one_is(tmp_path, model):
    not_a_detected_secret = "zq-7781-kestrel-plain"   # labelled a secret, but nothing says so: the guard keeps it
    folder = write_set(tmp_path / "set", [
        (build_mail(body=f"My deposit is missing. My recovery phrase is {SEED}"),
         {"category": "deposit", "secrets": [{"type": "seed_phrase", "value": SEED}]}),
        (build_mail(body=f"Deposit not credited, TxID {TX}, and here is my code {not_a_detected_secret}"),
         {"category": "deposit", "secrets": [{"type": "password", "value": not_a_detected_secret}],
          "entities": [{"type": "tx_hash", "value": TX, "chain": "EVM"}]}),
    ])
    figures = score(load_labelled(folder), model=model, config=load_config(""))
    assert figures["secrets"] == 2 and figures["secrets_stored"] == 1
    assert figures["entities"]["tx_hash"]["recall"] == 1.0
    assert 0 <= figures["category_accuracy"] <= 1 and figures["messages"] == 2


@pytest.mark.parametrize("half", ["dev", "heldout"])
def test_the_shipped_sets_are_whole(half):
    folder = EVAL / half
    labelled = {json.loads(line)["file"] for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line}
    assert labelled == {p.name for p in folder.glob("*.eml")}
    assert len(labelled) > 100
