"""Addresses against the official vectors: BIP-173, BIP-350, Bitcoin Core key_io, EIP-55.

Every valid address must be found, with its chain, when written inside a sentence; no
invalid string may ever come out as an address or a hash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bridgedesk.triage.entities.extract import Entity, extract_entities

VECTORS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "address_vectors"


def load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def chain_values(text: str) -> list[Entity]:
    return [e for e in extract_entities(text) if e.type in ("address", "tx_hash")]


def found_address(candidate: str) -> Entity | None:
    """The address entity for ``candidate`` written mid-sentence, in English and Chinese."""
    english = [e for e in chain_values(f"Please send it to {candidate} today.") if e.type == "address"]
    chinese = [e for e in chain_values(f"充值地址{candidate}一直没到账") if e.type == "address"]
    assert [(e.value, e.chain) for e in english] == [(e.value, e.chain) for e in chinese]
    return english[0] if english and english[0].value == candidate else None


BIP350 = load("bip350_bech32m_vectors.json")
BIP173 = load("bip173_bech32_vectors.json")
CORE_VALID = load("bitcoin_core/key_io_valid.json")
CORE_INVALID = load("bitcoin_core/key_io_invalid.json")
EIP55 = load("eip55_checksum_addresses.json")


@pytest.mark.parametrize("vector", BIP350["valid_segwit_addresses"], ids=lambda v: v["string"][:20])
def test_bip350_valid_segwit_addresses_are_bitcoin(vector: dict[str, str]) -> None:
    entity = found_address(vector["string"])
    assert entity is not None and entity.chain == "BTC"


@pytest.mark.parametrize(
    "candidate",
    [v["string"] for v in BIP350["invalid_segwit_addresses"] + BIP350["invalid_bech32m"]]
    + [v["string"] for v in BIP350["valid_bech32m"]],
)
def test_bip350_invalid_addresses_and_plain_bech32m_strings_are_never_addresses(candidate: str) -> None:
    assert chain_values(f"address {candidate} end") == []


def test_bip173_v0_addresses_are_found_and_old_checksum_v1_plus_is_rejected() -> None:
    # BIP-350 made witness v1+ with the bech32 (not bech32m) checksum invalid.
    vectors = [v["string"] for v in BIP173["valid_segwit_addresses"]]
    version_zero = [s for s in vectors if s.lower().split("1", 1)[1][0] == "q"]
    later = [s for s in vectors if s not in version_zero]
    assert version_zero and later
    assert all(found_address(s) is not None for s in version_zero)
    assert all(found_address(s) is None for s in later)


@pytest.mark.parametrize(
    "candidate",
    [v["string"] for v in BIP173["invalid_segwit_addresses"] + BIP173["invalid_bech32"]],
)
def test_bip173_invalid_strings_are_never_addresses(candidate: str) -> None:
    assert chain_values(f"address {candidate} end") == []


CORE_ADDRESSES = [v for v in CORE_VALID if not v[2]["isPrivkey"]]
CORE_PRIVATE_KEYS = [v for v in CORE_VALID if v[2]["isPrivkey"]]


@pytest.mark.parametrize("vector", CORE_ADDRESSES, ids=lambda v: f"{v[2]['chain']}-{v[0][:12]}")
def test_bitcoin_core_valid_addresses_are_found_on_every_network(vector: list[Any]) -> None:
    entity = found_address(vector[0])
    assert entity is not None and entity.chain == "BTC"


def test_bitcoin_core_private_keys_are_not_addresses() -> None:
    assert len(CORE_PRIVATE_KEYS) == 16
    assert [v[0] for v in CORE_PRIVATE_KEYS if chain_values(f"key {v[0]} end")] == []


def test_bitcoin_core_invalid_strings_are_never_addresses_or_hashes() -> None:
    assert len(CORE_INVALID) == 79
    leaked = [v[0] for v in CORE_INVALID if chain_values(f"地址 {v[0]} 不对")]
    assert leaked == []


EIP55_ALL = [a for group in EIP55["test_cases"].values() for a in group]


@pytest.mark.parametrize("address", EIP55_ALL)
def test_eip55_addresses_are_found_as_evm(address: str) -> None:
    entity = found_address(address)
    assert entity is not None and entity.chain == "EVM"


@pytest.mark.parametrize("address", EIP55["test_cases"]["normal"])
def test_eip55_one_flipped_letter_is_rejected(address: str) -> None:
    position = next(i for i, c in enumerate(address) if i > 1 and c.isalpha())
    flipped = address[:position] + address[position].swapcase() + address[position + 1 :]
    assert found_address(flipped) is None


@pytest.mark.parametrize("address", EIP55["test_cases"]["normal"])
def test_eip55_unchecksummed_lowercase_and_uppercase_are_accepted(address: str) -> None:
    lower = "0x" + address[2:].lower()
    upper = "0x" + address[2:].upper()
    assert found_address(lower) is not None and found_address(upper) is not None


def test_vector_pass_counts_are_reported() -> None:
    found = sum(found_address(v[0]) is not None for v in CORE_ADDRESSES)
    found += sum(found_address(v["string"]) is not None for v in BIP350["valid_segwit_addresses"])
    found += sum(found_address(a) is not None for a in EIP55_ALL)
    total = len(CORE_ADDRESSES) + len(BIP350["valid_segwit_addresses"]) + len(EIP55_ALL)
    rejected_pool = [v[0] for v in CORE_INVALID] + [
        v["string"] for v in BIP350["invalid_segwit_addresses"] + BIP173["invalid_segwit_addresses"]
    ]
    rejected = sum(not chain_values(f"x {s} y") for s in rejected_pool)
    print(f"\nvalid found {found}/{total}; invalid rejected {rejected}/{len(rejected_pool)}")
    assert found == total and rejected == len(rejected_pool)
