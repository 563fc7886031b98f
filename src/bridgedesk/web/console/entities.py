"""The ticket page's entity panel: every entity of every message once, with explorer links.

Explorer links are built only from values that match the chain's own alphabet, so a value can
never smuggle a different URL into the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_SAFE_VALUE = re.compile(r"^(0x)?[0-9A-Za-z]{16,128}$")
_EXPLORERS = {
    ("tx_hash", "EVM"): "https://etherscan.io/tx/{}",
    ("address", "EVM"): "https://etherscan.io/address/{}",
    ("tx_hash", "TRON"): "https://tronscan.org/#/transaction/{}",
    ("address", "TRON"): "https://tronscan.org/#/address/{}",
    ("tx_hash", "BTC"): "https://mempool.space/tx/{}",
    ("address", "BTC"): "https://mempool.space/address/{}",
    ("tx_hash", "LTC"): "https://litecoinspace.org/tx/{}",
    ("address", "LTC"): "https://litecoinspace.org/address/{}",
    ("tx_hash", "SOL"): "https://solscan.io/tx/{}",
    ("address", "SOL"): "https://solscan.io/account/{}",
    ("tx_hash", "DOGE"): "https://dogechain.info/tx/{}",
    ("address", "DOGE"): "https://dogechain.info/address/{}",
}


@dataclass(frozen=True)
class EntityRow:
    type: str
    value: str
    chain: str
    explorer_url: str
    meaning: str


def explorer_url(kind: str, chain: str, value: str) -> str:
    template = _EXPLORERS.get((kind, chain))
    if template is None or not _SAFE_VALUE.match(value):
        return ""
    return template.format(value)


def collect_entities(entity_lists: Iterable[list[Mapping[str, str]]], error_codes: Mapping[str, str]) -> list[EntityRow]:
    """Deduplicated rows in first-seen order; error codes carry their configured meaning."""
    seen: dict[tuple[str, str], EntityRow] = {}
    for entities in entity_lists:
        for e in entities or ():
            kind, value, chain = str(e.get("type", "")), str(e.get("value", "")), str(e.get("chain", "") or "")
            if not kind or not value or (kind, value) in seen:
                continue
            meaning = str(e.get("meaning", "") or error_codes.get(value, "")) if kind == "error_code" else ""
            seen[(kind, value)] = EntityRow(kind, value, chain, explorer_url(kind, chain, value), meaning)
    return list(seen.values())
