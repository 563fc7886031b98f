"""Every outgoing message is DKIM-signed with the configured key and verifies with dkimpy.

DNS is a stub resolver that serves the TXT record made from the configured public key, so
the check is the one a receiving server makes, without the network.
"""

from __future__ import annotations

import mailbox
from email import message_from_bytes, policy
from pathlib import Path

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from django.conf import settings
from django.contrib.auth import get_user_model

from bridgedesk.config import ConfigError, parse_config
from bridgedesk.desk.models import Ticket
from bridgedesk.desk.outbox.queue import queue_agent_reply
from bridgedesk.desk.runtime import get_config
from bridgedesk.mail.dkim import dkim_txt_record, verify_message
from tests.conftest import DEMO_CONFIG
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)
SELECTOR = "mail2026"


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def key_file(tmp_path: Path, rsa_key) -> Path:
    path = tmp_path / "dkim.pem"
    path.write_bytes(rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return path


def stub_resolver(public_key: rsa.RSAPublicKey | ed25519.Ed25519PublicKey, name: str):
    record = dkim_txt_record(public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    queried: list[str] = []

    def dnsfunc(qname: bytes | str, timeout: int = 5) -> bytes | None:
        text = qname.decode() if isinstance(qname, bytes) else qname
        queried.append(text)
        return record if text.rstrip(".") == name else None
    dnsfunc.queried = queried  # type: ignore[attr-defined]
    return dnsfunc


def sent_raw() -> list[bytes]:
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    return [box.get_bytes(key) for key in sorted(box.iterkeys())]


@pytest.fixture(autouse=True)
def clean_sent_box():
    mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True).clear()


def test_acknowledgement_and_agent_reply_are_signed_and_verify(desk_config, key_file, rsa_key):
    desk_config(f'[dkim]\nselector = "{SELECTOR}"\nprivate_key_file = "{key_file}"\n')
    receive(build_mail(subject="充值没到账", body="你好，我的 USDT TRC20 充值两个小时了还没到账，麻烦帮忙查一下。"))
    drain()
    agent = get_user_model().objects.create_user("agent", password="agent-copper-lantern-47", is_staff=True)
    queue_agent_reply(Ticket.objects.get(), text="您好，充值已到账。\nYour deposit arrived.", author=agent, config=get_config())
    drain()
    raws = sent_raw()
    assert len(raws) == 2
    resolver = stub_resolver(rsa_key.public_key(), f"{SELECTOR}._domainkey.kestrel.exchange")
    for raw in raws:
        assert raw.startswith(b"DKIM-Signature:")
        assert verify_message(raw, dnsfunc=resolver)
        assert dkim.verify(raw, dnsfunc=resolver)   # dkimpy directly, as a receiver would
        header = message_from_bytes(raw, policy=policy.default)["DKIM-Signature"]
        assert "d=kestrel.exchange" in header and f"s={SELECTOR}" in header
    assert resolver.queried


def test_an_ed25519_key_signs_too(desk_config, tmp_path):
    key = ed25519.Ed25519PrivateKey.generate()
    path = tmp_path / "ed25519.pem"
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    desk_config(f'[dkim]\nselector = "ed"\ndomain = "kestrel.exchange"\nprivate_key_file = "{path}"\n')
    receive(build_mail(subject="API key question", body="How do I create an API key with read-only permission?"))
    drain()
    [raw] = sent_raw()
    assert b"a=ed25519-sha256" in raw
    assert dkim.verify(raw, dnsfunc=stub_resolver(key.public_key(), "ed._domainkey.kestrel.exchange"))


def test_a_tampered_message_or_another_key_fails(desk_config, key_file, rsa_key):
    desk_config(f'[dkim]\nselector = "{SELECTOR}"\nprivate_key_file = "{key_file}"\n')
    receive(build_mail())
    drain()
    [raw] = sent_raw()
    name = f"{SELECTOR}._domainkey.kestrel.exchange"
    assert verify_message(raw, dnsfunc=stub_resolver(rsa_key.public_key(), name))
    tampered = raw.replace(b"Subject: ", b"Subject: URGENT ", 1)
    assert tampered != raw
    assert not verify_message(tampered, dnsfunc=stub_resolver(rsa_key.public_key(), name))
    other = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    assert not verify_message(raw, dnsfunc=stub_resolver(other.public_key(), name))


def test_without_dkim_config_mail_is_unsigned(desk_config):
    receive(build_mail())
    drain()
    [raw] = sent_raw()
    assert b"DKIM-Signature" not in raw


def test_key_from_environment_and_domain_override(monkeypatch, key_file):
    monkeypatch.setenv("BRIDGEDESK_DKIM_KEY", key_file.read_text())
    import tomllib
    config = parse_config(tomllib.loads(DEMO_CONFIG + '[dkim]\nselector = "s1"\ndomain = "mail.kestrel.exchange"\n'))
    assert config.dkim.enabled and config.dkim.domain == "mail.kestrel.exchange"
    assert b"PRIVATE KEY" not in repr(config).encode()


def test_default_domain_is_the_brand_mail_domain():
    import tomllib
    config = parse_config(tomllib.loads(DEMO_CONFIG))
    assert not config.dkim.enabled and config.dkim.domain == "kestrel.exchange"


@pytest.mark.parametrize(("extra", "needle"), [
    ('[dkim]\nselector = "s1"\n', "no key"),
    ('[dkim]\nselector = "s1"\nprivate_key_file = "/nonexistent/dkim.pem"\n', "cannot be read"),
    ('[dkim]\nselector = "bad selector"\nprivate_key_file = "KEY"\n', "dkim.selector"),
    ('[dkim]\nselector = "s1"\nprivate_key_file = "NOTPEM"\n', "not an unencrypted PEM"),
    ('[dkim]\nselector = "s1"\nkey = "x"\n', "unknown key dkim.key"),
    ('[dkim]\nselector = 5\n', "dkim.selector must be a string"),
])
def test_bad_dkim_config_is_a_clear_error(extra, needle, key_file, tmp_path, monkeypatch):
    import tomllib
    monkeypatch.delenv("BRIDGEDESK_DKIM_KEY", raising=False)
    not_pem = tmp_path / "notpem.txt"
    not_pem.write_text("hello")
    extra = extra.replace("KEY", str(key_file)).replace("NOTPEM", str(not_pem))
    with pytest.raises(ConfigError, match=needle):
        parse_config(tomllib.loads(DEMO_CONFIG + extra))
