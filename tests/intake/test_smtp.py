"""The SMTP listener over a real loopback connection with smtplib: who may receive, size
limits, 250 only after commit, group commit under concurrency, STARTTLS."""

from __future__ import annotations

import datetime
import smtplib
import socket
import ssl
import threading
from pathlib import Path

import pytest

from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.rawcrypt import open_intake_raw
from bridgedesk.desk.processing.receive import RawMail, receive_raw_messages
from bridgedesk.intake.smtp import MAX_LINE_BYTES, GroupCommit, SmtpListener, SupportHandler, build_tls_context
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


class RawSession:
    """A hand-driven SMTP client on a raw socket: sends bytes exactly as given (smtplib would
    turn bare LFs into CRLFs and dot-stuff), and reads each reply whole."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.file = self.sock.makefile("rb")
        self.reply()   # greeting

    def reply(self) -> str:
        lines = []
        while True:
            line = self.file.readline().decode()
            lines.append(line.rstrip("\r\n"))
            if line[3:4] != "-":
                return "\n".join(lines)

    def command(self, line: str) -> str:
        self.sock.sendall(line.encode() + b"\r\n")
        return self.reply()

    def send_data(self, payload: bytes) -> str:
        """MAIL, RCPT, DATA, then ``payload`` as written (it must end with the end of data)."""
        assert self.command("EHLO client.example").startswith("250")
        assert self.command("MAIL FROM:<alice@example.com>").startswith("250")
        assert self.command("RCPT TO:<support@kestrel.exchange>").startswith("250")
        assert self.command("DATA").startswith("354")
        self.sock.sendall(payload)
        return self.reply()

    def close(self) -> None:
        self.file.close()
        self.sock.close()


def test_long_lines_are_accepted_as_they_were_written(listener):
    # Real mail breaks the 1,000-byte rule (one-line HTML newsletters, unwrapped base64):
    # Postfix takes it, and so must we, byte for byte.
    raw = (b"From: alice@example.com\r\nTo: support@kestrel.exchange\r\nSubject: newsletter\r\n"
           b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>" + b"deposit " * 1500 + b"</p>\r\n")   # one 12 KB line
    assert max(len(line) for line in raw.split(b"\r\n")) > 12_000
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        refused = client.sendmail("alice@example.com", ["support@kestrel.exchange"], raw)
    assert refused == {}
    assert open_intake_raw(bytes(InboundMessage.objects.get().raw)) == raw


def test_bare_lf_lines_are_accepted_and_kept(listener):
    # A 2 KB message of short lines ending in a bare LF (a script writing to the socket) is
    # mail, not one over-long line: it is stored as sent.
    body = b"".join(b"line %03d of a message written with bare LF line ends\n" % n for n in range(40))
    raw = b"From: alice@example.com\nTo: support@kestrel.exchange\nSubject: bare LF\n\n" + body
    session = RawSession(listener.port)
    try:
        reply = session.send_data(raw + b"\r\n.\r\n")
        assert session.command("QUIT").startswith("221")
    finally:
        session.close()
    assert reply.startswith("250 "), reply
    assert open_intake_raw(bytes(InboundMessage.objects.get().raw)) == raw + b"\r\n"


def test_a_line_past_the_limit_is_refused_with_the_reason_and_the_session_goes_on():
    # Past the generous limit the sender hears what is wrong and how to fix it, with an enhanced
    # status code valid after DATA (RFC 5321 s4.3.2: 552/554, never 500), and may send again.
    server = start_listener(max_bytes=4 * MAX_LINE_BYTES)      # the message itself is not too big
    huge = b"x" * (MAX_LINE_BYTES + 10)
    raw = b"From: alice@example.com\r\nSubject: huge line\r\n\r\n" + huge + b"\r\n"
    session = RawSession(server.port)
    try:
        refused = session.send_data(raw + b".\r\n")
        assert session.command("RSET").startswith("250")
        accepted = session.send_data(build_mail() + b".\r\n")
    finally:
        session.close()
        server.stop()
    assert refused.startswith("554 5.6.0 "), refused
    assert f"longer than {MAX_LINE_BYTES} bytes" in refused and "wrap" in refused
    assert accepted.startswith("250 "), accepted
    assert InboundMessage.objects.count() == 1


@pytest.mark.parametrize("fake_end", [b"\n.\r\n", b"\r\n.\n", b"\n.\n", b"\r.\r\n"])
def test_smuggling_with_a_fake_end_of_data_stays_one_message(listener, fake_end):
    # SMTP smuggling: an end of data other than <CRLF>.<CRLF> must not end the message, or a
    # second, forged message (here from our own CEO) would ride in behind it.
    smuggled = (b"MAIL FROM:<ceo@kestrel.exchange>\r\nRCPT TO:<support@kestrel.exchange>\r\nDATA\r\n"
                b"From: ceo@kestrel.exchange\r\nSubject: wire the funds\r\n\r\nsmuggled\r\n")
    raw = b"From: alice@example.com\r\nSubject: hello\r\n\r\nhello" + fake_end + smuggled
    session = RawSession(listener.port)
    try:
        reply = session.send_data(raw + b".\r\n")
        after = session.command("QUIT")
    finally:
        session.close()
    assert reply.startswith("250 "), reply
    assert after.startswith("221"), f"the smuggled commands were answered: {after}"
    [row] = InboundMessage.objects.all()
    assert b"smuggled" in open_intake_raw(bytes(row.raw)) and row.envelope_from == "alice@example.com"


def test_a_leading_dot_survives_transparency(listener):
    # smtplib doubles a line's leading dot (RFC 5321 s4.5.2); the desk must store the one dot written.
    raw = build_mail(body=".hidden file\n..two dots\n.\nend")
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=10) as client:
        client.sendmail("alice@example.com", ["support@kestrel.exchange"], raw)
    assert open_intake_raw(bytes(InboundMessage.objects.get().raw)) == raw
