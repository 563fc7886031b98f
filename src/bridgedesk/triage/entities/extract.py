"""Facts an agent needs, pulled out of a support mail: hashes, addresses, ids, codes, amounts.

Two kinds of extractor live here:

* **Self-validating values** (transaction hashes, addresses) are found by shape and then
  proven by their checksum (``checksums.py``). Anything that fails is dropped: an agent who
  copies a reported address must be able to trust it. Solana keys carry no checksum, so a
  32-byte base58 string counts as a Solana address only when the mail talks about Solana.
* **Cued values** (UID, order id, error code, memo/tag) are plain numbers that mean nothing
  without the word before them, so each is found only after a cue word, in the languages
  our customers write (``UID``, ``用户ID``, ``订单号``, ``注文番号``, ``주문번호`` ...).

All lookarounds are ASCII-explicit on purpose: Chinese is written without spaces
("地址TJYeas...没到账"), and Unicode word boundaries would glue the value to the Han
characters around it.

Cue patterns are written in lower case and run over a lower-cased copy of the text with the
same offsets (``fold_case``), not with IGNORECASE: case-blind matching of every alternative at
every position made them the costliest part of extraction. Values are always cut from the
original text, so an order id keeps its capitals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from bridgedesk.triage.entities import checksums
from bridgedesk.triage.entities.errorcodes import DEFAULT_ERROR_CODES


@dataclass(frozen=True)
class Entity:
    """One extracted fact; ``start``/``end`` index the text it came from."""

    type: str
    value: str
    chain: str | None = None
    start: int = 0
    end: int = 0
    meaning: str | None = None  # for error codes: what the configured table says


def extract_entities(
    text: str, *, error_codes: Mapping[str, str] | None = None
) -> list[Entity]:
    """All entities in ``text``, in order of appearance, each (type, value) once."""
    table = DEFAULT_ERROR_CODES if error_codes is None else error_codes
    folded = fold_case(text)
    found = [entity for extractor in EXTRACTORS for entity in extractor(text, folded)]
    found.extend(find_error_codes(text, folded, table))
    return drop_repeats(sorted(found, key=lambda entity: (entity.start, entity.type)))


def fold_case(text: str) -> str:
    """``text`` lower-cased, character for character, so offsets into it are offsets into ``text``.

    ``str.lower`` turns "İ" into two characters; those few keep their case instead.
    """
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def drop_repeats(entities: list[Entity]) -> list[Entity]:
    """Keep the first mention of each (type, value): the agent needs the fact once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for entity in entities:
        key = (entity.type, entity.value)
        if key not in seen:
            seen.add(key)
            kept.append(entity)
    return kept


# --- hashes and addresses ----------------------------------------------------------------

_TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{14,100}(?![0-9A-Za-z])")
_HEX = re.compile(r"[0-9a-fA-F]+")
CONTEXT_WINDOW = 80

# Words that tell which chain a bare 64-hex hash belongs to (BTC, TRON, LTC and DOGE all
# write transaction ids that way; EVM chains prefix 0x).
HASH_CONTEXT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("TRON", re.compile(r"(?<![A-Za-z])(?:trc-?20|tron|trx)(?![A-Za-z])|波场")),
    ("BTC", re.compile(r"(?<![A-Za-z])(?:btc|bitcoin)(?![A-Za-z])|比特币")),
    ("LTC", re.compile(r"(?<![A-Za-z])(?:ltc|litecoin)(?![A-Za-z])|莱特币")),
    ("DOGE", re.compile(r"(?<![A-Za-z])(?:doge|dogecoin)(?![A-Za-z])|狗狗币")),
)
SOLANA_CONTEXT = re.compile(r"(?<![A-Za-z])(?:sol|solana|spl|phantom)(?![A-Za-z])|索拉纳")


def find_chain_values(text: str, folded: str) -> Iterator[Entity]:
    """Checksum-valid transaction hashes and addresses (``folded``: where chain cues are read)."""
    for match in _TOKEN.finditer(text):
        entity = classify_token(match.group(), folded, match.start(), match.end())
        if entity is not None:
            yield entity


def classify_token(token: str, folded: str, start: int, end: int) -> Entity | None:
    """The hash or address ``token`` is, proven by its format, or None; cues read in ``folded``."""
    if token[:2] in ("0x", "0X"):
        return classify_evm(token, start, end)
    if len(token) == 64 and _HEX.fullmatch(token):
        chain = nearest_cue(folded, start, end, HASH_CONTEXT)
        return Entity("tx_hash", token, chain, start, end)
    chain = checksums.segwit_chain(token) or checksums.base58check_chain(token)
    if chain is None and checksums.is_xrp_address(token):
        chain = "XRP"
    if chain is not None:
        return Entity("address", token, chain, start, end)
    return classify_solana(token, folded, start, end)


def classify_evm(token: str, start: int, end: int) -> Entity | None:
    """EVM transaction hash (0x + 64 hex) or EIP-55-valid address (0x + 40 hex)."""
    if len(token) == 66 and _HEX.fullmatch(token, 2):
        return Entity("tx_hash", token, "EVM", start, end)
    if checksums.is_valid_evm_address(token):
        return Entity("address", token, "EVM", start, end)
    return None


def classify_solana(token: str, folded: str, start: int, end: int) -> Entity | None:
    """Solana signature (64 bytes, 86-88 chars) or, with Solana context, a 32-byte key."""
    if not 32 <= len(token) <= 88:
        return None
    size = checksums.base58_length(token)
    if size == 64 and len(token) >= 86:
        return Entity("tx_hash", token, "SOL", start, end)
    solana_nearby = nearest_cue(folded, start, end, (("SOL", SOLANA_CONTEXT),)) is not None
    if size == 32 and len(token) <= 44 and solana_nearby:
        return Entity("address", token, "SOL", start, end)
    return None


def nearest_cue(
    folded: str, start: int, end: int, cues: tuple[tuple[str, re.Pattern[str]], ...]
) -> str | None:
    """Label of the cue closest to folded[start:end] within the context window, if any."""
    before = folded[max(0, start - CONTEXT_WINDOW) : start]
    after = folded[end : end + CONTEXT_WINDOW]
    best: tuple[int, str] | None = None
    for label, pattern in cues:
        for match in pattern.finditer(before):
            best = closer(best, (len(before) - match.end(), label))
        for match in pattern.finditer(after):
            best = closer(best, (match.start(), label))
    return None if best is None else best[1]


def closer(best: tuple[int, str] | None, candidate: tuple[int, str]) -> tuple[int, str]:
    """The nearer of two (distance, label) pairs; the earlier one wins a tie."""
    return candidate if best is None or candidate[0] < best[0] else best


# --- networks --------------------------------------------------------------------------

# (code, words one of which every match contains, pattern over the folded text). The words
# let a mail that names no network skip nine passes; a test proves they never drop a match.
NETWORKS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("TRC20", ("trc", "tron", "波场"),
     re.compile(r"(?<![A-Za-z])(?:trc-?20|tron(?:\s+network)?)(?![A-Za-z0-9])|波场")),
    ("ERC20", ("erc", "ethereum", "以太坊网络"),
     re.compile(r"(?<![A-Za-z])(?:erc-?20|ethereum\s+(?:network|mainnet|chain))(?![A-Za-z0-9])|以太坊网络")),
    ("BEP20", ("bep", "bsc", "bnb", "币安智能链"),
     re.compile(r"(?<![A-Za-z])(?:bep-?20|bsc|bnb\s+smart\s+chain)(?![A-Za-z0-9])|币安智能链")),
    ("BEP2", ("bep", "bnb"), re.compile(r"(?<![A-Za-z])(?:bep-?2|bnb\s+beacon\s+chain)(?![A-Za-z0-9])")),
    ("SOL", ("spl", "solana"), re.compile(r"(?<![A-Za-z])(?:spl|solana)(?![A-Za-z0-9])")),
    ("ARBITRUM", ("arbitrum",), re.compile(r"(?<![A-Za-z])arbitrum(?:\s+one)?(?![A-Za-z0-9])")),
    ("OPTIMISM", ("optimism", "op"), re.compile(r"(?<![A-Za-z])(?:optimism|op\s+mainnet)(?![A-Za-z0-9])")),
    ("POLYGON", ("polygon",), re.compile(r"(?<![A-Za-z])polygon(?:\s+pos)?(?![A-Za-z0-9])")),
    ("AVAXC", ("avax", "avalanche"),
     re.compile(r"(?<![A-Za-z])(?:avax\s*c-?chain|avalanche\s+c-?chain)(?![A-Za-z0-9])")),
)


def find_networks(text: str, folded: str) -> Iterator[Entity]:
    """Network names, normalised to the exchange-style code (Tron → TRC20, BSC → BEP20)."""
    for name, words, pattern in NETWORKS:
        for match in matches_if_mentioned(pattern, words, folded):
            yield Entity("network", name, None, match.start(), match.end())


# --- cued numbers: memo/tag, UID, order id, error code -----------------------------------

# Filler allowed between a cue and its value: "UID: 123", "UID是123", "order no. #123".
_SEP = r"(?:\s*(?:[:：#=＃]|is|是|为|為|は|는|号|號|填了|填的|填写的?|写了|写的)\s*)*\s*"

_TAG = re.compile(
    r"(?<![A-Za-z])(?:destination\s*tag|dest\.?\s*tag|tag)" + _SEP + r"(?P<value>\d{1,10})(?![0-9A-Za-z])"
    r"|(?:目标标签|标签)" + _SEP + r"(?P<value2>\d{1,10})(?![0-9A-Za-z])",
)
_MEMO = re.compile(
    r"(?:(?<![A-Za-z])memo|备注|メモ|메모)" + _SEP + r"(?P<value>(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{1,40})(?![0-9A-Za-z])",
)
_UID = re.compile(
    r"(?:(?<![A-Za-z])(?:uid|user\s*id|userid|user\s+number)|(?:用户|用戶|账号|账户|帳號|帳戶)\s*(?:id|编号|號碼)"
    r"|ユーザー\s*id|사용자\s*id|회원\s*번호|id\s+пользователя)"
    + _SEP + r"(?P<value>\d{6,12})(?![0-9A-Za-z])",
)
_ORDER = re.compile(
    r"(?:(?<![A-Za-z])(?:withdrawal\s*(?:id|no\.?|number)|order\s*(?:id|no\.?|number)?)"
    r"|订单号?|訂單號?|委托单号|提币\s*(?:id|单号)|提现\s*(?:id|单号)|注文番号|주문\s*번호|номер\s+ордера)"
    + _SEP + r"(?P<value>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{7,24})(?![0-9A-Za-z-])",
)


def cue_matches(pattern: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(folded)``, skipped when none of its cue words is in the text."""
    return matches_if_mentioned(pattern, CUE_WORDS.get(pattern, ()), folded)


def matches_if_mentioned(pattern: re.Pattern[str], words: tuple[str, ...], folded: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(folded)`` when one of ``words`` is in the text; nothing otherwise."""
    if any(word in folded for word in words):
        yield from pattern.finditer(folded)


def find_memos(text: str, folded: str) -> Iterator[Entity]:
    """Memo values and XRP destination tags; both are needed to credit a shared address."""
    for match in cue_matches(_TAG, folded):
        group = "value" if match.group("value") is not None else "value2"
        yield Entity("memo", text[match.start(group):match.end(group)], "XRP", match.start(group), match.end(group))
    yield from cued_values(_MEMO, "memo", text, folded)


def find_uids(text: str, folded: str) -> Iterator[Entity]:
    """Exchange user ids: 6-12 digits after a UID cue."""
    return cued_values(_UID, "uid", text, folded)


def find_order_ids(text: str, folded: str) -> Iterator[Entity]:
    """Order / withdrawal ids: 8-25 digits or letters (with a digit) after an order cue."""
    return cued_values(_ORDER, "order_id", text, folded)


def cued_values(pattern: re.Pattern[str], kind: str, text: str, folded: str) -> Iterator[Entity]:
    """Entities of ``kind`` where ``pattern`` matches ``folded``, the value cut from ``text``."""
    for match in cue_matches(pattern, folded):
        start, end = match.span("value")
        yield Entity(kind, text[start:end], None, start, end)


_ERROR_CUED = re.compile(
    r"(?:(?<![A-Za-z])(?P<cue>error\s*code|err(?:or)?_?code|error|err|code|status)"
    r"|错误码|错误代码|错误|报错|エラーコード|エラー|오류\s*코드|에러\s*코드|오류|에러|код\s+ошибки|ошибка)"
    + _SEP + r"[\"']?(?P<value>-?\d{3,6})(?![0-9A-Za-z]|[.,]\d)",
)
_ERROR_JSON = re.compile(r"[\"']code[\"']\s*:\s*[\"']?(?P<value>-?\d{3,6})(?!\d)")
_ERROR_BARE = re.compile(r"(?<![0-9A-Za-z.\-])(?P<value>-\d{4})(?![0-9]|[.,]\d)")
# A bare "code" after these words is a one-time or referral code, never an error.
_NOT_ERROR_CODE = re.compile(
    r"(?:verif\w*|confirm\w*|2fa|otp|sms|e-?mail|authenticator|google|security|promo|referral"
    r"|invit\w*|coupon|voucher|bonus|zip|postal|country|area|withdrawal|login)\W*$",
)


# Words one of which every match of a cue pattern contains: a mail without any skips the pass.
# (A test runs the patterns over real and generated mail to prove no match lacks them.)
CUE_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _TAG: ("tag", "标签"),
    _MEMO: ("memo", "备注", "メモ", "메모"),
    _UID: ("uid", "user", "用户", "用戶", "账号", "账户", "帳號", "帳戶", "ユーザー", "사용자", "회원", "пользователя"),
    _ORDER: ("withdrawal", "order", "订单", "訂單", "委托单号", "提币", "提现", "注文番号", "주문", "номер"),
    _ERROR_CUED: ("err", "code", "status", "错误", "报错", "エラー", "오류", "에러", "ошибк"),
    _ERROR_JSON: ("code",),
}


def find_error_codes(text: str, folded: str, table: Mapping[str, str]) -> Iterator[Entity]:
    """API error codes: after an error cue, as JSON ``"code":``, or bare known negatives.

    Codes are digits, so cutting them from ``folded`` gives the same value as from ``text``.
    """
    for match in cue_matches(_ERROR_CUED, folded):
        if is_error_cue(match, folded):
            yield error_entity(match, table)
    for match in cue_matches(_ERROR_JSON, folded):
        yield error_entity(match, table)
    for match in _ERROR_BARE.finditer(text):
        if match.group("value") in table:
            yield error_entity(match, table)


def is_error_cue(match: re.Match[str], folded: str) -> bool:
    """False for "verification code 123456" and the like, where "code" is not an error."""
    if (match.group("cue") or "") not in ("code", "status"):
        return True
    preceding = folded[max(0, match.start() - 25) : match.start()]
    return _NOT_ERROR_CODE.search(preceding) is None


def error_entity(match: re.Match[str], table: Mapping[str, str]) -> Entity:
    """An error_code entity with its meaning from the configured table."""
    value = match.group("value")
    return Entity("error_code", value, None, match.start("value"), match.end("value"), table.get(value))


# --- amounts and e-mail addresses --------------------------------------------------------

_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_AMOUNT = re.compile(
    r"(?<![0-9A-Za-z.,])" + _NUMBER + r"\s*(?:个|枚|개)?\s*"
    r"(?P<ticker>(?i:usdt|usdc|fdusd|tusd|busd|dai|btc|eth|trx|bnb|xrp|ltc|doge|ada|matic"
    r"|arb|avax|shib|pepe|apt|sui|xlm|bch)|TON|DOT|OP|SOL|UNI|NEAR|POL|LINK|ATOM|ETC|FIL"
    r"|EUR|USD|CNY|U)(?![0-9A-Za-z])"
)
# "500U" is Chinese shorthand for 500 USDT; with a space, "U" is too ambiguous to trust.
_SHORTHAND_TICKERS: Mapping[str, str] = {"U": "USDT"}
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9-])"
)


def find_amounts(text: str, folded: str) -> Iterator[Entity]:
    """Amounts with a currency ticker, normalised to "1000.00 USDC" (no thousands commas).

    Read in ``text``, not ``folded``: "SOL", "OP", "UNI" count only in capitals.
    """
    for match in _AMOUNT.finditer(text):
        ticker = match.group("ticker")
        if ticker in _SHORTHAND_TICKERS and match.end("number") != match.start("ticker"):
            continue
        number = match.group("number").replace(",", "")
        symbol = _SHORTHAND_TICKERS.get(ticker, ticker.upper())
        yield Entity("amount", f"{number} {symbol}", None, match.start(), match.end())


def find_emails(text: str, folded: str) -> Iterator[Entity]:
    """E-mail addresses written in the body (the sender's own address is not in the body)."""
    for match in _EMAIL.finditer(text):
        yield Entity("email", match.group(), None, match.start(), match.end())


# Extractors that need nothing but the text and its folded copy (error codes also need the table).
EXTRACTORS: tuple[Callable[[str, str], Iterator[Entity]], ...] = (
    find_chain_values,
    find_networks,
    find_memos,
    find_uids,
    find_order_ids,
    find_amounts,
    find_emails,
)
