"""In a real browser (Debian's Chromium through Playwright): agent and customer journeys, XSS.

Screenshots go to ``$BRIDGEDESK_ARTIFACTS`` (or the test's temporary folder) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from bridgedesk.bench.corpus_values import make_pdf  # a real PDF: an unreadable one is quarantined
from bridgedesk.desk.models import AgentProfile, Macro, Message, OutboxMail, Ticket
from bridgedesk.desk.outbox.signin import make_signin_token
from tests.web.conftest import mail, make_tickets
from tests.web.test_xss import PAYLOADS, hostile_mail

playwright_sync = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian chromium not installed (apt-get install chromium)"),
]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test body are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs   # type: ignore[attr-defined]
        yield page
        browser.close()
        # Close the test body's database connections here: kept open (CONN_MAX_AGE), one of them
        # outlived the run and PostgreSQL refused to drop the test database ("being accessed by
        # other users"); the end-of-run cleanup did not reach it.
        connections.close_all()


@pytest.fixture
def artifacts(tmp_path) -> Path:
    folder = Path(os.environ.get("BRIDGEDESK_ARTIFACTS", tmp_path)) / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _agent(username: str = "ann") -> None:
    user = get_user_model().objects.create_user(username, password="pw-browser-1", is_staff=True)
    AgentProfile.objects.create(user=user, role="admin", languages=["zh", "en"])


def _sign_in(page, base: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", "ann")
    page.fill("input[name=password]", "pw-browser-1")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/tickets/")


class SmtpSink:
    """A local SMTP server that keeps what it is sent (the desk's outbound relay in this test)."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(envelope.original_content or envelope.content)
        return "250 OK"


@pytest.fixture
def smtp_sink(desk_config):
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    desk_config(f'[outbound]\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n')
    yield sink
    controller.stop()


def test_agent_takes_next_ticket_and_replies_with_a_macro(browser_page, live_server, smtp_sink, artifacts):
    from email import message_from_bytes, policy

    from tests.desk.helpers import build_mail, drain, receive

    page, base = browser_page, live_server.url
    [ticket] = make_tickets(mail("充值没到账", "我的 USDT 充值没到账，用户ID 27351856", sender="li.wei@example.com"))
    Ticket.objects.filter(pk=ticket.pk).update(language="zh", priority="urgent")
    Macro.objects.create(name="已到账", language="zh", body="{{name}} 您好，工单 {{number}} 的充值已到账。")
    _agent()
    _sign_in(page, base)
    page.screenshot(path=str(artifacts / "queue.png"), full_page=True)
    page.click("text=Next ticket · 下一个工单")
    page.wait_for_url(f"{base}/tickets/{ticket.number}/")
    page.click("text=Insert · 插入")
    page.wait_for_load_state()
    assert page.input_value("textarea[name=text] >> nth=0") == f"li.wei 您好，工单 {ticket.number} 的充值已到账。"
    page.screenshot(path=str(artifacts / "ticket.png"), full_page=True)
    page.click("text=Send reply · 发送回复")
    page.wait_for_load_state()
    reply = OutboxMail.objects.get(ticket=ticket, kind="reply")
    assert reply.to_addr == "li.wei@example.com" and "充值已到账" in reply.text
    drain()   # the sender job delivers the outbox through SMTP to the sink
    sent = [message_from_bytes(raw, policy=policy.default) for raw in smtp_sink.messages]
    [mailed] = [m for m in sent if str(m["Message-ID"]).strip().strip("<>") == reply.message_id]
    assert "充值已到账" in mailed.get_body(("plain",)).get_content()
    answer = build_mail(sender="li.wei@example.com", subject=f"Re: {mailed['Subject']}", body="收到了，谢谢！Thanks, it arrived.",
                        headers={"In-Reply-To": f"<{reply.message_id}>", "References": f"<{reply.message_id}>"})
    receive(answer)
    drain()
    page.goto(f"{base}/tickets/{ticket.number}/")
    assert "收到了，谢谢！" in page.content(), "the customer's answer threads back onto the same ticket"
    assert Ticket.objects.count() == 1
    page.screenshot(path=str(artifacts / "ticket-answered.png"), full_page=True)
    assert page.dialogs == []   # type: ignore[attr-defined]


def test_customer_signs_in_by_link_replies_and_closes(browser_page, live_server, desk_config, artifacts):
    page, base = browser_page, live_server.url
    [ticket] = make_tickets(mail("Withdrawal failed", "My withdrawal failed twice.", sender="bob@example.com"))
    page.goto(f"{base}/portal/signin/{make_signin_token(ticket.requester)}/")
    page.click("text=Continue · 继续")
    page.wait_for_url(base + "/portal/tickets/")
    page.click(f"text={ticket.number}")
    page.fill("textarea[name=text]", "Still failing, order 612389471205893. 还是失败。")
    page.set_input_files("input[name=files]", files=[{"name": "回单.pdf", "mimeType": "application/pdf", "buffer": make_pdf("receipt")}])
    page.click("text=Send · 发送")
    page.wait_for_load_state()
    assert "还是失败" in page.content() and "回单.pdf" in page.content()
    assert Message.objects.filter(ticket=ticket, direction="in", text__contains="612389471205893").exists()
    with page.expect_download() as download:   # the customer's own file comes back as a download
        page.click("text=download · 下载")
    assert download.value.suggested_filename == "回单.pdf"
    page.screenshot(path=str(artifacts / "portal.png"), full_page=True)
    page.click("text=Close this ticket · 关闭工单")
    page.wait_for_load_state()
    assert Ticket.objects.get(pk=ticket.pk).status == "closed"


def test_xss_corpus_runs_no_script_in_the_browser(browser_page, live_server, desk_config, artifacts):
    from tests.desk.helpers import drain, receive

    page, base = browser_page, live_server.url
    receive(*(hostile_mail(i, p) for i, p in enumerate(PAYLOADS)))
    drain()
    _agent()
    _sign_in(page, base)
    for number in Ticket.objects.order_by("id").values_list("number", flat=True):
        page.goto(f"{base}/tickets/{number}/")
        page.eval_on_selector_all("details.html-view", "els => els.forEach(e => { e.open = true; })")
        page.wait_for_timeout(50)
    for number, pk in Message.objects.filter(direction="in").exclude(html="").values_list("ticket__number", "pk"):
        page.goto(f"{base}/tickets/{number}/messages/{pk}/html")   # the sandboxed HTML alone, top level
    page.goto(base + "/tickets/")
    page.screenshot(path=str(artifacts / "xss-list.png"), full_page=True)
    assert page.dialogs == [], page.dialogs   # type: ignore[attr-defined]
    page.evaluate("() => alert('control')")   # the watcher does see a script that runs
    assert page.dialogs == ["control"]   # type: ignore[attr-defined]
