"""The search tokenizer: what gets indexed and what a query asks for must line up, in Chinese and English."""

from __future__ import annotations

from bridgedesk.triage.searchtext import MAX_QUERY_TERMS, Term, document_tokens, query_terms


def test_chinese_runs_become_bigrams_then_the_last_character():
    assert document_tokens("提现失败") == ["提现", "现失", "失败", "败"]


def test_a_two_character_query_is_one_bigram_and_a_longer_one_a_phrase_of_bigrams():
    assert query_terms("提现") == [Term(("提现",))]
    assert query_terms("还没到账") == [Term(("还没", "没到", "到账"))]


def test_a_one_character_query_is_a_prefix_so_it_also_finds_the_trailing_character():
    assert query_terms("币") == [Term(("币",), prefix=True)]
    assert "币" in document_tokens("我的币")          # last character of the run, alone


def test_identifiers_stay_whole_and_their_parts_are_searchable_too():
    tokens = document_tokens("工单 KX-100123 来自 Li.Wei@QQ.com。")
    assert "kx-100123" in tokens and "100123" in tokens
    assert "li.wei@qq.com" in tokens and "qq" in tokens
    assert query_terms("KX-100123") == [Term(("kx-100123",))]


def test_sentence_punctuation_does_not_stick_to_words():
    assert document_tokens("Withdrawal failed. Please help!") == ["withdrawal", "failed", "please", "help"]


def test_full_width_letters_and_digits_from_chinese_input_methods_match_ascii():
    assert document_tokens("ＵＳＤＴ充值１２３") == ["usdt", "充值", "值", "123"]


def test_mixed_query_needs_every_term_and_repeats_are_dropped():
    assert query_terms("USDT 未到账 usdt") == [Term(("usdt",)), Term(("未到", "到账"))]


def test_punctuation_only_or_huge_queries_are_bounded():
    assert query_terms("？！…—") == []
    assert len(query_terms(" ".join(f"w{i}" for i in range(50)))) == MAX_QUERY_TERMS
