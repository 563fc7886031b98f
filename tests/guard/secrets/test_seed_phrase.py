import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mnemonic import Mnemonic

from bridgedesk.guard.secrets.seed_phrase import find_seed_phrases
from tests.guard.shared import SHARED_DATA, load_bip39_vectors

OFFICIAL = (
    "english", "chinese_simplified", "chinese_traditional", "japanese", "korean",
    "spanish", "french", "italian", "czech", "portuguese",
)
VECTORS = load_bip39_vectors()
LEGAL = "legal winner thank year wave sausage worth useful legal winner thank yellow".split()


def only_phrase(text: str):
    findings = find_seed_phrases(text)
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize("language", OFFICIAL)
def test_every_official_vector_is_found_whole_and_certain(language):
    for _entropy, phrase, _seed, _xprv in VECTORS[language]:
        text = f"Hello support, my wallet words are:\n{phrase}\nPlease help."
        finding = only_phrase(text)
        assert text[finding.start : finding.end] == phrase
        assert finding.confidence == 1.0 and finding.detector == "bip39"


def test_japanese_vectors_joined_by_ideographic_space_are_found():
    vectors = json.loads((SHARED_DATA / "bip39" / "test_JP_BIP39.json").read_text(encoding="utf-8"))
    for vector in vectors:
        finding = only_phrase(f"ウォレットの言葉：\n{vector['mnemonic']}\nよろしくお願いします")
        assert finding.confidence == 1.0


@pytest.mark.parametrize("language", ["russian", "turkish"])
def test_non_standard_trezor_lists_are_not_bip39(language):
    assert all(find_seed_phrases(v[1]) == [] for v in VECTORS[language])


@pytest.mark.parametrize(
    "render",
    [
        lambda w: " ".join(f"{i}. {x}" for i, x in enumerate(w, 1)),
        lambda w: "\n".join(f"{i}) {x}" for i, x in enumerate(w, 1)),
        lambda w: " ".join(chr(0x2460 + i) + x for i, x in enumerate(w)),
        lambda w: ", ".join(w),
        lambda w: ",".join(w),
        lambda w: "\n".join(w),
        lambda w: " ".join(x.upper() if i % 2 else x.capitalize() for i, x in enumerate(w)),
        lambda w: "\t".join(f"({i}){x}" for i, x in enumerate(w, 1)),
    ],
)
def test_list_layouts_people_use_are_found(render):
    body = render(LEGAL)
    text = f"my recovery phrase:\n{body}\nthanks"
    finding = only_phrase(text)
    assert finding.confidence == 1.0
    assert "legal" in text[finding.start : finding.end].lower()
    assert "yellow" in text[finding.start : finding.end].lower()
    assert "thanks" not in text[finding.start : finding.end]


def test_chinese_phrase_without_spaces_is_found_after_a_cue():
    hits = 0
    chinese = [v[1] for v in VECTORS["chinese_simplified"]]
    for phrase in chinese:
        text = f"你好，我的助记词是{phrase.replace(' ', '')}请帮我找回资产"
        hits += bool(find_seed_phrases(text))
    # degenerate vectors (all-zero or repeated entropy) do not look random and are not flagged;
    # real generated phrases do (see the test below)
    assert hits >= 17


def test_randomly_generated_chinese_phrases_are_found_unspaced():
    found = 0
    for seed in range(50):
        entropy = bytes((seed * 37 + i * 101) % 256 for i in range(16))
        phrase = Mnemonic("chinese_simplified").to_mnemonic(entropy).replace(" ", "")
        found += bool(find_seed_phrases(f"助记词：{phrase}。"))
    assert found >= 47


def test_traditional_chinese_spaced_phrase_is_found():
    phrase = VECTORS["chinese_traditional"][5][1]
    assert only_phrase(f"我的錢包助記詞 {phrase} 謝謝").confidence == 1.0


def test_one_mistyped_word_is_still_redacted_with_lower_confidence():
    typo = LEGAL.copy()
    typo[6] = "wroth"
    finding = only_phrase("words: " + " ".join(typo) + " thanks")
    assert 0.5 < finding.confidence < 1.0
    assert finding.end - finding.start == len(" ".join(typo))


def test_mistyped_last_word_is_included_in_the_span():
    typo = LEGAL[:-1] + ["yelow"]
    text = " ".join(typo)
    finding = only_phrase(text)
    assert (finding.start, finding.end) == (0, len(text))
    assert finding.confidence < 1.0


def test_a_missing_word_still_counts():
    text = " ".join(VECTORS["english"][3][1].split()[:11])
    assert 0.5 < only_phrase(text).confidence < 1.0


def test_twenty_three_of_twenty_four_words_plus_a_typo():
    words = VECTORS["english"][10][1].split()
    assert len(words) == 24
    words[12] = words[12][:-1] + ("x" if words[12][-1] != "x" else "y")
    assert only_phrase(" ".join(words)).confidence >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "For most Americans there was one local phone company, one long-distance company, and one company that made phones.",
        "Please check the address again, I can only see the deposit in the history and not in the balance.",
        "abandon ability able about above absent absorb abstract absurd abuse",  # ten words: too short
        "我的账户无法提现，请尽快帮我处理一下这个问题，谢谢你们的帮助，我已经等了三天了。",
        "您好，我在十一月二十日充值了一笔钱，但是到现在还没有到账，请帮我查一下是什么原因。",
        "legal. winner. thank. year. wave. sausage. worth. useful. legal. winner. thank. yellow.",
    ],
)
def test_prose_and_broken_lists_are_not_phrases(text):
    assert find_seed_phrases(text) == []


def test_real_ham_mail_holds_no_seed_phrase(ham_texts):
    flagged = [name for name, text in ham_texts if find_seed_phrases(text)]
    assert len(ham_texts) > 900
    assert flagged == []


ENGLISH = Mnemonic("english").wordlist
# The commonest English function words; none is a BIP39 word ("you" and "that" are, so they are
# deliberately left out: they count as content words here).
FUNCTION = ["the", "a", "of", "to", "in", "and", "is", "for", "with", "it", "on", "my", "we", "was", "be"]
assert not set(FUNCTION) & set(ENGLISH)


@st.composite
def english_prose(draw):
    """Sentences where content words are BIP39 words but function words appear as in real prose."""
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        chunks = []
        for _ in range(draw(st.integers(1, 5))):
            chunks.append(draw(st.sampled_from(FUNCTION)))
            chunks.extend(draw(st.lists(st.sampled_from(ENGLISH), min_size=0, max_size=6)))
        sentence = " ".join(chunks)
        sentences.append(sentence[:1].upper() + sentence[1:] + draw(st.sampled_from([".", "!", "?", ",", ""])))
    return " ".join(sentences)


@settings(max_examples=120, deadline=None)
@given(english_prose())
def test_prose_made_of_wordlist_words_is_not_a_phrase(text):
    assert find_seed_phrases(text) == []


def test_phrase_in_a_quoted_reply_is_found():
    text = "> " + " ".join(LEGAL[:4]) + "\n> " + " ".join(LEGAL[4:8]) + "\n> " + " ".join(LEGAL[8:])
    assert only_phrase(text).confidence == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour, je vous écris car mon retrait est bloqué depuis trois jours. Pouvez-vous vérifier mon compte et me donner une réponse rapide, merci beaucoup pour votre aide précieuse.",
        "Hola, escribo porque mi retiro lleva tres días bloqueado. Por favor revisen mi cuenta y díganme qué pasa, gracias por la ayuda.",
        "Olá, meu saque está bloqueado há três dias. Por favor verifiquem minha conta e me deem uma resposta rápida, obrigado pela ajuda.",
        "Ciao, il mio prelievo è bloccato da tre giorni. Per favore controllate il mio conto e datemi una risposta rapida, grazie mille.",
        "Dobrý den, můj výběr je zablokovaný už tři dny. Prosím zkontrolujte můj účet a dejte mi rychlou odpověď, děkuji za pomoc.",
        "안녕하세요. 출금이 삼일째 지연되고 있습니다. 계정을 확인해 주시고 빠른 답변 부탁드립니다. 감사합니다.",
        "こんにちは。出金が三日間止まっています。アカウントを確認して、早めに返事をください。よろしくお願いします。",
    ],
)
def test_support_prose_in_other_wordlist_languages_is_not_a_phrase(text):
    assert find_seed_phrases(text) == []


def test_a_pasted_word_list_is_redacted_whole_without_a_slow_search():
    words = Mnemonic("english").wordlist[:500]
    text = "wordlist: " + " ".join(words)
    [finding] = find_seed_phrases(text)
    assert text[finding.start : finding.end] == " ".join(words)
