"""Wallet private keys in the forms users paste them: hex, WIF, BIP32 xprv, keystore JSON, Solana.

Every form with a checksum is validated (base58check for WIF and extended keys; a Solana
keypair's second half must be the Ed25519 public key of its first) so random base58 text is
not flagged. A bare 64-hex string is either a private key or a transaction hash
and looks identical, so only the words around it decide: ``private key``/``私钥`` → secret, a
tx hash → left alone for triage to pick up as an entity.
"""

from __future__ import annotations

import json
import re

import base58
from Crypto.PublicKey import ECC

from bridgedesk.guard.secrets.findings import Finding

_B58 = "1-9A-HJ-NP-Za-km-z"
# One cheap pass finds long alphanumeric tokens; each form is then checked on those few only.
_LONG_TOKEN = re.compile(r"[0-9A-Za-z]{50,}+")  # possessive: no retry inside a short word
_HEX64 = re.compile(r"(?:0x)?[0-9a-fA-F]{64}")
_KEY_CONTEXT = re.compile(
    r"priv(?:ate)?[\s_\-]*key|privkey|\bpriv\b|\bsecret\b|\bpk\s*[:=]|私钥|私鑰|密钥|秘密鍵|개인\s?키|"
    r"приватн\w*\s+ключ|clave\s+privada|chave\s+privada|clé\s+privée|private_key|privateKey",
    re.IGNORECASE,
)
_HASH_CONTEXT = re.compile(r"tx\s*(?:id|hash)|txid|transaction|hash|交易|哈希|区块|block", re.IGNORECASE)
_CONTEXT_BEFORE = 60
_WIF = re.compile(rf"[5KLc9][{_B58}]{{50,51}}")
_EXTENDED = re.compile(rf"[xyztuvYZUV]prv[{_B58}]{{100,112}}")
_CIPHERTEXT = re.compile(r"[\"']ciphertext[\"']\s*:", re.IGNORECASE)
_SOLANA_START = re.compile(r"\[\s*\d{1,3}\s*,")
_SOLANA_ARRAY = re.compile(r"\[\s*\d{1,3}(?:\s*,\s*\d{1,3}){63}\s*,?\s*\]")
_SOLANA_BASE58 = re.compile(rf"[{_B58}]{{86,88}}")
_WIF_VERSIONS = {0x80, 0xEF}
_EXTENDED_LENGTH = 78
_KEYSTORE_REACH = 4096
_MAX_BRACES_TRIED = 16


def find_private_keys(text: str) -> list[Finding]:
    """All private-key findings in ``text`` (possibly overlapping; the caller merges)."""
    findings = [
        f for m in _LONG_TOKEN.finditer(text) if _stands_alone(text, m) and (f := _judge_long_token(text, m))
    ]
    if "ciphertext" in text.lower():
        findings.extend(_find_keystores(text))
    if "[" in text:
        findings.extend(_find_solana_arrays(text))
    return findings


def _stands_alone(text: str, match: re.Match[str]) -> bool:
    """Not the tail of a longer alphanumeric run (the pattern has no costly look-behind)."""
    return match.start() == 0 or not text[match.start() - 1].isalnum()


def _judge_long_token(text: str, match: re.Match[str]) -> Finding | None:
    token, start, end = match.group(), match.start(), match.end()
    if _HEX64.fullmatch(token):
        confidence = _private_key_confidence(text, start, end)
        return Finding("private_key", start, end, confidence, "hex_key") if confidence else None
    if _WIF.fullmatch(token) and _is_wif(token):
        return Finding("private_key", start, end, 1.0, "wif")
    if _EXTENDED.fullmatch(token) and _is_extended_key(token):
        return Finding("private_key", start, end, 1.0, "xprv")
    if _SOLANA_BASE58.fullmatch(token) and _is_solana_keypair(base58.b58decode(token)):
        return Finding("private_key", start, end, 1.0, "solana_base58")
    return None


def _is_solana_keypair(keypair: bytes) -> bool:
    """A Solana secret key is seed‖public key: the second half must be the seed's Ed25519 key."""
    if len(keypair) != 64:
        return False
    derived = ECC.construct(curve="Ed25519", seed=keypair[:32]).public_key().export_key(format="raw")
    return derived == keypair[32:]


def _private_key_confidence(text: str, start: int, end: int) -> float:
    """The nearest context wins: 'private key' before it (or later on its line), not 'tx hash'.

    A bare "secret" is weaker evidence (it may be an API secret, which the credential detector
    names better), so it yields a lower confidence and loses a merge to that detector.
    """
    before = text[max(0, start - _CONTEXT_BEFORE) : start]
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end != -1 else len(text)][:_CONTEXT_BEFORE]
    key_before = _last_match(_KEY_CONTEXT, before)
    hash_position = _last_match(_HASH_CONTEXT, before)
    if key_before is not None and (hash_position is None or key_before.start() > hash_position.start()):
        return _strength(key_before)
    if key_before is None and hash_position is None:
        key_after = _KEY_CONTEXT.search(after)
        return _strength(key_after) if key_after else 0.0
    return 0.0


def _strength(context: re.Match[str]) -> float:
    return 0.8 if context.group().lower() == "secret" else 0.9


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    last = None
    for match in pattern.finditer(text):
        last = match
    return last


def _decodes_with_checksum(candidate: str) -> bytes | None:
    try:
        return base58.b58decode_check(candidate)
    except ValueError:
        return None


def _is_wif(token: str) -> bool:
    payload = _decodes_with_checksum(token)
    if payload is None or payload[0] not in _WIF_VERSIONS:
        return False
    return len(payload) == 33 or (len(payload) == 34 and payload[-1] == 1)


def _is_extended_key(token: str) -> bool:
    """BIP32 serialization: 78 bytes, and a private key is prefixed by a zero byte at 45."""
    payload = _decodes_with_checksum(token)
    return payload is not None and len(payload) == _EXTENDED_LENGTH and payload[45] == 0


def _find_keystores(text: str) -> list[Finding]:
    """Whole keystore objects (``crypto`` with ``ciphertext`` and ``kdf``); the fragment if broken."""
    findings: list[Finding] = []
    for match in _CIPHERTEXT.finditer(text):
        if findings and match.start() < findings[-1].end:
            continue
        span = _enclosing_keystore(text, match.start())
        if span is not None:
            findings.append(Finding("private_key", span[0], span[1], 1.0, "eth_keystore"))
        elif re.search(r"[\"']kdf[\"']", text[match.start() : match.start() + _KEYSTORE_REACH]):
            end = _end_of_fragment(text, match.end())
            findings.append(Finding("private_key", match.start(), end, 0.8, "eth_keystore"))
    return findings


def _enclosing_keystore(text: str, position: int) -> tuple[int, int] | None:
    """The outermost JSON object around ``position`` that is (or wraps) a keystore."""
    decoder = json.JSONDecoder()
    lower_bound = max(0, position - _KEYSTORE_REACH)
    best: tuple[int, int] | None = None
    brace = text.rfind("{", lower_bound, position)
    for _ in range(_MAX_BRACES_TRIED):
        if brace == -1:
            break
        try:
            value, end = decoder.raw_decode(text, brace)
        except ValueError:
            value, end = None, -1
        if end > position and _is_keystore(value):
            best = (brace, end)
        brace = text.rfind("{", lower_bound, brace)
    return best


def _is_keystore(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    crypto = value.get("crypto", value.get("Crypto", value))
    return isinstance(crypto, dict) and "ciphertext" in crypto and "kdf" in crypto


def _end_of_fragment(text: str, start: int) -> int:
    """Broken JSON: cut at the first blank line so the ciphertext and MAC go with it."""
    blank = text.find("\n\n", start)
    return blank if blank != -1 else len(text)


def _find_solana_arrays(text: str) -> list[Finding]:
    """Solana CLI keypair files: a JSON array of exactly 64 byte values."""
    findings = []
    for opening in _SOLANA_START.finditer(text):
        match = _SOLANA_ARRAY.match(text, opening.start())
        if match is None:
            continue
        values = [int(v) for v in re.findall(r"\d+", match.group())]
        if all(v <= 255 for v in values):
            confidence = 1.0 if _is_solana_keypair(bytes(values)) else 0.9
            findings.append(Finding("private_key", match.start(), match.end(), confidence, "solana_array"))
    return findings
