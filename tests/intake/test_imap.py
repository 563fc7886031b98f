"""The IMAP poller against a real Dovecot on loopback, mail delivered by IMAP APPEND:
exact bytes stored, marked only after commit, resumed after a crash without a second copy,
reconnected after the server went away, moved to a processed folder, and on to tickets."""

from __future__ import annotations

import logging
import ssl
import threading
import time
from pathlib import Path

import pytest
from imapclient import DELETED, SEEN, IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from bridgedesk.config import ImapSource
from bridgedesk.desk.models import InboundMessage
from bridgedesk.desk.processing.rawcrypt import open_intake_raw
from bridgedesk.desk.processing.receive import receive_raw_messages
from bridgedesk.intake.imap import STORED, TOO_LARGE, ImapPoller, describe_error
from tests.desk.helpers import build_mail

pytestmark = pytest.mark.django_db(transaction=True)
DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def on_the_wire(raw: bytes) -> bytes:
    """A stored corpus file as a server hands it out: no mbox "From " line, CRLF line ends."""
    if raw.startswith(b"From "):
        raw = raw.split(b"\n", 1)[1]
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def support_mail() -> list[bytes]:
    """English and Chinese support mail, UTF-8 in 8 bits, and two real corpus messages."""
    eight_bit = (
        "From: 王伟 <wang@example.cn>\r\nTo: support@kestrel.exchange\r\nSubject: =?UTF-8?B?5o+Q546w5aSx6LSl?=\r\n"
        "Message-ID: <8bit-1@example.cn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n你好，我的 BTC 提现一直显示处理中，订单号 612389471205893。\r\n"
    ).encode()
    return [
        build_mail(subject="Withdrawal stuck", body="My BTC withdrawal has been pending since yesterday."),
        build_mail(sender="li@example.cn", subject="USDT 充值没到账", body="你好，我的 USDT TRC20 充值两个小时了还没到账。"),
        eight_bit,
        (DATA / "mime" / "cpython" / "msg_26.txt").read_bytes(),
        on_the_wire((DATA / "mime" / "spamassassin" / "spam-2" / "00261.e679a9947bd481d47fb1a3d83b482fd5.txt").read_bytes()),
    ]


def deliver(client: IMAPClient, *raws: bytes, folder: str = "INBOX") -> None:
    for raw in raws:
        client.append(folder, raw)


def flags_in(client: IMAPClient, folder: str = "INBOX") -> dict[int, set[bytes]]:
    client.select_folder(folder, readonly=True)
    uids = client.search()
    return {uid: set(data[b"FLAGS"]) for uid, data in client.fetch(uids, ["FLAGS"]).items()} if uids else {}


def stored_raws() -> list[bytes]:
    return sorted(open_intake_raw(bytes(row.raw)) for row in InboundMessage.objects.filter(source="imap"))


def wait_until(check, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_poll_stores_exact_bytes_then_marks_and_later_polls_fetch_only_new_mail(mailbox, imap_source):
    raws = support_mail()
    deliver(mailbox, *raws)
    poller = ImapPoller(imap_source())
    result = poller.poll_once()
    assert (result.fetched, result.stored, result.errors) == (5, 5, [])
    assert stored_raws() == sorted(raws)
    assert all(row.task_id for row in InboundMessage.objects.all()), "processing was enqueued with each row"
    flags = flags_in(mailbox)
    assert len(flags) == 5 and all({SEEN, STORED} <= f for f in flags.values())
    assert poller.poll_once().fetched == 0
    later = build_mail(subject="API 报错 50111", body="调用下单接口返回错误码 50111。")
    deliver(mailbox, later)
    again = poller.poll_once()
    assert (again.fetched, again.stored) == (1, 1)
    assert InboundMessage.objects.count() == 6 and poller.sessions == 1, "the open session was reused"
    poller.disconnect()


def test_nothing_is_marked_before_the_commit_returns(mailbox, imap_source):
    deliver(mailbox, *support_mail()[:2])
    seen_at_commit: list[set[bytes]] = []

    def commit_and_look(mails, **options):
        seen_at_commit.extend(flags_in(mailbox).values())
        return receive_raw_messages(mails, **options)

    ImapPoller(imap_source(), commit=commit_and_look).poll_once()
    assert len(seen_at_commit) == 2 and not any(f & {SEEN, STORED} for f in seen_at_commit), "fetching used BODY.PEEK"
    assert all({SEEN, STORED} <= f for f in flags_in(mailbox).values())


def test_failed_commit_leaves_mail_unmarked_for_the_next_poll(mailbox, imap_source):
    raws = support_mail()[:3]
    deliver(mailbox, *raws)

    def database_down(mails, **options):
        raise ConnectionError("database unavailable")

    with pytest.raises(ConnectionError):
        ImapPoller(imap_source(), commit=database_down).poll_once()
    assert InboundMessage.objects.count() == 0
    assert not any(f & {SEEN, STORED} for f in flags_in(mailbox).values())
    assert ImapPoller(imap_source()).poll_once().stored == 3
    assert stored_raws() == sorted(raws)


class CrashAfterCommit(ImapPoller):
    """Dies once right after the commit, before the server hears about it."""

    crashes = 1

    def mark_processed(self, client, uids):
        if self.crashes:
            self.crashes -= 1
            raise RuntimeError("simulated crash between commit and mark")
        super().mark_processed(client, uids)


def test_crash_between_commit_and_mark_resumes_without_a_second_copy(mailbox, imap_source):
    raws = support_mail()
    deliver(mailbox, *raws)
    crashed = CrashAfterCommit(imap_source())
    with pytest.raises(RuntimeError):
        crashed.poll_once()
    crashed.disconnect()
    assert InboundMessage.objects.count() == 5
    assert not any(STORED in f for f in flags_in(mailbox).values()), "the crash came before marking"
    resumed = ImapPoller(imap_source()).poll_once()
    assert (resumed.fetched, resumed.stored, resumed.duplicates) == (5, 0, 5)
    assert stored_raws() == sorted(raws), "exactly one row per message"
    assert all({SEEN, STORED} <= f for f in flags_in(mailbox).values())


class CrashBeforeMove(ImapPoller):
    crashes = 1

    def move_to_processed(self, client, uids):
        if self.crashes:
            self.crashes -= 1
            raise RuntimeError("simulated crash between mark and move")
        return super().move_to_processed(client, uids)


def test_crash_between_mark_and_move_is_finished_by_the_next_poll(mailbox, imap_source):
    source = imap_source(processed_folder="已处理")
    deliver(mailbox, *support_mail()[:2])
    with pytest.raises(RuntimeError):
        CrashBeforeMove(source).poll_once()
    result = ImapPoller(source).poll_once()
    assert (result.fetched, result.moved) == (0, 2), "flagged leftovers are moved without fetching them again"
    assert flags_in(mailbox) == {} and len(flags_in(mailbox, "已处理")) == 2
    assert InboundMessage.objects.count() == 2


def test_processed_folder_receives_the_mail_after_commit(mailbox, imap_source):
    raws = support_mail()
    deliver(mailbox, *raws)
    result = ImapPoller(imap_source(processed_folder="已处理")).poll_once()
    assert (result.stored, result.moved) == (5, 5)
    assert flags_in(mailbox) == {}
    moved = flags_in(mailbox, "已处理")
    assert len(moved) == 5 and all({SEEN, STORED} <= f for f in moved.values())
    bodies = mailbox.fetch(mailbox.search(), ["BODY.PEEK[]"])
    assert sorted(bytes(d[b"BODY[]"]) for d in bodies.values()) == stored_raws() == sorted(raws)


class WithoutMove(ImapPoller):
    def supports_move(self, client):
        return False


def test_without_move_copy_and_uid_expunge_leave_other_deleted_mail_alone(mailbox, imap_source):
    deliver(mailbox, *support_mail()[:2])
    mailbox.select_folder("INBOX")
    [users_uid] = mailbox.search(["ALL"])[:1]
    ImapPoller(imap_source()).poll_once()                     # both stored and flagged, no folder yet
    deliver(mailbox, *support_mail()[2:4])
    mailbox.select_folder("INBOX")
    mailbox.remove_flags([users_uid], [STORED])               # pretend: one old mail the user deleted
    mailbox.add_flags([users_uid], [DELETED])
    result = WithoutMove(imap_source(processed_folder="Processed")).poll_once()
    assert result.moved == 3 and result.stored == 2
    left = flags_in(mailbox)
    assert list(left) == [users_uid] and DELETED in left[users_uid], "UID EXPUNGE removed only our copies"
    assert len(flags_in(mailbox, "Processed")) == 3


class NoKeywords(ImapPoller):
    """As against a server whose PERMANENTFLAGS has no \\* (custom keywords refused)."""

    def select_source(self, client):
        super().select_source(client)
        self.keywords = False


def test_without_keywords_unseen_mail_is_fetched_and_marked_seen(mailbox, imap_source):
    raws = support_mail()[:2]
    deliver(mailbox, *raws)
    mailbox.select_folder("INBOX")
    already_read = mailbox.search()[0]
    mailbox.add_flags([already_read], [SEEN])                  # a person read this one on the server
    poller = NoKeywords(imap_source())
    assert poller.poll_once().stored == 1 and stored_raws() == [raws[1]]
    assert all(f & {SEEN, STORED} == {SEEN} for f in flags_in(mailbox).values())
    assert poller.poll_once().fetched == 0
    poller.disconnect()


def test_oversize_mail_stays_on_the_server_flagged_and_reported(mailbox, imap_source):
    small = build_mail(subject="充值", body="充值没到账")
    big = build_mail(subject="Screenshots", body=("截图 screenshot " * 400))
    deliver(mailbox, small, big)
    result = ImapPoller(imap_source(), max_message_bytes=4000).poll_once()
    assert result.stored == 1 and len(result.errors) == 1 and "exceeds" in result.errors[0]
    assert stored_raws() == [small]
    flags = sorted(flags_in(mailbox).values(), key=len)
    assert TOO_LARGE in flags[0] and SEEN not in flags[0], "left unread for a person"
    assert ImapPoller(imap_source(), max_message_bytes=4000).poll_once().errors == [], "reported once, not every poll"


def test_changed_uidvalidity_is_logged_and_rescanned_without_storing_twice(mailbox, imap_source, caplog):
    raws = support_mail()[:2]
    mailbox.create_folder("Support")
    deliver(mailbox, *raws, folder="Support")
    poller = ImapPoller(imap_source(folder="Support"))
    first = poller.poll_once()
    mailbox.delete_folder("Support")                           # the mailbox was rebuilt: new UIDs,
    mailbox.create_folder("Support")                           # our keywords gone
    deliver(mailbox, *raws, folder="Support")
    with caplog.at_level(logging.WARNING, logger="bridgedesk.imap"):
        second = poller.poll_once()
    assert second.uidvalidity != first.uidvalidity
    assert "UIDVALIDITY changed" in caplog.text
    assert (second.fetched, second.stored, second.duplicates) == (2, 0, 2)
    assert InboundMessage.objects.count() == 2
    poller.disconnect()


def test_run_loop_survives_the_server_going_away_and_fetches_later_mail(dovecot, mailbox, imap_source, caplog):
    poller = ImapPoller(imap_source(), retry_first=0.05, retry_ceiling=0.4)
    stop = threading.Event()
    thread = threading.Thread(target=poller.run, args=(stop,), daemon=True)
    first, second = support_mail()[:2]
    deliver(mailbox, first)
    with caplog.at_level(logging.WARNING, logger="bridgedesk.imap"):
        thread.start()
        try:
            assert wait_until(lambda: InboundMessage.objects.count() == 1)
            dovecot.stop()                                      # every connection dropped
            assert wait_until(lambda: poller.backoff.failures >= 2), "reconnects were attempted and failed"
            dovecot.start()
            with IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=10) as client:
                client.login(dovecot.username, dovecot.password)
                deliver(client, second)
            assert wait_until(lambda: InboundMessage.objects.count() == 2), "later mail fetched after reconnecting"
        finally:
            stop.set()
            thread.join(timeout=10)
    assert not thread.is_alive()
    assert stored_raws() == sorted([first, second]) and poller.sessions >= 2
    assert "connection problem" in caplog.text and dovecot.password not in caplog.text


def test_wrong_password_is_logged_without_the_password(imap_source, caplog):
    secret = "not-the-password-9f3k"
    poller = ImapPoller(imap_source(password=secret))
    with caplog.at_level(logging.WARNING, logger="bridgedesk.imap"):
        delay = poller.poll_safely()
    assert delay == poller.backoff.first and "LoginError" in caplog.text
    assert secret not in caplog.text


def test_polled_mail_becomes_tickets(mailbox, imap_source, monkeypatch):
    from bridgedesk.desk.models import Ticket
    from bridgedesk.desk.runtime import reset_caches
    from bridgedesk.desk.worker import run_worker_loop

    monkeypatch.delenv("BRIDGEDESK_CONFIG", raising=False)      # the built-in demo brand
    reset_caches()
    deliver(mailbox, *support_mail()[:3])
    ImapPoller(imap_source()).poll_once()
    run_worker_loop(until_idle=True, interval=0)
    assert set(InboundMessage.objects.values_list("state", flat=True)) == {"done"}
    tickets = {t.subject: t for t in Ticket.objects.all()}
    assert set(tickets) == {"Withdrawal stuck", "USDT 充值没到账", "提现失败"}
    assert tickets["USDT 充值没到账"].language == "zh" and tickets["Withdrawal stuck"].language == "en"
    reset_caches()


def test_desk_runs_one_poller_per_configured_mailbox_and_stops_them(mailbox, imap_source, config_file, monkeypatch):
    from bridgedesk.config import load_config
    from bridgedesk.serving import Desk

    mailbox.create_folder("Security")
    config = config_file(
        "".join(f'[[intake.imap]]\nhost = "{s.host}"\nport = {s.port}\nusername = "{s.username}"\npassword = "{s.password}"\n'
                f'ssl = false\nfolder = "{folder}"\npoll_seconds = 0.1\n\n'
                for s, folder in ((imap_source(), "INBOX"), (imap_source(), "Security")))
    )
    english, chinese = support_mail()[:2]
    desk = Desk(http=("127.0.0.1", 0), smtp=("127.0.0.1", 0), workers=1, demo=False)
    desk.start_imap_pollers(load_config(config))
    try:
        assert len(desk.imap_threads) == 2 and all(t.is_alive() for t in desk.imap_threads)
        deliver(mailbox, english)
        deliver(mailbox, chinese, folder="Security")
        assert wait_until(lambda: InboundMessage.objects.count() == 2)
    finally:
        desk.stop()
    assert not any(t.is_alive() for t in desk.imap_threads), "stop() ends every poller"
    assert stored_raws() == sorted([english, chinese])


def tls_logins(server) -> list[str]:
    return [line for line in server.log_text().splitlines() if "Login: user=<desk>" in line]


@pytest.mark.parametrize("implicit_tls", [False, True], ids=["starttls", "imaps"])
def test_password_only_travels_inside_tls_when_the_server_offers_it(dovecot_tls, implicit_tls):
    trusted = ssl.create_default_context(cafile=str(dovecot_tls.certificate))
    port = dovecot_tls.tls_port if implicit_tls else dovecot_tls.port
    source = ImapSource(host=dovecot_tls.host, port=port, username=dovecot_tls.username, password=dovecot_tls.password,
                        ssl=implicit_tls)
    with IMAPClient(dovecot_tls.host, port=dovecot_tls.tls_port, ssl=True, ssl_context=trusted, timeout=10) as client:
        client.login(dovecot_tls.username, dovecot_tls.password)
        deliver(client, build_mail(subject="KYC 审核", body="我的身份认证已经三天了还在审核中。"))
    poller = ImapPoller(source, ssl_context=trusted)
    assert poller.poll_once().stored == 1
    poller.disconnect()
    logins = tls_logins(dovecot_tls)
    assert len(logins) == 2 and all(", TLS," in line for line in logins), logins


def test_untrusted_certificate_stops_before_the_password_is_sent(dovecot_tls, caplog):
    source = ImapSource(host=dovecot_tls.host, port=dovecot_tls.port, username=dovecot_tls.username,
                        password=dovecot_tls.password, ssl=False)
    poller = ImapPoller(source)                               # system CAs: the self-signed certificate is refused
    with caplog.at_level(logging.WARNING, logger="bridgedesk.imap"):
        poller.poll_safely()
    assert "SSLCertVerificationError" in caplog.text
    assert tls_logins(dovecot_tls) == [] and InboundMessage.objects.count() == 0


def test_error_text_that_could_quote_mail_is_withheld_from_logs():
    secret_line = "unexpected response: b'my seed words are legal winner thank year wave sausage'"
    assert "seed" not in describe_error(IMAPClientAbortError(secret_line), "pw")
    assert describe_error(IMAPClientError("select failed: Mailbox doesn't exist: Support"), "pw") == \
        "select failed: Mailbox doesn't exist: Support"
    assert describe_error(IMAPClientAbortError("socket error: EOF"), "pw") == "socket error: EOF"
    assert describe_error(ConnectionRefusedError(111, "Connection refused"), "pw") == "[Errno 111] Connection refused"
    assert "hunter2" not in describe_error(IMAPClientError("login failed: bad password hunter2"), "hunter2")
