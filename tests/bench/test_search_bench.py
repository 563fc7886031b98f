"""The search benchmark runs on whatever the database holds and reports each class of query."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from bridgedesk.bench.search import build_search_index, time_searches
from bridgedesk.desk.models import AgentProfile, Ticket
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_search_index():
    """Django's flush between tests leaves the search tables alone; start each test from an empty index."""
    from bridgedesk.desk.search.index import clear_index

    clear_index()


def test_time_searches_reports_percentiles_per_class_as_the_user_sees_the_desk(desk_config):
    receive(build_mail(subject="提现未到账", body="我的提现还没有到账，请帮忙查一下。", sender="zhou@qq.com"),
            build_mail(subject="Deposit missing", body="My deposit was never credited.", sender="sam@example.com"))
    drain()
    assert build_search_index()["indexed"] >= 0
    agent = get_user_model().objects.create_user("bench-agent", is_staff=True)
    AgentProfile.objects.create(user=agent, queues=sorted(set(Ticket.objects.values_list("queue", flat=True))))
    report = time_searches(agent, {"zh": ("提现",), "en": ("deposit credited",), "none": ("不存在",)}, rounds=2)
    assert report["tickets"] == 2
    assert report["zh"]["min_hits"] == 1 and report["en"]["min_hits"] == 1 and report["none"]["min_hits"] == 0
    assert 0 < report["zh"]["p50_ms"] <= report["zh"]["p95_ms"] <= report["zh"]["max_ms"]


def test_the_search_page_view_rotates_through_its_queries(desk_config):
    from django.test import Client

    from bridgedesk.bench.search import search_page_view

    staff = get_user_model().objects.create_user("bench-viewer", is_staff=True)
    client = Client()
    client.force_login(staff)
    view = search_page_view(client, ("提现", "deposit"))
    assert 'value="提现"' in view(0).content.decode() and 'value="deposit"' in view(1).content.decode()
