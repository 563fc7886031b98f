"""The SMTP listener over a real loopback connection with smtplib: who may receive, size
limits, 250 only after commit, group commit under concurrency, STARTTLS."""

from __future__ import annotations

import datetime
import smtplib
import ssl
import threading
from pathlib import Path

import pytest

from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.rawcrypt import open_intake_raw
from bridgedesk.desk.processing.receive import RawMail, receive_raw_messages
from bridgedesk.intake.smtp import GroupCommit, SmtpListener, SupportHandler, build_tls_context
from tests.desk.helpers import build_mail

pytestmark = pytest.mark.django_db(transaction=True)
ACCEPTED = ("support@kestrel.exchange", "security@kestrel.exchange")


def start_listener(*, commit=receive_raw_messages, max_bytes: int = 1_000_000, tls: ssl.SSLContext | None = None) -> SmtpListener:
    handler = SupportHandler(accepted=ACCEPTED, committer=GroupCommit(commit))
    listener = SmtpListener(host="127.0.0.1", port=0, handler=handler, max_message_bytes=max_bytes, tls_context=tls)
    listener.start()
    return listener


@pytest.fixture
def listener():
    server = start_listener()
    yield server
    server.stop()


def test_accepted_message_is_committed_before_250(listener):
    raw = build_mail(subject="USDT 充值没到账", body="你好，充值没到账。")
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.ehlo()
        client.mail("alice@example.com")
        client.rcpt("support@kestrel.exchange")
        code, reply = client.data(raw)
    assert code == 250
    inbound_id = int(reply.decode().rsplit(" ", 1)[1])
    row = InboundMessage.objects.get(pk=inbound_id)
    assert open_intake_raw(bytes(row.raw)) == raw
    assert row.source == "smtp" and row.envelope_to == ["support@kestrel.exchange"]
    assert row.task_id, "the processing job was enqueued in the same commit"


def test_unknown_recipient_is_refused_with_550(listener):
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.ehlo()
        client.mail("alice@example.com")
        code, reply = client.rcpt("random@kestrel.exchange")
    assert code == 550 and b"no such mailbox" in reply
    assert InboundMessage.objects.count() == 0


def test_oversize_message_is_refused_with_552():
    server = start_listener(max_bytes=20_000)
    big = build_mail(body=("x" * 70 + "\n") * 600)
    try:
        with smtplib.SMTP("127.0.0.1", server.port, timeout=10) as client:
            client.ehlo()
            assert client.has_extn("size")
            with pytest.raises(smtplib.SMTPSenderRefused) as declared:   # SIZE= declared in MAIL FROM
                client.sendmail("a@example.com", ["support@kestrel.exchange"], big)
            assert declared.value.smtp_code == 552 and b"at most 20000 bytes" in declared.value.smtp_error
        with smtplib.SMTP("127.0.0.1", server.port, timeout=10) as client:
            client.ehlo()
            client.mail("a@example.com")                                  # size not declared: refused after DATA
            client.rcpt("support@kestrel.exchange")
            code, reply = client.data(big)
            assert code == 552 and b"at most 20000 bytes" in reply, reply
    finally:
        server.stop()
    assert InboundMessage.objects.count() == 0


def test_failed_commit_answers_451_so_the_sender_retries():
    def broken_commit(mails):
        raise OSError("disk full")

    server = start_listener(commit=broken_commit)
    try:
        with smtplib.SMTP("127.0.0.1", server.port, timeout=10) as client, pytest.raises(smtplib.SMTPDataError) as refused:
            client.sendmail("a@example.com", ["support@kestrel.exchange"], build_mail())
        assert refused.value.smtp_code == 451
    finally:
        server.stop()


def test_concurrent_sessions_share_commits_and_lose_nothing():
    batches: list[int] = []

    def counting_commit(mails):
        batches.append(len(mails))
        return receive_raw_messages(mails)

    server = start_listener(commit=counting_commit)
    acked: list[int] = []
    lock = threading.Lock()

    def send(worker: int) -> None:
        with smtplib.SMTP("127.0.0.1", server.port, timeout=30) as client:
            for i in range(25):
                client.sendmail("a@example.com", ["support@kestrel.exchange"], build_mail(body=f"session {worker} message {i}"))
                with lock:
                    acked.append(1)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    server.stop()
    assert len(acked) == 200
    assert InboundMessage.objects.count() == 200
    assert sum(batches) == 200
    assert len(batches) < 200, "concurrent messages were grouped into shared commits"


def _self_signed(tmp_path: Path) -> tuple[str, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_starttls_is_offered_when_a_certificate_is_configured(tmp_path):
    cert, key = _self_signed(tmp_path)
    server = start_listener(tls=build_tls_context(cert, key))
    try:
        with smtplib.SMTP("127.0.0.1", server.port, timeout=10) as client:
            client.ehlo()
            assert client.has_extn("starttls")
            client.starttls(context=ssl._create_unverified_context())
            client.ehlo()
            client.sendmail("a@example.com", ["security@kestrel.exchange"], build_mail(to="security@kestrel.exchange"))
    finally:
        server.stop()
    assert InboundMessage.objects.count() == 1


def test_identical_copies_in_one_group_commit_are_all_stored():
    # A sender that retries, or a tool that sends one file repeatedly, must find every 250 honoured.
    raw = build_mail(message_id="<same@example.com>")
    results = receive_raw_messages([RawMail(data=raw, source="smtp")] * 3)
    assert all(r.inbound_id for r in results)
    assert InboundMessage.objects.count() == 3
