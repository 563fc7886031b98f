"""Never store a secret: after processing, no trace of a leaked recovery phrase anywhere the
desk wrote — database rows (tickets, messages, events, job payloads and results), the
database files themselves, attachments, outgoing mail, logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from bridgedesk.desk.models import InboundMessage, Ticket
from bridgedesk.desk.processing.retention import open_sealed, purge_expired_originals
from bridgedesk.desk.runtime import get_config
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

# BIP39 test vector (checksum-valid), as a user would paste it.
PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
PHRASE_ZH = "枪 疫 霉 尝 俩 闹 饿 贤 枪 疫 霉 卿"  # BIP39 chinese_simplified, entropy 7f7f...7f


def four_word_windows(phrase: str) -> list[str]:
    words = phrase.split()
    return [" ".join(words[i:i + 4]) for i in range(len(words) - 3)]


def all_database_text() -> str:
    """Every value of every row of every table, as text (works on SQLite and PostgreSQL)."""
    chunks = []
    for model in apps.get_models():
        for row in model.objects.all().values_list():
            chunks.append(repr(row))
    return "\n".join(chunks)


def data_dir_bytes() -> bytes:
    return b"".join(p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file() and p.stat().st_size < 50_000_000)


def test_leaked_phrase_is_nowhere_after_processing(desk_config, caplog):
    caplog.set_level(logging.DEBUG)
    raw = build_mail(subject="wallet emptied", body=f"Someone said you need my words to help:\n\n{PHRASE}\n\nPlease hurry!")
    receive(raw)
    drain()
    ticket = Ticket.objects.get()
    assert ticket.priority == "urgent" and ticket.queue == "security"
    assert "secret_leaked:seed_phrase" in ticket.tags
    message = ticket.messages.get(direction="in")
    assert "[REDACTED:seed_phrase]" in message.text
    assert message.secrets == [{"type": "seed_phrase", "location": "text"}]
    assert InboundMessage.objects.get().raw is None
    dump = all_database_text()
    for window in four_word_windows(PHRASE):
        assert window not in dump
        assert window not in caplog.text
    if connection.vendor == "sqlite":
        connection.close()  # let the WAL be checkpointed into the file we read
        blob = data_dir_bytes()
        for window in four_word_windows(PHRASE):
            assert window.encode() not in blob


def test_acknowledgement_tells_the_user_how_to_protect_funds(desk_config):
    receive(build_mail(subject="help", body=f"my seed: {PHRASE}"))
    drain()
    import mailbox

    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    bodies = [box.get_message(k).get_payload(decode=True).decode() for k in box.iterkeys()]
    ack = next(b for b in bodies if Ticket.objects.get(subject="help").number in b)
    assert "new wallet" in ack.lower()
    for window in four_word_windows(PHRASE):
        assert window not in ack


def test_chinese_phrase_is_redacted_too(desk_config):
    receive(build_mail(sender="wang@example.cn", subject="钱包被盗", body=f"我的助记词是：{PHRASE_ZH}，请帮我找回资产"))
    drain()
    message = Ticket.objects.get().messages.get(direction="in")
    assert "[REDACTED:seed_phrase]" in message.text
    assert "尝 俩 闹 饿" not in all_database_text()


def test_originals_are_sealed_for_the_security_role_when_retention_is_configured(desk_config):
    from cryptography.fernet import Fernet

    key = Fernet.generate_key().decode()
    desk_config(f'[retention]\nraw_days = 30\nencryption_key = "{key}"\n')
    raw = build_mail(subject="sealed", body=f"words {PHRASE}")
    receive(raw)
    drain()
    row = InboundMessage.objects.get()
    assert row.raw is None and row.raw_encrypted is not None and row.raw_expires_at is not None
    assert PHRASE.encode() not in bytes(row.raw_encrypted)
    assert open_sealed(row.raw_encrypted, get_config().retention) == raw
    InboundMessage.objects.update(raw_expires_at=row.received_at)
    assert purge_expired_originals() == 1
    assert InboundMessage.objects.get().raw_encrypted is None
