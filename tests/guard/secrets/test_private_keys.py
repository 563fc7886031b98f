import json

import base58
import pytest
from Crypto.PublicKey import ECC

from bridgedesk.guard.secrets.private_keys import find_private_keys
from tests.guard.shared import SHARED_DATA, load_bip39_vectors

KEY_IO = SHARED_DATA / "address_vectors" / "bitcoin_core"
HEX = "e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262"
KEYSTORE = {
    "address": "008aeeda4d805471df9b2a5b0f38a0c3bcba786b",
    "crypto": {
        "cipher": "aes-128-ctr",
        "cipherparams": {"iv": "83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
        "kdf": "scrypt",
        "kdfparams": {"dklen": 32, "n": 262144, "p": 8, "r": 1, "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097",
    },
    "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
    "version": 3,
}


def kinds(text):
    return [(f.detector, text[f.start : f.end]) for f in find_private_keys(text)]


def test_bitcoin_core_wif_keys_are_found_and_addresses_are_not():
    vectors = json.loads((KEY_IO / "key_io_valid.json").read_text())
    private = [v for v in vectors if v[2].get("isPrivkey")]
    assert len(private) >= 10
    for value, _hex, meta in vectors:
        found = kinds(f"here it is: {value} thanks")
        if meta.get("isPrivkey"):
            assert found == [("wif", value)]
        else:
            assert found == []


def test_bitcoin_core_invalid_strings_are_never_keys():
    vectors = json.loads((KEY_IO / "key_io_invalid.json").read_text())
    assert all(kinds(v[0]) == [] for v in vectors)


def test_wif_with_one_character_changed_fails_its_checksum():
    vectors = json.loads((KEY_IO / "key_io_valid.json").read_text())
    wif = next(v[0] for v in vectors if v[2].get("isPrivkey"))
    broken = wif[:20] + ("2" if wif[20] != "2" else "3") + wif[21:]
    assert kinds(broken) == []


def test_bip39_vector_xprv_keys_are_found():
    xprvs = [v[3] for vectors in load_bip39_vectors().values() for v in vectors]
    assert len(xprvs) == 288
    for xprv in xprvs[:60]:
        assert kinds(f"my master key {xprv}") == [("xprv", xprv)]


def test_xpub_is_public_and_not_a_secret():
    xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
    assert kinds(xpub) == []


@pytest.mark.parametrize(
    "text",
    [
        f"my private key: {HEX}",
        f"私钥：{HEX}",
        f"秘密鍵 {HEX}",
        f"개인키: 0x{HEX}",
        f"privkey={HEX}",
        f"{HEX} <- that is my private key",
        f"secret: {HEX}",
    ],
)
def test_hex_key_with_key_context_is_secret(text):
    assert [d for d, _ in kinds(text)] == ["hex_key"]


@pytest.mark.parametrize(
    "text",
    [
        f"txid {HEX}",
        f"交易哈希：{HEX}",
        f"The deposit transaction {HEX} is not credited",
        f"hash: {HEX}\nI think my private key is safe",
        HEX,
    ],
)
def test_tx_hash_stays_untouched(text):
    assert kinds(text) == []


def test_keystore_json_is_found_whole():
    body = json.dumps(KEYSTORE, indent=2)
    text = f"Here is my wallet file:\n{body}\nPlease recover it."
    assert kinds(text) == [("eth_keystore", body)]


def test_keystore_with_capital_crypto_key_is_found():
    legacy = dict(KEYSTORE)
    legacy["Crypto"] = legacy.pop("crypto")
    body = json.dumps(legacy)
    assert kinds(body) == [("eth_keystore", body)]


def test_broken_keystore_fragment_is_still_redacted():
    fragment = '"crypto": {"ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c", "kdf": "scrypt", "mac": "2103ac29"'
    found = find_private_keys("my file:\n" + fragment)
    assert len(found) == 1 and found[0].confidence < 1.0


def test_json_with_ciphertext_but_no_kdf_is_not_a_keystore():
    assert kinds('{"ciphertext": "abcd", "note": "tls session"}') == []


def solana_keypair(seed: bytes) -> bytes:
    public = ECC.construct(curve="Ed25519", seed=seed).public_key().export_key(format="raw")
    return seed + public


def test_solana_keypair_array_is_found_and_verified():
    array = "[" + ",".join(str(b) for b in solana_keypair(bytes(range(7, 39)))) + "]"
    [finding] = find_private_keys(f"solana id.json: {array}")
    assert finding.detector == "solana_array" and finding.confidence == 1.0


def test_unverifiable_64_byte_array_is_still_redacted_with_less_certainty():
    array = "[" + ",".join(str((i * 37) % 256) for i in range(64)) + "]"
    [finding] = find_private_keys(f"solana id.json: {array}")
    assert finding.detector == "solana_array" and finding.confidence < 1.0


def test_phantom_base58_secret_key_is_found():
    exported = base58.b58encode(solana_keypair(bytes(range(100, 132)))).decode()
    assert kinds(f"Phantom export: {exported}") == [("solana_base58", exported)]


def test_base58_of_64_random_bytes_is_not_a_solana_key():
    random_looking = base58.b58encode(bytes((i * 91 + 7) % 256 for i in range(64))).decode()
    assert kinds(random_looking) == []


@pytest.mark.parametrize(
    "array",
    [
        "[" + ",".join(str(i) for i in range(32)) + "]",
        "[" + ",".join(str(i * 5) for i in range(64)) + "]",  # values above 255
        "[" + ",".join(str(i) for i in range(65)) + "]",
    ],
)
def test_other_number_arrays_are_not_keys(array):
    assert kinds(array) == []
