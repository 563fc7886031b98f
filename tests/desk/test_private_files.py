"""The data directory is private (issue 15, item 12): after a real ``bridgedesk serve`` run,
the directory and everything in it (database, WAL, SHM, attachments, keys, models, sent
mail) is reachable by the desk's user only: directories 0700, files 0600."""

from __future__ import annotations

import os
import stat
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from bridgedesk.desk.processing.storage import store_attachment_bytes
from tests.desk.live_desk import query_one, send_all, start_desk, wait_for


def loose_modes(root: Path) -> dict[str, str]:
    """Every directory not 0700 and every file not 0600 under ``root`` (and ``root`` itself)."""
    loose = {}
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if not path.is_symlink() and mode != wanted:
            loose[str(path.relative_to(root.parent))] = oct(mode)
    return loose


def mail_with_attachment() -> bytes:
    message = EmailMessage()
    message["From"] = "lin@example.com"
    message["To"] = "support@kestrel.exchange"
    message["Subject"] = "Deposit screenshot and statement"
    message.set_content("My USDT deposit has not arrived, the statement is attached.")
    message.add_attachment(b"date,amount\n2026-11-24,500 USDT\n", maintype="text", subtype="csv", filename="statement.csv")
    return message.as_bytes(policy=policy.SMTP)


def sent_count(data: Path) -> int:
    return sum(1 for _ in (data / "sent" / "new").glob("*")) if (data / "sent" / "new").is_dir() else 0


def test_a_served_desk_keeps_its_data_directory_private(data_dir_with_model, config_file, fresh_database_url, tmp_path):
    # Intent: no other local user can read customers' mail, attachments or keys: the data
    # directory is 0700 and its files 0600, while the desk runs and after it stopped. The
    # data directory starts as an older desk left it (0755, a 0644 model): it is tightened.
    data = data_dir_with_model
    os.chmod(data, 0o755)
    env = dict(os.environ, BRIDGEDESK_DATA=str(data), BRIDGEDESK_CONFIG=str(config_file()))
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    env.pop("BRIDGEDESK_INTAKE_KEY", None)
    if fresh_database_url:
        env["BRIDGEDESK_DATABASE_URL"] = fresh_database_url
    desk = start_desk(env, tmp_path / "serve.log")
    try:
        assert send_all(desk.smtp_port, [mail_with_attachment()]) == 1
        assert wait_for(lambda: sent_count(data) == 1, timeout=60, step=0.2), "the acknowledgement was written"
        assert query_one(env, "select count(*) from desk_attachment where storage_name != ''") == 1
        present = {p.name for p in data.iterdir()}
        assert {"intake_key", "secret_key", "models", "attachments", "sent"} <= present
        if not fresh_database_url:
            assert {"bridgedesk.sqlite3", "bridgedesk.sqlite3-wal", "bridgedesk.sqlite3-shm"} <= present
        assert loose_modes(data) == {}, "while running"
    finally:
        assert desk.stop() == 0
    assert loose_modes(data) == {}, "after the stop"


@pytest.mark.django_db(transaction=True)
def test_a_process_without_the_desks_umask_still_writes_private_files():
    # Intent: a web process under the operator's own WSGI server (umask 022, not the
    # command line's 077) still keeps attachments and the SQLite files at 0600.
    previous = os.umask(0o022)
    try:
        _, name = store_attachment_bytes(b"statement for " + os.urandom(8).hex().encode())
        assert stat.S_IMODE(os.stat(default_storage.path(name)).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(Path(default_storage.path(name)).parent).st_mode) == 0o700
        if connection.vendor == "sqlite":
            database = connection.settings_dict["NAME"]
            files = [Path(database + suffix) for suffix in ("", "-wal", "-shm")]
            connection.ensure_connection()
            for path in files:
                path.chmod(0o644)            # as a process without the desk's umask creates them
            connection.close()
            connection.ensure_connection()
            assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {str(p): "0o600" for p in files}
    finally:
        os.umask(previous)
