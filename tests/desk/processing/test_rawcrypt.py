"""Raw mail is stored sealed from the moment intake commits it, and processing opens it again.

The crash itself is in ``test_crash_at_rest``; here: the bytes intake stores, the key they
are sealed with (generated once, or configured), rows from before sealing, and rows that do
not open (another host's key, damage), which must wait for a person instead of being lost
or read as garbage.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat

import pytest

from bridgedesk.config import ConfigError, load_config
from bridgedesk.desk.models import InboundMessage, Ticket
from bridgedesk.desk.processing.failures import record_stage_failure
from bridgedesk.desk.processing.pipeline import process_batch
from bridgedesk.desk.processing.rawcrypt import open_intake_raw, seal_intake_raw
from bridgedesk.desk.processing.receive import read_message_id
from bridgedesk.desk.runtime import create_key_file, get_intake_key, read_key_file, reset_caches
from tests.conftest import run_cli
from tests.desk.helpers import build_mail, receive

pytestmark = pytest.mark.django_db(transaction=True)
PHRASE = "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic"


def other_key() -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(b"another host's key").digest()).decode()


def test_intake_stores_the_raw_mail_sealed_and_processing_opens_it(desk_config):
    # Intent: the bytes committed before 250 reveal nothing of the mail; the job still reads it whole.
    raw = build_mail(subject="wallet", body=f"my words: {PHRASE}")
    [inbound_id] = receive(raw)
    stored = bytes(InboundMessage.objects.get(pk=inbound_id).raw)
    assert PHRASE.encode() not in stored and b"wallet" not in stored and b"alice@example.com" not in stored
    assert open_intake_raw(stored) == raw
    row = InboundMessage.objects.get(pk=inbound_id)
    assert row.size == len(raw) and row.sha256 == hashlib.sha256(raw).hexdigest(), "identity is of the mail, not its seal"
    assert process_batch([inbound_id], on_failure=record_stage_failure)["new_ticket"] == 1
    assert "[REDACTED:seed_phrase]" in Ticket.objects.get().messages.get(direction="in").text


def test_the_same_mail_is_sealed_differently_each_time(desk_config):
    # Intent: a fresh nonce per mail; equal ciphertexts would tell which mails are repeats.
    raw = build_mail()
    assert seal_intake_raw(raw) != seal_intake_raw(raw)


def test_a_row_stored_before_sealing_still_processes(desk_config):
    # Intent: upgrading with mail still waiting loses none of it: plain rows are read as they are.
    raw = build_mail(subject="old row", body="My USDT deposit has not arrived.")
    row = InboundMessage.objects.create(source="smtp", raw=raw, size=len(raw), sha256=hashlib.sha256(raw).hexdigest(),
                                        message_id_header=read_message_id(raw))
    assert process_batch([row.pk], on_failure=record_stage_failure)["new_ticket"] == 1
    assert Ticket.objects.get().subject == "old row"
    assert InboundMessage.objects.get(pk=row.pk).raw is None


def test_a_row_sealed_under_another_hosts_key_waits_for_a_person(desk_config, monkeypatch):
    # Intent: two hosts with different keys on one database: the row is parked with a reason
    # that names the key, keeps its sealed bytes, and never becomes a garbage ticket.
    desk_config("[processing]\nmax_attempts = 1\n")
    monkeypatch.setenv("BRIDGEDESK_INTAKE_KEY", other_key())
    reset_caches()
    [inbound_id] = receive(build_mail())
    monkeypatch.delenv("BRIDGEDESK_INTAKE_KEY")
    reset_caches()
    assert process_batch([inbound_id], on_failure=record_stage_failure)["parked"] == 1
    row = InboundMessage.objects.get(pk=inbound_id)
    assert row.state == "parked" and row.last_error == "IntakeKeyMismatch in stage open_raw"
    assert row.raw is not None and Ticket.objects.count() == 0


def test_a_damaged_sealed_row_is_parked_not_misread(desk_config):
    # Intent: a changed byte fails authentication; the job never parses what it cannot trust.
    desk_config("[processing]\nmax_attempts = 1\n")
    [inbound_id] = receive(build_mail())
    stored = bytearray(InboundMessage.objects.get(pk=inbound_id).raw)
    stored[-20] ^= 0x01
    InboundMessage.objects.filter(pk=inbound_id).update(raw=bytes(stored))
    assert process_batch([inbound_id], on_failure=record_stage_failure)["parked"] == 1
    assert InboundMessage.objects.get(pk=inbound_id).last_error == "SealedRawDamaged in stage open_raw"


def test_a_configured_key_is_used_instead_of_the_generated_one(desk_config, monkeypatch):
    # Intent: hosts sharing a database share $BRIDGEDESK_INTAKE_KEY; it wins over the data directory's file.
    monkeypatch.setenv("BRIDGEDESK_INTAKE_KEY", other_key())
    reset_caches()
    assert get_intake_key() == base64.urlsafe_b64decode(other_key())
    monkeypatch.delenv("BRIDGEDESK_INTAKE_KEY")
    desk_config(f'[intake]\nencryption_key = "{other_key()}"\n')
    assert get_intake_key() == base64.urlsafe_b64decode(other_key())


def test_a_generated_key_is_private_durable_and_never_replaced(tmp_path):
    # Intent: zero setup makes a key once (mode 0600); a second process starting at once keeps the first one's.
    path = tmp_path / "intake_key"
    create_key_file(path)
    first = read_key_file(path)
    create_key_file(path)
    assert read_key_file(path) == first and len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["intake_key"], "no partial file is left behind"


def test_a_bad_intake_key_in_the_config_is_named_with_how_to_make_one(config_file, monkeypatch):
    with pytest.raises(ConfigError, match=r"intake\.encryption_key .*not an intake key.*urlsafe_b64encode"):
        load_config(config_file('[intake]\nencryption_key = "swordfish"\n'))
    monkeypatch.setenv("BRIDGEDESK_INTAKE_KEY", base64.urlsafe_b64encode(os.urandom(16)).decode())
    with pytest.raises(ConfigError, match=r"BRIDGEDESK_INTAKE_KEY.*16 bytes, not 32"):
        load_config(config_file())


def test_a_damaged_key_file_stops_the_worker_with_one_line(cli_env, data_dir_with_model):
    # Intent: an operator sees what is wrong and what to do, not a traceback per job.
    (data_dir_with_model / "intake_key").write_text("not a key\n")
    result = run_cli("worker", "--until-idle", env=cli_env)
    assert result.returncode == 2
    assert "intake_key is not an intake key" in result.stderr and "Traceback" not in result.stderr
