"""Full-text search: the incremental indexer, Chinese two-character queries, English words,
pasted identifiers, merged tickets and who may see what. Mail goes through the real pipeline."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from bridgedesk.desk.actions import tickets as ticket_actions
from bridgedesk.desk.models import Message, Ticket
from bridgedesk.desk.search import index as search
from bridgedesk.desk.search.index import catch_up, search_tickets
from tests.desk.helpers import build_mail, drain, receive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_search_index():
    """Django's flush between tests leaves the search tables alone; start each test from an empty index."""
    from bridgedesk.desk.search.index import clear_index

    clear_index()

TX_HASH = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"


def make(subject: str, body: str, sender: str = "alice@example.com") -> Ticket:
    receive(build_mail(subject=subject, body=body, sender=sender))
    drain()
    return Ticket.objects.latest("id")


def numbers(query: str, tickets=None) -> list[str]:  # type: ignore[no-untyped-def]
    results = search_tickets(Ticket.objects.all() if tickets is None else tickets, query)
    return [hit.ticket.number for hit in results.hits]


@pytest.fixture
def desk(desk_config):
    return {
        "withdraw": make("提现失败", "您好，我昨天提现了500 USDT，到现在还没有到账，页面一直显示处理中。", sender="wang.fang@qq.com"),
        "deposit": make("充值未到账", f"我用TRC20充值了1000 USDT，交易哈希 {TX_HASH}，已经两个小时了。", sender="li.wei@163.com"),
        "frozen": make("Account frozen", "My account was frozen after a withdrawal failed. Order id 884213307, UID 10293847.",
                       sender="bob@example.com"),
    }


def test_two_chinese_characters_find_the_tickets_that_contain_them(desk):
    assert numbers("提现") == [desk["withdraw"].number]
    assert numbers("充值") == [desk["deposit"].number]
    assert set(numbers("到账")) == {desk["withdraw"].number, desk["deposit"].number}


def test_a_longer_chinese_query_is_a_substring_not_scattered_characters(desk):
    assert numbers("还没有到账") == [desk["withdraw"].number]
    assert numbers("到还") == []          # both characters occur, never side by side


def test_one_chinese_character_is_found_inside_and_at_the_end_of_a_run(desk):
    assert numbers("页") == [desk["withdraw"].number]        # 页面: first half of a bigram
    assert numbers("希") == [desk["deposit"].number]         # 哈希 followed by a space: the run's last character


def test_english_words_must_all_match_in_any_case(desk):
    assert numbers("Withdrawal FAILED") == [desk["frozen"].number]
    assert numbers("withdrawal deposit") == []


def test_pasted_identifiers_match_exactly(desk):
    assert numbers(TX_HASH) == [desk["deposit"].number]
    assert numbers("884213307") == [desk["frozen"].number]
    assert numbers(desk["withdraw"].number) == [desk["withdraw"].number]       # ticket number, KX-…
    assert numbers("wang.fang@qq.com") == [desk["withdraw"].number]           # the requester
    assert numbers("884213300") == []


def test_postgresql_reads_older_matches_through_gin_with_the_same_results(desk, monkeypatch):
    expected = {query: numbers(query) for query in ("到账", "处理中", TX_HASH, "withdrawal")}
    monkeypatch.setattr(search, "PG_RECENT_ROWS", 1)        # (on SQLite the setting is unused)
    assert {query: numbers(query) for query in expected} == expected


def test_mixed_chinese_and_english_terms_all_apply(desk):
    assert numbers("USDT 提现") == [desk["withdraw"].number]
    assert set(numbers("usdt")) == {desk["withdraw"].number, desk["deposit"].number}


def test_most_recently_active_ticket_comes_first(desk):
    Ticket.objects.filter(pk=desk["withdraw"].pk).update(updated_at=desk["deposit"].updated_at.replace(year=2030))
    assert numbers("到账") == [desk["withdraw"].number, desk["deposit"].number]


def test_the_indexer_is_incremental_and_covers_notes_and_agent_replies(desk):
    catch_up()
    assert catch_up() == 0                         # nothing new: nothing redone
    agent = get_user_model().objects.create_user("zhang", is_staff=True)
    ticket_actions.add_note(desk["frozen"], text="已联系风控团队解冻，等待回复", author=agent)
    ticket_actions.reply(desk["deposit"], text="您好，您的充值已经入账，请查看资金账户。", author=agent)
    assert numbers("风控") == [desk["frozen"].number]
    assert numbers("入账") == [desk["deposit"].number]
    assert catch_up() == 0


def test_housekeeping_picks_up_a_message_committed_after_a_higher_id_was_indexed(desk):
    # PostgreSQL hands out ids at insert and commits in any order: id N may appear after N+1 was indexed.
    catch_up()
    late = ticket_actions.add_note(desk["withdraw"], text="先分配的小号，晚提交", author=None)
    early = ticket_actions.add_note(desk["frozen"], text="后分配的大号，先提交", author=None)
    search._insert(search.MESSAGES.table, search.MESSAGES.documents([early.pk]))   # indexed while ``late`` was uncommitted
    assert late.pk < early.pk
    assert numbers("晚提交") == []                  # a search only looks above the watermark (cheap)
    catch_up()                                      # housekeeping rechecks the ids just below it
    assert numbers("晚提交") == [desk["withdraw"].number]


def test_only_redacted_text_is_indexed_never_a_leaked_secret(desk_config):
    ticket = make("账户被盗", "我的密码是 Kx9pass2026xyz 请帮我冻结账户")
    assert numbers("冻结") == [ticket.number]
    assert numbers("Kx9pass2026xyz") == []


def test_after_a_merge_a_message_leads_to_the_ticket_it_belongs_to_now(desk):
    ticket_actions.merge(desk["withdraw"], desk["deposit"], actor=None)
    assert numbers("处理中") == [desk["deposit"].number]


def test_results_come_only_from_tickets_the_caller_may_see(desk):
    Ticket.objects.filter(pk=desk["deposit"].pk).update(queue="vip")
    vip_only = Ticket.objects.filter(queue="vip")
    assert numbers("到账", vip_only) == [desk["deposit"].number]
    assert numbers(desk["withdraw"].number, vip_only) == []


def test_our_own_automatic_acknowledgements_are_not_indexed(desk):
    assert Message.objects.filter(is_auto=True, text__contains="充值", ticket=desk["withdraw"]).exists()
    assert desk["withdraw"].number not in numbers("充值")


def test_a_query_with_nothing_searchable_does_not_search(desk):
    results = search_tickets(Ticket.objects.all(), " ？！ ")
    assert (results.searched, results.hits) == (False, [])


def test_the_snippet_shows_the_match_in_the_newest_matching_message(desk):
    hit = search_tickets(Ticket.objects.all(), "处理中").hits[0]
    assert hit.snippet is not None and hit.snippet.match == "处理中"
    assert hit.snippet.before.endswith("页面一直显示")


def test_a_search_indexes_a_little_itself_and_says_how_much_still_waits(desk, monkeypatch):
    catch_up()
    Message.objects.bulk_create([Message(ticket=desk["frozen"], direction="note", text=f"客户要求加急处理 {i}") for i in range(3)])
    monkeypatch.setattr(search, "REQUEST_CATCH_UP", 1)
    first = search_tickets(Ticket.objects.all(), "加急")
    assert first.pending == 2 and [hit.ticket.number for hit in first.hits] == [desk["frozen"].number]
    catch_up()
    assert search_tickets(Ticket.objects.all(), "加急").pending == 0


def test_a_page_stops_at_its_limit_and_says_more_match(desk):
    results = search_tickets(Ticket.objects.all(), "到账", limit=1)
    assert len(results.hits) == 1 and results.more and not results.partial


def test_a_search_reads_a_bounded_number_of_matches_and_says_so(desk, monkeypatch):
    agent = get_user_model().objects.create_user("lin", is_staff=True)
    for i in range(6):
        ticket_actions.add_note(desk["withdraw"], text=f"第{i}次跟进：客户说已经等了好几个小时", author=agent)
    monkeypatch.setattr(search, "MAX_SCAN", 3)
    monkeypatch.setattr(search, "FIRST_CHUNK", 2)
    only_deposit = Ticket.objects.filter(pk=desk["deposit"].pk)
    results = search_tickets(only_deposit, "小时")
    assert (results.hits, results.partial) == ([], True)       # the three newest matches were all notes elsewhere
    monkeypatch.setattr(search, "MAX_SCAN", 100)
    results = search_tickets(only_deposit, "小时")
    assert [hit.ticket.number for hit in results.hits] == [desk["deposit"].number] and not results.partial


def test_housekeeping_stops_after_its_time_budget_and_the_next_run_continues(desk):
    Message.objects.bulk_create([Message(ticket=desk["frozen"], direction="note", text=f"备注 {i}") for i in range(30)])
    first = catch_up(batch=5, max_seconds=0)
    assert 0 < first < 30
    assert first + catch_up(batch=5, max_seconds=None) >= 30
    assert numbers("备注") == [desk["frozen"].number]
