"""Language detection on support-mail sentences, in the languages the desk must route.

Sentences are written the way customers write: tickers, hashes, amounts and order numbers
mixed into their own language. Accuracy is printed, and asserted only as a floor; the
script-decided languages (zh, ja, ko, th) must be exact.
"""

from __future__ import annotations

import time

import pytest

from bridgedesk.triage.language import FALLBACK_LANGUAGE, detect_language

SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "My USDT deposit has not arrived after three hours, please check.",
        "I cannot log in to my account, the verification code never comes.",
        "Why was my withdrawal of 0.5 BTC rejected? I need the money urgently.",
        "Someone changed my password and I no longer have access to the account.",
        "Hi team, the API keeps returning error -1021 when I place orders.",
        "Please tell me why my identity verification was declined again.",
        "hello i sent eth to the wrong network can you recover it",
    ),
    "zh": (
        "USDT 充值 TRC20 没到账",
        "我的账户被盗了，有人把我的币全部转走了，请马上冻结账户！",
        "提币一直显示处理中，已经两天了，订单号 612389471205893",
        "你好，我的身份认证为什么被拒绝？我上传的是护照。",
        "充值了0.5个BTC，区块链上已经确认了，但是账户里还是没有。",
        "API 返回错误码 50111，请问是什么原因？",
        "请问邀请返佣什么时候发放",
        "我的ETH充值到BSC网络了，能找回吗",
    ),
    "ja": (
        "入金したUSDTがまだ反映されていません。確認をお願いします。",
        "アカウントに不正ログインされました。すぐに凍結してください。",
        "出金が保留のままです。注文番号は 8834712093 です。",
        "本人確認書類が却下された理由を教えてください。",
        "APIでエラーが発生します。タイムスタンプのエラーです。",
        "キャンペーンの報酬がまだ受け取れていません。",
    ),
    "ko": (
        "USDT 입금이 아직 반영되지 않았습니다. 확인 부탁드립니다.",
        "계정이 해킹당했어요. 누군가 제 자산을 출금했습니다.",
        "출금 신청한 지 하루가 지났는데 아직 처리 중입니다.",
        "신분 인증이 계속 거절됩니다. 이유를 알려주세요.",
        "주문번호 1234567890 거래가 체결되지 않았습니다.",
        "이벤트 보상은 언제 지급되나요?",
    ),
    "ru": (
        "Мой депозит USDT не поступил на счёт уже три часа.",
        "Мой аккаунт взломали, кто-то вывел все средства.",
        "Почему мой вывод средств отклонён? Прошу срочно разобраться.",
        "Не могу пройти верификацию личности, документы не принимаются.",
        "Здравствуйте, ордер не исполнился, хотя цена дошла до нужного уровня.",
        "Когда будут начислены бонусы за приглашение друзей?",
    ),
    "es": (
        "Mi depósito de USDT no ha llegado a mi cuenta, ¿pueden revisarlo?",
        "Alguien entró en mi cuenta y retiró todos mis fondos.",
        "Hola, mi retiro lleva dos días pendiente y nadie me responde.",
        "No puedo completar la verificación de identidad, me rechazan el pasaporte.",
        "La orden de compra se ejecutó a un precio diferente al que puse.",
        "¿Cuándo recibiré la recompensa de la promoción?",
    ),
    "vi": (
        "Tôi đã nạp USDT nhưng tiền chưa vào tài khoản.",
        "Tài khoản của tôi bị hack, có người đã rút hết tiền.",
        "Lệnh rút tiền của tôi đang chờ xử lý hai ngày rồi.",
        "Tại sao xác minh danh tính của tôi bị từ chối?",
        "Xin chào, tôi không đăng nhập được vào tài khoản.",
        "Khi nào tôi nhận được phần thưởng khuyến mãi?",
    ),
    "tr": (
        "USDT yatırma işlemim hesabıma geçmedi, lütfen kontrol eder misiniz?",
        "Hesabım çalındı, biri tüm paramı çekti.",
        "Para çekme talebim iki gündür beklemede.",
        "Kimlik doğrulamam neden reddedildi?",
        "Merhaba, hesabıma giriş yapamıyorum, doğrulama kodu gelmiyor.",
        "Kampanya ödülünü ne zaman alacağım?",
    ),
    "pt": (
        "Meu depósito de USDT ainda não caiu na conta.",
        "Alguém invadiu minha conta e sacou todo o meu saldo.",
        "Olá, meu saque está pendente há dois dias, o que aconteceu?",
        "Por que minha verificação de identidade foi recusada?",
        "A ordem de venda não foi executada mesmo com o preço atingido.",
        "Quando vou receber o bônus da promoção?",
    ),
    "fr": (
        "Mon dépôt de USDT n'est toujours pas arrivé sur mon compte.",
        "Quelqu'un s'est connecté à mon compte et a retiré tous mes fonds.",
        "Bonjour, mon retrait est en attente depuis deux jours.",
        "Pourquoi ma vérification d'identité a-t-elle été refusée ?",
        "Mon ordre d'achat a été exécuté à un mauvais prix.",
        "Quand vais-je recevoir la récompense de parrainage ?",
    ),
    "de": (
        "Meine USDT-Einzahlung ist noch nicht auf meinem Konto angekommen.",
        "Jemand hat sich in mein Konto eingeloggt und alles abgehoben.",
        "Hallo, meine Auszahlung hängt seit zwei Tagen fest.",
        "Warum wurde meine Identitätsprüfung abgelehnt?",
        "Meine Kauforder wurde zu einem falschen Preis ausgeführt.",
        "Wann bekomme ich die Prämie aus der Aktion?",
    ),
    "id": (
        "Deposit USDT saya belum masuk ke akun, mohon dicek.",
        "Akun saya diretas dan semua saldo saya ditarik orang lain.",
        "Halo, penarikan saya masih tertunda sejak dua hari yang lalu.",
        "Kenapa verifikasi identitas saya ditolak?",
        "Saya tidak bisa masuk ke akun saya, kode verifikasi tidak datang.",
        "Kapan hadiah promosi akan dikirim?",
    ),
    "it": (
        "Il mio deposito di USDT non è ancora arrivato sul conto.",
        "Qualcuno ha fatto accesso al mio account e ha prelevato tutto.",
        "Perché la mia verifica dell'identità è stata rifiutata?",
    ),
    "nl": (
        "Mijn storting van USDT is nog steeds niet op mijn rekening verschenen.",
        "Iemand heeft mijn wachtwoord veranderd en ik kan niet meer inloggen.",
        "Waarom is mijn opname al twee dagen in behandeling?",
    ),
    "pl": (
        "Mój depozyt USDT nie dotarł jeszcze na konto.",
        "Ktoś włamał się na moje konto i wypłacił wszystkie środki.",
        "Dlaczego moja weryfikacja tożsamości została odrzucona?",
    ),
    "uk": (
        "Мій депозит USDT досі не надійшов на рахунок.",
        "Хтось зламав мій акаунт і вивів усі кошти.",
        "Чому мою верифікацію особи відхилено?",
    ),
    "ar": (
        "لم يصل إيداع USDT إلى حسابي حتى الآن.",
        "تم اختراق حسابي وسحب جميع أموالي.",
        "لماذا تم رفض التحقق من هويتي؟",
    ),
    "th": (
        "ฝาก USDT แล้วแต่ยังไม่เข้าบัญชีครับ",
        "บัญชีของฉันถูกแฮก มีคนถอนเงินออกไปหมด",
        "ทำไมการยืนยันตัวตนของฉันถูกปฏิเสธ",
    ),
}

REQUIRED = ("en", "zh", "ja", "ko", "ru", "es", "vi", "tr", "pt", "fr", "de", "id")
SCRIPT_DECIDED = ("zh", "ja", "ko", "th")


def test_accuracy_over_all_sentences_is_high() -> None:
    cases = [(lang, text) for lang, texts in SENTENCES.items() for text in texts]
    wrong = [(lang, text, detect_language(text)) for lang, text in cases
             if detect_language(text) != lang]
    accuracy = 1 - len(wrong) / len(cases)
    print(f"\nlanguage accuracy: {accuracy:.3f} on {len(cases)} sentences; wrong: {wrong}")
    assert accuracy >= 0.95


@pytest.mark.parametrize("language", REQUIRED)
def test_each_required_language_is_mostly_right(language: str) -> None:
    texts = SENTENCES[language]
    right = sum(detect_language(text) == language for text in texts)
    assert len(texts) >= 5
    assert right >= len(texts) - 1


@pytest.mark.parametrize("language", SCRIPT_DECIDED)
def test_script_decided_languages_are_exact(language: str) -> None:
    assert [detect_language(text) for text in SENTENCES[language]] == [language] * len(
        SENTENCES[language]
    )


@pytest.mark.parametrize(
    "text",
    [
        "USDT 充值 TRC20 没到账",
        "我的USDT deposit一直pending，TxID 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "withdraw ETH ERC20 提不出来",
        "KYC 审核失败 passport",
    ],
)
def test_mixed_chinese_and_english_with_tickers_is_chinese(text: str) -> None:
    assert detect_language(text) == "zh"


def test_a_chinese_name_inside_a_long_english_mail_stays_english() -> None:
    text = "Hello, my name is 王伟 and my deposit of 100 USDT has not arrived since yesterday."
    assert detect_language(text) == "en"


def test_japanese_with_kanji_is_japanese_not_chinese() -> None:
    assert detect_language("送金が届きません") == "ja"


@pytest.mark.parametrize(
    "text", ["", "   ", "ok", "??", "0x5c50 TRC20 100 USDT", "https://example.com/a/b", "a@b.co"]
)
def test_empty_or_content_free_text_falls_back_to_english(text: str) -> None:
    assert detect_language(text) == FALLBACK_LANGUAGE


def test_hashes_and_urls_do_not_drag_german_towards_english() -> None:
    text = (
        "Hallo, meine Einzahlung ist nicht angekommen. TxID "
        "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 "
        "https://tronscan.org/#/transaction/abc Adresse TJYeasTPa6gpEEfYqE5Fq8Yx7ymC3ZnyNk"
    )
    assert detect_language(text) == "de"


def test_typical_detection_is_fast() -> None:
    texts = [text for texts in SENTENCES.values() for text in texts]
    detect_language(texts[0])  # loads the model once
    start = time.perf_counter()
    for _ in range(5):
        for text in texts:
            detect_language(text)
    per_call_ms = (time.perf_counter() - start) * 1000 / (5 * len(texts))
    print(f"\nlanguage detection: {per_call_ms:.3f} ms per message")
    assert per_call_ms < 1.0


def test_noise_stripping_still_removes_links_and_addresses_in_any_case() -> None:
    from bridgedesk.triage.language import strip_language_noise

    cleaned = strip_language_noise("Visit HTTPS://Kestrel.Exchange/help or WWW.kestrel.exchange, mail Help@Kestrel.Exchange")
    assert "kestrel" not in cleaned.lower() and "help@" not in cleaned.lower()


@pytest.mark.parametrize("text, count, expected", [("abc", 4, False), ("ab cd", 4, True), ("12 é 3", 1, True), ("", 1, False)])
def test_has_letters_counts_letters_only(text: str, count: int, expected: bool) -> None:
    from bridgedesk.triage.language import has_letters

    assert has_letters(text, count) is expected
