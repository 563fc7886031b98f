"""IMAP fixtures: a private Dovecot per test, a client to deliver mail, and a source config."""

from __future__ import annotations

from dataclasses import replace

import pytest
from imapclient import IMAPClient

from bridgedesk.config import ImapSource
from tests.intake.dovecot import Dovecot, find_dovecot


def start_dovecot(*, tls: bool = False) -> Dovecot:
    binary = find_dovecot()
    if not binary:
        pytest.skip("Dovecot is not installed (Debian: apt-get install dovecot-imapd); the IMAP tests need a real server")
    server = Dovecot(binary, tls=tls)
    server.start()
    return server


@pytest.fixture
def dovecot():
    server = start_dovecot()
    yield server
    server.cleanup()


@pytest.fixture
def dovecot_tls():
    """Dovecot offering STARTTLS on ``port`` and implicit TLS on ``tls_port``, self-signed."""
    server = start_dovecot(tls=True)
    yield server
    server.cleanup()


@pytest.fixture
def mailbox(dovecot):
    """A separate logged-in session, as another mail client would hold: delivers and inspects."""
    client = IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=10)
    client.login(dovecot.username, dovecot.password)
    yield client
    try:
        client.logout()
    except Exception:
        client.shutdown()


@pytest.fixture
def imap_source(dovecot):
    """The ImapSource for the test server; keyword overrides change single fields."""
    base = ImapSource(host=dovecot.host, port=dovecot.port, username=dovecot.username, password=dovecot.password,
                      ssl=False, folder="INBOX", poll_seconds=0.1)

    def make(**changes: object) -> ImapSource:
        return replace(base, **changes)
    return make
