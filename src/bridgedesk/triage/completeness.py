"""What a ticket still needs before an agent can act, and the paragraph that asks for it.

Requirements are data: per category, a tuple of *groups*; each group is a tuple of
alternative entity types, any one of which satisfies it ("a withdrawal needs a tx hash OR a
withdrawal/order id"). A group that is not satisfied is reported as one missing item, its
alternatives joined by ``|`` ("tx_hash|order_id"), so one reply from the customer that
supplies either clears it and the acknowledgement asks for it as one request, not two.

The customer-facing wording is data too (``FIELD_REQUESTS``, ``PARAGRAPHS``), one table per
language; a language without a table gets English (ARCHITECTURE.md, "Languages").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from bridgedesk.triage.vocabulary import Category

ALTERNATIVE_SEPARATOR = "|"

Requirements = Mapping[str, tuple[tuple[str, ...], ...]]

DEFAULT_REQUIREMENTS: Requirements = MappingProxyType(
    {
        Category.DEPOSIT: (("tx_hash",),),
        Category.WITHDRAWAL: (("tx_hash", "order_id"),),
        Category.TRADING: (("order_id",),),
        Category.API: (("error_code",),),
    }
)


def missing_fields(
    category: str, entity_types: Iterable[str], requirements: Requirements = DEFAULT_REQUIREMENTS
) -> list[str]:
    """Unsatisfied requirement groups of ``category``, each as "a" or "a|b" (alternatives)."""
    present = set(entity_types)
    return [
        ALTERNATIVE_SEPARATOR.join(group)
        for group in requirements.get(category, ())
        if not present.intersection(group)
    ]


def requirements_from_config(table: Mapping[str, Sequence[str | Sequence[str]]]) -> Requirements:
    """Build requirements from a config table: ``deposit = ["tx_hash"]``,
    ``withdrawal = [["tx_hash", "order_id"]]`` (a nested list is a group of alternatives)."""
    return MappingProxyType(
        {
            category: tuple(
                (item,) if isinstance(item, str) else tuple(item) for item in groups
            )
            for category, groups in table.items()
        }
    )


# Per language: field → what to send and where to find it. Brand-neutral menu names.
FIELD_REQUESTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": {
            "tx_hash": "the TxID (transaction hash): open Assets → History → the deposit or "
            "withdrawal, and copy the TxID",
            "order_id": "the order or withdrawal ID: open Orders (or Assets → History for a "
            "withdrawal) → the entry → ID",
            "error_code": "the error code and message the API returned (e.g. "
            '{"code":"50111","msg":"..."}), with the endpoint you called',
            "uid": "your UID: open Profile; it is the number under your nickname",
            "address": "the address you sent to or from, copied in full",
            "network": "the network you used (e.g. TRC20, ERC20, BEP20)",
            "memo": "the memo / tag you entered, if the coin uses one",
            "amount": "the amount and coin",
        },
        "zh": {
            "tx_hash": "交易哈希（TxID）：打开 资产 → 历史记录 → 对应的充值或提币记录，复制 TxID",
            "order_id": "订单号或提币ID：打开 订单（提币请打开 资产 → 历史记录）→ 对应记录 → 订单号",
            "error_code": '接口返回的错误码和错误信息（例如 {"code":"50111","msg":"..."}），以及调用的接口',
            "uid": "您的UID：打开 个人中心，昵称下方的数字",
            "address": "完整的收款或转出地址",
            "network": "使用的网络（例如 TRC20、ERC20、BEP20）",
            "memo": "转账时填写的备注（Memo/Tag），如该币种需要",
            "amount": "金额和币种",
        },
    }
)

# Per language: (opening line, bullet prefix, word joining alternatives, closing line).
PARAGRAPHS: Mapping[str, tuple[str, str, str, str]] = MappingProxyType(
    {
        "en": (
            "To look into this without delay, please reply to this e-mail with:",
            "- ",
            "; or ",
            "Please never send your password, 2FA codes, private keys or recovery phrase: "
            "we will never ask for them.",
        ),
        "zh": (
            "为了尽快为您处理，请直接回复本邮件并提供：",
            "- ",
            "；或 ",
            "请勿发送密码、二次验证码、私钥或助记词，我们绝不会向您索取这些信息。",
        ),
    }
)
FALLBACK_LANGUAGE = "en"


def ask_for_missing(missing: Sequence[str], language: str) -> str:
    """The paragraph asking for exactly ``missing`` (as from ``missing_fields``), or ""."""
    if not missing:
        return ""
    lang = language if language in PARAGRAPHS and language in FIELD_REQUESTS else FALLBACK_LANGUAGE
    opening, bullet, alternative, closing = PARAGRAPHS[lang]
    lines = [bullet + describe_group(item, FIELD_REQUESTS[lang], alternative) for item in missing]
    return "\n".join([opening, *lines, closing])


def describe_group(item: str, requests: Mapping[str, str], alternative: str) -> str:
    """One bullet for a group: each alternative's request, joined by the "or" word."""
    fields = item.split(ALTERNATIVE_SEPARATOR)
    return alternative.join(requests.get(field, field) for field in fields)
