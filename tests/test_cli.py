"""The command line as operators' scripts use it: import, tickets --json, triage --json, errors."""

from __future__ import annotations

import argparse
import json
import mailbox
import random
import subprocess
import sys
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

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
    assert rows[0]["messages"] == 1, "the customer's message alone: import acknowledges only with --acknowledge"


def test_triage_json_follows_the_contract_and_never_prints_a_secret(tmp_path, cli_env):
    leak = tmp_path / "leak.eml"
    leak.write_bytes(build_mail(subject="stolen", body=f"my words: {PHRASE}"))
    unreadable = tmp_path / "nope.eml"
    demo = sorted(str(p) for p in DEMO_MAIL.glob("*.eml"))
    assert len(demo) >= 6, f"the demo mail moved? nothing in {DEMO_MAIL}"
    files = demo + [str(leak), str(unreadable)]
    result = run_cli("triage", "--json", *files, env=cli_env)
    assert result.returncode == 1, "one file could not be read: the exit status says so, after every line"
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
    assert result.returncode == 0, "every file was processed"
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["phishing"]["verdict"] in ("phishing", "suspicious")
    assert "lookalike_domain" in line["phishing"]["indicators"] or "brand_in_foreign_domain" in line["phishing"]["indicators"]
    assert 0 <= line["phishing"]["score"] <= 1


def history_mail(sender: str, subject: str, body: str, written: datetime | None) -> bytes:
    """A mail as an old mailbox holds it: its own Date (or none), its own Message-ID."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "support@kestrel.exchange"
    msg["Subject"] = subject
    if written is not None:
        msg["Date"] = format_datetime(written)
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content(body)
    return msg.as_bytes(policy=policy.SMTP)


def history_mbox(path: Path) -> Path:
    """An mbox exported from a 2024 support mailbox: a Date each, except one dated only by its From_ line,
    and one whose sender's clock was years ahead (its From_ line has the real date)."""
    box = mailbox.mbox(path)
    box.add(history_mail("march@example.com", "USDT deposit missing", "My TRC20 deposit has not arrived.", datetime(2024, 3, 7, 10, 0, tzinfo=UTC)))
    box.add(history_mail("may@example.com", "KYC rejected", "My KYC was rejected twice.", datetime(2024, 5, 2, 8, 30, tzinfo=UTC)))
    for sender, header_date, from_line in (("undated@example.com", None, datetime(2024, 6, 1, 12, 0, tzinfo=UTC)),
                                           ("future@example.com", datetime(2031, 1, 1, tzinfo=UTC), datetime(2024, 7, 9, 9, 0, tzinfo=UTC))):
        message = mailbox.mboxMessage(history_mail(sender, "Withdrawal stuck", "My withdrawal is pending.", header_date))
        message.set_from(sender, from_line.timetuple())
        box.add(message)
    box.close()
    return path


def sent_mail_count(env: dict[str, str]) -> int:
    """Mail the desk delivered: without an SMTP relay it is written to <data>/sent (a Maildir)."""
    sent = Path(env["BRIDGEDESK_DATA"]) / "sent"
    return sum(1 for p in sent.rglob("*") if p.is_file()) if sent.exists() else 0


def test_import_keeps_each_mails_own_date_and_sends_nothing(tmp_path, cli_env):
    # Moving a 2024 mailbox onto the desk must keep its history (dates, order) and must not tell
    # 2024's customers that "a specialist will reply within 24 hours".
    result = run_cli("import", "--progress", str(history_mbox(tmp_path / "2024.mbox")), env=cli_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imported 4, duplicates skipped 0, refused 0" in result.stdout
    assert "processing: 100%" in result.stderr and "4/4" in result.stderr, "the long part of an import shows its progress"

    rows = [json.loads(line) for line in run_cli("tickets", "--json", env=cli_env).stdout.splitlines()]
    assert [(r["requester"], r["created_at"]) for r in rows] == [
        ("march@example.com", "2024-03-07T10:00:00Z"),
        ("may@example.com", "2024-05-02T08:30:00Z"),
        ("undated@example.com", "2024-06-01T12:00:00Z"),    # no Date header: the mbox From_ line's date
        ("future@example.com", "2024-07-09T09:00:00Z"),     # a Date in the future is not believed
    ]
    assert all(r["messages"] == 1 and r["status"] == "new" for r in rows), "no acknowledgement on any ticket"
    assert sent_mail_count(cli_env) == 0


def test_import_acknowledges_only_when_asked(tmp_path, cli_env):
    # --acknowledge is for a migration whose customers are still waiting: each new ticket gets the usual answer.
    result = run_cli("import", "--acknowledge", str(history_mbox(tmp_path / "2024.mbox")), env=cli_env)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [json.loads(line) for line in run_cli("tickets", "--json", env=cli_env).stdout.splitlines()]
    assert [r["messages"] for r in rows] == [2, 2, 2, 2], "the customer's message and our acknowledgement"
    assert sent_mail_count(cli_env) == 4


def test_import_closes_what_is_older_than_the_cutoff(tmp_path, cli_env):
    # Years of settled conversations belong in the archive, not in the agents' queues.
    result = run_cli("import", "--close-before", "2024-06-01", str(history_mbox(tmp_path / "2024.mbox")), env=cli_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "closed 2 ticket(s)" in result.stdout
    rows = [json.loads(line) for line in run_cli("tickets", "--json", env=cli_env).stdout.splitlines()]
    assert {r["requester"]: r["status"] for r in rows} == {
        "march@example.com": "closed", "may@example.com": "closed", "undated@example.com": "new", "future@example.com": "new"}

    bad = run_cli("import", "--close-before", "last year", str(tmp_path / "2024.mbox"), env=cli_env)
    assert bad.returncode == 2 and "--close-before 'last year' is not a date; write it as YYYY-MM-DD" in bad.stderr


def test_import_refuses_files_that_are_not_mail_and_says_why(tmp_path, cli_env):
    # A folder may hold anything; a config file or random bytes must not become a "phishing report"
    # from unknown-sender@invalid. Each refusal names the file and the reason; a flag takes them anyway.
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "bridgedesk.toml").write_text('[brand]\nname = "Kestrel"\nticket_prefix = "KX"\n', encoding="utf-8")
    (folder / "blob.bin").write_bytes(random.Random(15).randbytes(4096))
    (folder / "notes.txt").write_text("Customer called about a deposit.\nCall back on Monday.\n", encoding="utf-8")
    (folder / "meta.yaml").write_text("title: export\nowner: support\n", encoding="utf-8")
    (folder / "real.eml").write_bytes(build_mail(sender="real@example.com", subject="a real mail", body="Deposit missing."))

    refused = run_cli("import", str(folder), env=cli_env)
    assert refused.returncode == 1, "refusals make the exit status non-zero"
    assert "imported 1, duplicates skipped 0, refused 4" in refused.stdout
    reasons = dict(line.strip().removeprefix("refused ").split(": ", 1) for line in refused.stdout.splitlines()[1:5])
    assert reasons[str(folder / "bridgedesk.toml")].startswith("not a mail: no header block")
    assert "it starts '[brand]'" in reasons[str(folder / "bridgedesk.toml")]
    assert reasons[str(folder / "blob.bin")].startswith("not a mail: binary data")
    assert reasons[str(folder / "notes.txt")].startswith("not a mail: no header block")
    assert reasons[str(folder / "meta.yaml")] == "not a mail: no From, Message-ID or Date header (headers found: owner, title)"
    assert "--accept-non-mail" in refused.stdout, "the way out is named"
    assert [json.loads(x)["requester"] for x in run_cli("tickets", "--json", env=cli_env).stdout.splitlines()] == ["real@example.com"]

    taken = run_cli("import", "--accept-non-mail", str(folder), env=cli_env)
    assert taken.returncode == 0, taken.stdout + taken.stderr
    assert "imported 4, duplicates skipped 1, refused 0" in taken.stdout


def test_tickets_json_into_a_pipe_closed_early_ends_quietly(cli_env):
    # `bridgedesk tickets --json | head` is how operators look at a desk: when head has had
    # enough, the command stops without a traceback, as CLI tools do (exit 141 = 128 + SIGPIPE).
    seeded = run_cli("seed", "--tickets", "1500", "--messages", "1500", env=cli_env)
    assert seeded.returncode == 0, seeded.stderr
    proc = subprocess.Popen([sys.executable, "-m", "bridgedesk", "tickets", "--json"], env=cli_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()        # the reader goes away with more than a pipe's worth still to come
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert json.loads(first)["number"]
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert proc.returncode == 141


def test_a_mistyped_data_folder_is_refused_not_created(tmp_path, cli_env):
    # `--data /srv/bridgdesk` (a typo) used to open a new, empty desk and list no tickets without a word.
    typo = tmp_path / "bridgdesk"
    refused = run_cli("tickets", "--json", "--data", str(typo), env=cli_env)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (f"bridgedesk: --data {str(typo)!r}: no such folder ({typo}); "
                                      "check the path, or add --create to start a new desk there")
    assert not typo.exists()

    created = run_cli("tickets", "--json", "--data", str(typo), "--create", env=cli_env)
    assert created.returncode == 0, created.stderr
    assert typo.is_dir() and created.stdout == ""


def test_the_default_data_folder_is_still_created_on_a_fresh_machine(tmp_path, cli_env):
    # The Quickstart (`dev.py demo`) starts in a fresh checkout: the default ./var is made on first
    # use, as before, also when named explicitly.
    env = {k: v for k, v in cli_env.items() if k != "BRIDGEDESK_DATA"}
    result = subprocess.run([sys.executable, "-m", "bridgedesk", "tickets", "--json", "--data", "var"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var").is_dir()


def test_serve_demo_may_start_a_new_desk_in_a_new_folder():
    # `serve --demo --data DIR` is how one tries the desk: a demo is a new desk by definition.
    from bridgedesk.commands.base import UserError, chosen_data_folder

    folder = "/nonexistent-bridgedesk-demo"
    assert chosen_data_folder(argparse.Namespace(data=folder, create=False, demo=True)) == Path(folder)
    assert chosen_data_folder(argparse.Namespace(data=folder, create=True, demo=False)) == Path(folder)
    with pytest.raises(UserError, match="no such folder"):
        chosen_data_folder(argparse.Namespace(data=folder, create=False, demo=False))


def test_createagent_refuses_a_weak_password_with_the_validators_words(cli_env):
    # A staff account reads customers' cases; "secret" is not a password for it.
    weak = run_cli("createagent", "ann", "--password", "secret", env=cli_env)
    assert weak.returncode == 2
    assert weak.stderr.startswith("bridgedesk: password refused: This password is too short. It must contain at least 12 characters.")
    assert "This password is too common." in weak.stderr and "Traceback" not in weak.stderr
    digits = run_cli("createagent", "ann", "--password", "202611241000", env=cli_env)
    assert digits.returncode == 2 and "This password is entirely numeric." in digits.stderr

    good = run_cli("createagent", "ann", "--password", "copper-lantern-47-harbour", env=cli_env)
    assert good.returncode == 0, good.stderr
    assert good.stdout.strip() == "created staff account ann", "the refused attempts created nothing"
