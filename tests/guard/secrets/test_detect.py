import pytest

from bridgedesk.guard.secrets.detect import find_secrets
from bridgedesk.guard.secrets.findings import SECRET_TYPES, Finding, merge_overlaps
from bridgedesk.guard.secrets.redact import redact

PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
MIXED = (
    "Subject line aside, here is everything:\n"
    f"my seed: {PHRASE}\n"
    "my password is hunter22\n"
    "API Key: 2a6b5c3e-1f4d-4e8a-9b7c-0d1e2f3a4b5c\n"
    "验证码 123456\n"
    "card 4111 1111 1111 1111\n"
    "txid e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262 is stuck\n"
)


def test_every_kind_in_one_message_is_found_sorted_and_disjoint():
    findings = find_secrets(MIXED)
    assert [f.type for f in findings] == ["seed_phrase", "password", "api_key", "otp_code", "card_number"]
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    assert all(f.type in SECRET_TYPES for f in findings)


def test_redacted_message_keeps_the_tx_hash_and_loses_every_secret():
    safe = redact(MIXED, find_secrets(MIXED))
    for secret in ("legal winner", "hunter22", "2a6b5c3e", "123456", "4111"):
        assert secret not in safe
    assert "e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262" in safe
    assert "[REDACTED:seed_phrase]" in safe and "[REDACTED:card_number]" in safe


def test_redacted_text_has_nothing_left_to_find():
    safe = redact(MIXED, find_secrets(MIXED))
    assert find_secrets(safe) == []


def test_overlapping_findings_merge_into_the_union_named_by_the_most_confident():
    merged = merge_overlaps(
        [Finding("api_secret", 10, 30, 0.85, "api_credential"), Finding("private_key", 5, 20, 0.9, "hex_key")]
    )
    assert merged == [Finding("private_key", 5, 30, 0.9, "hex_key")]


def test_redact_replaces_spans_and_rejects_spans_outside_the_text():
    text = "abc SECRET def"
    assert redact(text, [Finding("password", 4, 10, 0.8, "password_stated")]) == "abc [REDACTED:password] def"
    with pytest.raises(ValueError):
        redact("short", [Finding("password", 2, 10, 0.8, "password_stated")])


def test_finding_refuses_unknown_types_and_empty_spans():
    with pytest.raises(ValueError):
        Finding("pin", 0, 1, 0.5, "x")
    with pytest.raises(ValueError):
        Finding("password", 3, 3, 0.5, "x")


def test_real_ham_holds_no_secret_of_any_type(ham_texts):
    flagged = {name: [f.type for f in find_secrets(text)] for name, text in ham_texts}
    flagged = {name: types for name, types in flagged.items() if types}
    assert flagged == {}


def test_hex_api_secret_is_named_an_api_secret_not_a_wallet_key():
    text = "API secret: e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262"
    assert [f.type for f in find_secrets(text)] == ["api_secret"]


def test_hex_private_key_is_named_a_private_key():
    text = "my wallet private key: e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262"
    assert [f.type for f in find_secrets(text)] == ["private_key"]
