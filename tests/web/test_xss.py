"""Hostile mail content: 55 XSS payloads in subjects, bodies, file names and sender names.

Each payload goes through the real pipeline; every console and portal page that shows it must
contain no payload unescaped and, parsed as HTML, no script, event handler, javascript: URL
or embedding element at all (our templates have none of their own).
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from html.parser import HTMLParser

import pytest
from django.test import Client

from bridgedesk.desk.models import Message, Ticket
from bridgedesk.desk.outbox.signin import make_signin_token
from tests.desk.helpers import drain, receive

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOADS = [
    "<script>alert(1)</script>", "<ScRiPt>alert(2)</sCrIpT>", "<script src=//evil.example/x.js></script>",
    "<img src=x onerror=alert(3)>", '<img src="x" onerror="alert(4)">', "<svg onload=alert(5)>",
    "<svg><script>alert(6)</script></svg>", "<body onload=alert(7)>", "<iframe src=javascript:alert(8)>",
    '<a href="javascript:alert(9)">click</a>', "<details open ontoggle=alert(10)>", "<video><source onerror=alert(11)>",
    "<audio src=x onerror=alert(12)>", "<input autofocus onfocus=alert(13)>", "<marquee onstart=alert(14)>",
    "<object data=javascript:alert(15)>", "<embed src=javascript:alert(16)>", "<math><mtext><script>alert(17)</script>",
    '"><script>alert(18)</script>', "'><script>alert(19)</script>", '" onmouseover="alert(20)', "' onmouseover='alert(21)",
    "</textarea><script>alert(22)</script>", "</title><script>alert(23)</script>", "</pre><script>alert(24)</script>",
    "<style>@import 'javascript:alert(25)'</style>", '<div style="background:url(javascript:alert(26))">',
    "<link rel=stylesheet href=javascript:alert(27)>", '<meta http-equiv="refresh" content="0;url=javascript:alert(28)">',
    "<base href=javascript:alert(29)//>", "<form action=javascript:alert(30)><button>x</button></form>",
    "<isindex type=image src=1 onerror=alert(31)>", "<table background=javascript:alert(32)>",
    "<!--<img src=--><img src=x onerror=alert(33)//-->", "<scr<script>ipt>alert(34)</scr</script>ipt>",
    "<img src=`x`onerror=alert(35)>", "<img/src='x'/onerror=alert(36)>", "<svg/onload=alert(37)//",
    '<a href="&#106;avascript:alert(38)">x</a>', "<a href=\"jav&#x09;ascript:alert(39)\">x</a>",
    "{{7*7}}<script>alert(40)</script>", "${alert(41)}<img src=x onerror=alert(41)>", "<template><script>alert(42)</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(43)>\">", "<xmp><script>alert(44)</script></xmp>",
    "<keygen autofocus onfocus=alert(45)>", "<select autofocus onfocus=alert(46)>", "<textarea autofocus onfocus=alert(47)>",
    "<body background=javascript:alert(48)>", "<frameset onload=alert(49)>", "<img src=x:alert(50) onerror=eval(src)>",
    "充值<script>alert('五十一')</script>没到账", "<img src=x onerror=alert('提现')>", "用户ID 27351856 <svg onload=alert(53)>",
    "<a href='data:text/html,<script>alert(54)</script>'>数据</a>", "<iframe srcdoc=\"<script>alert(55)</script>\">",
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "base", "frame", "frameset", "style", "template"}


def is_our_sandboxed_frame(tag: str, attrs: dict[str, str | None]) -> bool:
    """The console's own elements: its one static script, and the iframe for a message's HTML
    (fully sandboxed: the attribute without any allow- token, from our sandbox URL)."""
    src = attrs.get("src") or ""
    if tag == "script":
        return src == "/static/bridgedesk/desk.js" and len(attrs) == 2 and "defer" in attrs
    return tag == "iframe" and "sandbox" in attrs and not attrs["sandbox"] and src.startswith("/tickets/") and src.endswith("/html")


class DangerFinder(HTMLParser):
    """Collects anything in a page that could run script or load foreign content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if is_our_sandboxed_frame(tag, dict(attrs)):
            return
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction", "http-equiv"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "background", "data") and value and not value.startswith(("/", "https://", "#")):
                self.found.append(f"{tag}[{name}={value[:40]}]")


def hostile_mail(i: int, payload: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = formataddr((payload[:60], f"user{i}@example.com"))
    msg["To"] = "support@kestrel.exchange"
    msg["Subject"] = payload
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content(f"Hello, my deposit is missing.\n{payload}\nThanks")
    msg.add_alternative(f"<p>Hello, my deposit is missing.</p><div>{payload}</div><p>Thanks</p>", subtype="html")
    msg.add_attachment(b"plain bytes", maintype="text", subtype="plain", filename=f"{payload[:80]}.txt")
    return msg.as_bytes(policy=policy.SMTP)


def assert_safe(html: str, where: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html, f"{where}: unescaped {payload!r}"
    finder = DangerFinder()
    finder.feed(html)
    assert finder.found == [], f"{where}: {finder.found[:5]}"


def test_there_are_more_than_fifty_payloads_each_needing_escape():
    assert len(set(PAYLOADS)) >= 50
    assert all(any(ch in p for ch in "<>\"'") for p in PAYLOADS)


def test_no_payload_survives_in_console_or_portal(make_agent, desk_config):
    receive(*(hostile_mail(i, p) for i, p in enumerate(PAYLOADS)))
    drain()
    tickets = list(Ticket.objects.select_related("requester"))
    assert len(tickets) == len(PAYLOADS)
    agent = make_agent("ann", role="admin")
    assert_safe(agent.get("/tickets/").content.decode(), "ticket list")
    escaped_seen = 0
    for ticket in tickets:
        html = agent.get(f"/tickets/{ticket.number}/").content.decode()
        assert_safe(html, f"ticket {ticket.number}")
        escaped_seen += "&lt;" in html
        customer = Client()
        customer.post(f"/portal/signin/{make_signin_token(ticket.requester)}/")
        assert_safe(customer.get("/portal/tickets/").content.decode(), "portal list")
        assert_safe(customer.get(f"/portal/tickets/{ticket.number}/").content.decode(), f"portal {ticket.number}")
    assert escaped_seen >= len(PAYLOADS) - 5, "payloads are shown, escaped, not silently dropped"


def test_html_bodies_are_served_sanitised_and_sandboxed(make_agent, desk_config):
    receive(*(hostile_mail(i, p) for i, p in enumerate(PAYLOADS)))
    drain()
    agent = make_agent("ann", role="admin")
    messages = list(Message.objects.filter(direction="in").exclude(html="").select_related("ticket"))
    assert len(messages) == len(PAYLOADS), "every hostile mail kept a sanitised HTML view"
    for message in messages:
        url = f"/tickets/{message.ticket.number}/messages/{message.pk}/html"
        assert f'<iframe sandbox src="{url}"' in agent.get(f"/tickets/{message.ticket.number}/").content.decode()
        response = agent.get(url)
        assert response.status_code == 200
        assert response["Content-Security-Policy"].startswith("sandbox;") and "script-src" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        finder = DangerFinder()
        finder.feed(response.content.decode())
        assert finder.found == [], f"{url}: {finder.found[:5]}"
    other = make_agent("api-only", queues=("api",))
    assert other.get(f"/tickets/{messages[0].ticket.number}/messages/{messages[0].pk}/html").status_code == 404
