"""The command line as operators' scripts use it: import, tickets --json, triage --json, errors."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

from tests.conftest import run_cli
from tests.desk.helpers import build_mail

DEMO_MAIL = Path(__file__).resolve().parents[1] / "src" / "bridgedesk" / "desk" / "setup" / "demo_mail"
PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"


def test_import_eml_mbox_and_maildir_then_list_tickets(tmp_path, cli_env):
    eml = tmp_path / "one.eml"
    eml.write_bytes(build_mail(sender="eml@example.com", subject="from eml", body="Deposit missing, TRC20."))
    box = mailbox.mbox(tmp_path / "box.mbox")
    box.add(build_mail(sender="mbox1@example.com", subject="mbox one", body="KYC rejected again."))
    box.add(build_mail(sender="mbox2@example.com", subject="mbox two", body="API key returns 50111."))
    box.close()
    maildir = mailbox.Maildir(tmp_path / "Maildir")
    maildir.add(build_mail(sender="md@example.com", subject="maildir", body="提币一直在审核中，已经两天了。"))
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")

    first = run_cli("import", str(eml), str(tmp_path / "box.mbox"), str(tmp_path / "Maildir"), str(empty), str(tmp_path / "missing.eml"), env=cli_env)
    assert "imported 4, duplicates skipped 0, refused 2" in first.stdout
    assert "empty message" in first.stdout and "no such file" in first.stdout
    assert first.returncode == 1, "refusals make the exit status non-zero"

    again = run_cli("import", str(eml), env=cli_env)
    assert "imported 0, duplicates skipped 1, refused 0" in again.stdout and again.returncode == 0

    listed = run_cli("tickets", "--json", env=cli_env)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["requester"] for r in rows] == ["eml@example.com", "mbox1@example.com", "mbox2@example.com", "md@example.com"]
    for row in rows:
        assert set(row) >= {"number", "subject", "requester", "status", "category", "priority", "language", "queue", "messages", "created_at"}
        assert row["created_at"].endswith("Z") and row["number"].startswith("KX-")
    assert rows[3]["language"] == "zh"
    assert rows[0]["messages"] == 2, "the customer's message and our acknowledgement"


def test_triage_json_follows_the_contract_and_never_prints_a_secret(tmp_path, cli_env):
    leak = tmp_path / "leak.eml"
    leak.write_bytes(build_mail(subject="stolen", body=f"my words: {PHRASE}"))
    unreadable = tmp_path / "nope.eml"
    demo = sorted(str(p) for p in DEMO_MAIL.glob("*.eml"))
    assert len(demo) >= 6, f"the demo mail moved? nothing in {DEMO_MAIL}"
    files = demo + [str(leak), str(unreadable)]
    result = run_cli("triage", "--json", *files, env=cli_env)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == files
    assert "error" in lines[-1]
    by_name = {Path(line["file"]).name: line for line in lines}
    deposit = by_name["01-deposit-zh.eml"]
    assert deposit["language"] == "zh"
    assert {"type": "address", "value": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "chain": "TRON"} in deposit["entities"]
    assert {"type": "uid", "value": "27351856"} in [{k: e[k] for k in ("type", "value")} for e in deposit["entities"]]
    leaked = by_name["leak.eml"]
    assert leaked["secrets"] == [{"type": "seed_phrase"}]
    assert leaked["priority"] == "urgent"
    assert "[REDACTED:seed_phrase]" in leaked["redacted_text"]
    words = PHRASE.split()
    for i in range(len(words) - 3):
        assert " ".join(words[i:i + 4]) not in result.stdout
    for line in lines[:-1]:
        assert set(line) >= {"file", "language", "category", "category_confidence", "priority", "entities", "secrets", "redacted_text", "missing", "phishing"}


def test_bad_config_is_one_clear_line(tmp_path, cli_env):
    bad = tmp_path / "bad.toml"
    bad.write_text('[brand]\nname = "K"\nofficial_domains = ["k.example"]\nsupport_address = "s@k.example"\n'
                   'security_address = "sec@k.example"\nticket_prefix = "K"\ncolour = "blue"\n', encoding="utf-8")
    result = run_cli("tickets", "--json", "--config", str(bad), env=cli_env)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("bridgedesk: unknown key brand.colour")
    assert "Traceback" not in result.stderr


def test_bad_listen_address_is_explained(cli_env):
    result = run_cli("serve", "--http", "localhost", env=cli_env)
    assert result.returncode == 2 and "--http 'localhost' must look like HOST:PORT" in result.stderr


def test_triage_json_analyses_a_forwarded_phishing_mail(cli_env):
    result = run_cli("triage", "--json", str(DEMO_MAIL / "06-phishing-en.eml"), env=cli_env)
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["phishing"]["verdict"] in ("phishing", "suspicious")
    assert "lookalike_domain" in line["phishing"]["indicators"] or "brand_in_foreign_domain" in line["phishing"]["indicators"]
    assert 0 <= line["phishing"]["score"] <= 1
