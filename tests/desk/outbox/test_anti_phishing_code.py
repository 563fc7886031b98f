"""Once a customer has chosen an anti-phishing code, no outgoing message to them lacks it."""

from __future__ import annotations

import mailbox
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from bridgedesk.desk.models import Customer, Message, OutboxMail, Ticket
from bridgedesk.desk.outbox.deliver import with_anti_phishing_code
from bridgedesk.desk.outbox.queue import queue_agent_reply
from bridgedesk.desk.runtime import get_config
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)
CODE = "蓝鹭 Heron-42"


def sent_bodies() -> dict[str, str]:
    """Recipient -> concatenated decoded text of everything delivered to them."""
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    bodies: dict[str, str] = {}
    for key in box.iterkeys():
        msg = message_from_bytes(box.get_bytes(key), policy=policy.default)
        bodies.setdefault(str(msg["To"]), [])  # type: ignore[arg-type]
        bodies[str(msg["To"])].append(msg.get_body(("plain",)).get_content())  # type: ignore[union-attr, attr-defined]
    return bodies  # type: ignore[return-value]


@pytest.fixture(autouse=True)
def clean_sent_box():
    mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True).clear()


def test_every_kind_of_outgoing_mail_carries_the_code(desk_config):
    Customer.objects.create(email="li@example.cn", language="zh", anti_phishing_code=CODE)
    receive(
        build_mail(sender="li@example.cn", subject="充值没到账", body="你好，我的 USDT TRC20 充值两个小时了还没到账，麻烦帮忙查一下。"),
        build_mail(sender="li@example.cn", to="security@kestrel.exchange", subject="Fwd: 账户异常",
                   body="这封邮件可疑吗？\n\n---------- Forwarded message ---------\nFrom: Kestrel <support@kestreI-exchange.help>\n"
                        "Subject: 账户异常\n\n请立即登录 https://kestreI-exchange.help/verify 验证您的钱包，否则账户将被冻结。"),
    )
    drain()
    agent = get_user_model().objects.create_user("agent", password="agent-copper-lantern-47", is_staff=True)
    for ticket in Ticket.objects.all():
        queue_agent_reply(ticket, text="您好，我们正在处理。", author=agent, config=get_config())
    drain()
    kinds = set(OutboxMail.objects.filter(to_addr="li@example.cn").values_list("kind", flat=True))
    assert {"auto_ack", "reply"} <= kinds
    [bodies] = sent_bodies().values()
    assert len(bodies) == OutboxMail.objects.filter(to_addr="li@example.cn").count() >= 3
    for body in bodies:
        assert f"Your anti-phishing code: {CODE}" in body and f"您的防钓鱼码：{CODE}" in body


def test_the_code_appears_from_the_moment_it_is_set_and_stays_off_the_timeline(desk_config):
    receive(build_mail(sender="bob@example.com"))
    receive(build_mail(sender="carol@example.com", subject="Withdrawal stuck", body="My BTC withdrawal has been pending since yesterday."))
    drain()
    before = sent_bodies()
    assert "anti-phishing code" not in before["bob@example.com"][0] + before["carol@example.com"][0]
    mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True).clear()
    Customer.objects.filter(email="bob@example.com").update(anti_phishing_code="Tangerine")
    agent = get_user_model().objects.create_user("agent", password="agent-copper-lantern-47", is_staff=True)
    for ticket in Ticket.objects.all():
        queue_agent_reply(ticket, text="We are looking into it.", author=agent, config=get_config())
    drain()
    after = sent_bodies()
    assert "Your anti-phishing code: Tangerine" in after["bob@example.com"][0]
    assert "anti-phishing code" not in after["carol@example.com"][0]   # no code chosen: no line
    assert not Message.objects.filter(text__contains="Tangerine").exists()


def test_footer_without_a_code_leaves_text_alone():
    assert with_anti_phishing_code("Hello", "") == "Hello"
    assert with_anti_phishing_code("您好\n", "ABCD").endswith("您的防钓鱼码：ABCD\n")
