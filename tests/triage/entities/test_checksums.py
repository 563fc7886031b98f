"""Checksum primitives, on the published examples."""

from __future__ import annotations

import json
from pathlib import Path

from bridgedesk.triage.entities import checksums

VECTORS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "address_vectors"


def test_eip55_lowercase_to_checksum_example_from_the_eip() -> None:
    example = json.loads((VECTORS / "eip55_checksum_addresses.json").read_text())
    example = example["lowercase_to_checksum_example"]
    assert "0x" + checksums.eip55_checksum_body(example["input"][2:]) == example["output"]


def test_bech32m_constant_is_required_for_taproot_and_bech32_for_v0() -> None:
    taproot = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
    v0 = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert checksums.segwit_chain(taproot) == "BTC"
    assert checksums.segwit_chain(v0) == "BTC"
    assert checksums.parse_bech32(taproot)[2] == checksums.BECH32M_CONST  # type: ignore[index]
    assert checksums.parse_bech32(v0)[2] == checksums.BECH32_CONST  # type: ignore[index]


def test_mixed_case_bech32_is_rejected() -> None:
    assert checksums.segwit_chain("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7KV8f3t4") is None


def test_base58check_versions_map_to_chains() -> None:
    assert checksums.base58check_chain("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t") == "TRON"
    assert checksums.base58check_chain("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo") == "BTC"
    assert checksums.base58check_chain("not-base58-0OIl") is None
    assert checksums.is_xrp_address("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")
    assert not checksums.is_xrp_address("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo")
