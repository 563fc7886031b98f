"""Nothing left on disk, even after a crash (issue 15, item 9).

Intake must have a mail's raw bytes on disk before it answers 250, and those bytes hold
whatever the customer pasted. A clean run erases them after processing; a SIGKILL leaves
the database, its WAL and every other file as they were at that instant. So the real desk
(``bridgedesk serve`` with a worker) receives twelve mails over SMTP, each with a different
leaked secret, among mails without one; it is killed with its whole process group before
processing starts, restarted and killed again half-way through, and after each kill every
file in the data directory (database, WAL, SHM, attachments, keys, models, sent mail, and
on PostgreSQL the server's files written meanwhile) and the desk's log is read for each
secret: none may be there. Restarted once more, the desk must still turn every acknowledged
mail into a ticket: encryption at rest must not cost a message.
"""

from __future__ import annotations

import json
import os
import signal
import time
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.desk.live_desk import LiveDesk, query_one, send_all, start_desk, wait_for

# One secret per mail, each a kind the guard redacts, written so the bytes appear verbatim
# in the raw mail (8bit, short lines): a plaintext copy anywhere on disk would be found.
SECRETS = {
    "seed_en": ("Here are my words: {secret} please help", "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic"),
    "seed_zh": ("我的助记词是：{secret}，请帮我找回资产", "枪 疫 霉 尝 俩 闹 饿 贤 枪 疫 霉 卿"),
    "hex_key": ("my private key: {secret}", "351ca311e4e4718bd3c7b94b35539d142fbf229a5d7ea66736e1071168db6633"),
    "wif_key": ("WIF private key {secret} for my wallet", "KxFLoCnW5euK1qCmDSdDMdrYpWFUkAfpRbaxFxENsTk4eaGLtVAV"),
    "xprv": ("my xprv is {secret}", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"),
    "api_secret": ("API key: 9f8e7d6c5b4a3f2e1d0c9b8a\napi secret: {secret}", "Zq7Hk2Lm9Np4Rs8Tv3Wx6Yb1Cd5Ef0Gh"),
    "password": ("my password is {secret} and it stopped working", "Kx#93!pLmQ2q-Vb7"),
    "passphrase": ("OK-ACCESS-PASSPHRASE: {secret}", "Tr0ub4dor&3xyzPQ"),
    "password_zh": ("我的密码是 {secret} 请重置", "Wq8#zK2mLp9vRt"),
    "card": ("card number {secret} exp 12/29", "4111 1111 1111 1111"),
}
ATTACHED_PHRASE = "vessel ladder alter error federal sibling chat ability sun glass valve picture"
HTML_PHRASE = "cat swing flag economy stadium alone churn speed unique patch report train"
ALL_SECRETS = [*(secret for _, secret in SECRETS.values()), ATTACHED_PHRASE, HTML_PHRASE]
FILLERS = 48   # mails without secrets: processing then takes long enough to be killed half-way


def mail(number: int, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"customer{number}@example.com"
    message["To"] = "support@kestrel.exchange"
    message["Subject"] = f"Account problem {number}"
    message["Message-ID"] = f"<crash-{number}@example.com>"
    message.set_content(body, cte="8bit")
    return message


def secret_mails() -> list[bytes]:
    """The twelve mails: ten secrets in the text, one in a .txt attachment, one in the HTML part."""
    messages = [mail(n, body.format(secret=secret)) for n, (body, secret) in enumerate(SECRETS.values())]
    attached = mail(10, "My wallet backup is attached, please check it.")
    attached.add_attachment(f"wallet backup\n{ATTACHED_PHRASE}\n", subtype="plain", filename="backup.txt", cte="8bit")
    html = mail(11, "Please see the HTML version of this mail.")
    html.add_alternative(f"<html><body><p>my phrase: {HTML_PHRASE}</p></body></html>", subtype="html", cte="8bit")
    return [m.as_bytes(policy=policy.SMTP) for m in [*messages, attached, html]]


def filler_mails() -> list[bytes]:
    return [mail(100 + n, f"My USDT deposit number {n} has not arrived yet.").as_bytes(policy=policy.SMTP) for n in range(FILLERS)]


def interleaved(secrets: list[bytes], fillers: list[bytes]) -> list[bytes]:
    """Secret mails spread through the fillers, so a kill half-way leaves some of each side."""
    step = max(1, len(fillers) // len(secrets))
    mixed: list[bytes] = []
    for index, raw in enumerate(secrets):
        mixed.append(raw)
        mixed.extend(fillers[index * step:(index + 1) * step])
    return mixed + fillers[len(secrets) * step:]


def needles(secret: str) -> list[bytes]:
    """The secret as UTF-8 and as JSON writes it (\\u escapes), and each four words of a phrase."""
    forms = {secret, json.dumps(secret)[1:-1]}
    words = secret.split()
    if len(words) >= 8:
        forms.update(" ".join(words[i:i + 4]) for i in range(len(words) - 3))
    return [form.encode() for form in forms]


def files_under(root: Path, *, modified_since: float = 0.0) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= modified_since:
                found.append(path)
        except FileNotFoundError:   # a running PostgreSQL renames and removes its own files as we list them
            continue
    return found


def read_if_still_there(path: Path) -> bytes:
    """A file's bytes, or none when its owner removed it since it was listed (what is gone holds nothing)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def secrets_found(files: list[Path]) -> dict[str, list[str]]:
    """For each secret, the files holding any form of it."""
    found: dict[str, list[str]] = {}
    contents = [(path, read_if_still_there(path)) for path in files]
    for secret in ALL_SECRETS:
        forms = needles(secret)
        hits = [str(path) for path, data in contents if any(form in data for form in forms)]
        if hits:
            found[secret] = hits
    return found


def postgres_files(env: dict[str, str], since: float) -> list[Path]:
    """On PostgreSQL, the server's own files written during the test (WAL segments, tables), when we may read them."""
    url = env.get("BRIDGEDESK_DATABASE_URL", "")
    if not url:
        return []
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            directory = Path(conn.execute("SHOW data_directory").fetchone()[0])
        return files_under(directory, modified_since=since)
    except (psycopg.Error, OSError):
        return []   # not a superuser, or a server on another machine: the data directory is all we can read


def all_written_files(env: dict[str, str], since: float, log: Path) -> list[Path]:
    return [*files_under(Path(env["BRIDGEDESK_DATA"])), *postgres_files(env, since), log]


def count_done(env: dict[str, str]) -> int:
    return query_one(env, "select count(*) from desk_inboundmessage where state = 'done'")


@pytest.fixture
def desk_env(data_dir_with_model, config_file, fresh_database_url) -> dict[str, str]:
    config = config_file("[processing]\nlease_seconds = 2\n")   # a killed worker's rows are re-run 2 s later
    env = dict(os.environ, BRIDGEDESK_DATA=str(data_dir_with_model), BRIDGEDESK_CONFIG=str(config))
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    env.pop("BRIDGEDESK_INTAKE_KEY", None)   # the zero-setup key: generated into the data directory
    if fresh_database_url:
        env["BRIDGEDESK_DATABASE_URL"] = fresh_database_url
    return env


def hold_workers(desk: LiveDesk) -> None:
    """SIGSTOP the workers: mail is received and acknowledged, nothing is processed."""
    for pid in desk.worker_pids():
        os.kill(pid, signal.SIGSTOP)


def assert_no_secret_readable(env: dict[str, str], since: float, log: Path, moment: str) -> None:
    leaks = secrets_found(all_written_files(env, since, log))
    assert not leaks, f"{len(leaks)} of {len(ALL_SECRETS)} secrets readable {moment}: {leaks}"


def test_a_killed_desk_leaves_no_secret_on_disk_and_loses_no_mail(desk_env, tmp_path):
    # Intent: after SIGKILL at any moment, before processing or half-way through it, no file
    # the desk wrote holds a leaked secret in plain text (raw mail is stored sealed), and a
    # restart still makes every acknowledged mail a ticket.
    started = time.time() - 1
    mails = interleaved(secret_mails(), filler_mails())
    log = tmp_path / "serve.log"

    desk = start_desk(desk_env, log)
    hold_workers(desk)
    assert send_all(desk.smtp_port, mails) == len(mails), "every mail was acknowledged"
    desk.kill_everything()
    assert_no_secret_readable(desk_env, started, log, "after a kill before processing")   # before the database is opened again
    assert count_done(desk_env) == 0, "the kill landed before processing started"

    desk = start_desk(desk_env, log)
    assert wait_for(lambda: count_done(desk_env) >= len(mails) // 3, timeout=60, step=0.01), "the worker never got going"
    desk.kill_everything()
    assert_no_secret_readable(desk_env, started, log, "after a kill half-way through processing")
    done_at_kill = count_done(desk_env)
    assert done_at_kill < len(mails), f"the kill landed half-way ({done_at_kill} of {len(mails)} done)"

    desk = start_desk(desk_env, log)
    try:
        assert wait_for(lambda: count_done(desk_env) == len(mails), timeout=60, step=0.2), (
            f"processed {count_done(desk_env)} of {len(mails)} acknowledged mails after the restart")
        assert query_one(desk_env, "select count(*) from desk_ticket") == len(mails), "every acknowledged mail is a ticket, none twice"
        assert query_one(desk_env, "select count(*) from desk_inboundmessage where raw is not null") == 0
    finally:
        assert desk.stop() == 0
    assert_no_secret_readable(desk_env, started, log, "after the clean stop")
