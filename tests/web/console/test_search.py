"""The search page: staff only, scoped to the agent's queues, hostile subjects escaped, bilingual."""

from __future__ import annotations

import pytest
from django.test import Client

from bridgedesk.desk.models import Ticket
from tests.web.conftest import mail, make_tickets

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_search_index():
    """Django's flush between tests leaves the search tables alone; start each test from an empty index."""
    from bridgedesk.desk.search.index import clear_index

    clear_index()

XSS_SUBJECT = '提现失败 <script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def funding_and_vip(desk_config):
    funding, vip = make_tickets(
        mail(XSS_SUBJECT, "您好，我的提现一直没有到账，订单号 771203, 请尽快处理。", sender="chen@qq.com"),
        mail("大额提现审核", "VIP 客户：提现 20 BTC 需要人工审核，UID 55512345。", sender="vip@example.com"),
    )
    Ticket.objects.filter(pk=funding.pk).update(queue="funding")
    Ticket.objects.filter(pk=vip.pk).update(queue="vip")
    return Ticket.objects.get(pk=funding.pk), Ticket.objects.get(pk=vip.pk)


def test_an_agent_finds_chinese_text_in_their_queue_only(make_agent, funding_and_vip):
    funding, vip = funding_and_vip
    page = make_agent("li", queues=("funding",)).get("/search/", {"q": "提现"}).content.decode()
    assert funding.number in page and vip.number not in page


def test_the_wrong_agent_learns_nothing_of_other_queues(make_agent, funding_and_vip):
    funding, vip = funding_and_vip
    other = make_agent("zhao", queues=("general",))
    for query in ("提现", vip.number, funding.number, "55512345", "771203", "vip@example.com"):
        page = other.get("/search/", {"q": query}).content.decode()
        assert f"/tickets/{funding.number}/" not in page and f"/tickets/{vip.number}/" not in page
        assert "20 BTC" not in page and "尽快处理" not in page
        assert "No ticket matches" in page


def test_hostile_subjects_are_escaped_in_results(make_agent, funding_and_vip):
    page = make_agent("wu").get("/search/", {"q": "771203"}).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_hostile_message_text_and_queries_are_escaped_too(make_agent, desk_config):
    make_tickets(mail("合约爆仓", '合约爆仓了 <img src=x onerror=alert(2)> 请查看', sender="liu@qq.com"))
    client = make_agent("zheng")
    page = client.get("/search/", {"q": "爆仓"}).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    page = client.get("/search/", {"q": '"><script>alert(3)</script>'}).content.decode()
    assert "<script>alert(3)" not in page


def test_the_match_is_marked_in_a_snippet_of_the_message(make_agent, funding_and_vip):
    page = make_agent("sun").get("/search/", {"q": "UID 55512345"}).content.decode()
    assert "<mark>55512345</mark>" in page


def test_labels_are_bilingual_and_the_header_has_a_search_box(make_agent, funding_and_vip):
    client = make_agent("zhou")
    assert 'action="/search/"' in client.get("/tickets/").content.decode()
    page = client.get("/search/", {"q": "不存在的内容"}).content.decode()
    assert "Search tickets · 搜索工单" in page and "没有匹配的工单" in page


def test_an_unsearchable_query_says_so_instead_of_failing(make_agent, funding_and_vip):
    response = make_agent("qian").get("/search/", {"q": "？？！"})
    assert response.status_code == 200 and "Nothing to search for" in response.content.decode()


def test_customers_and_anonymous_visitors_cannot_search(funding_and_vip):
    response = Client().get("/search/", {"q": "提现"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
