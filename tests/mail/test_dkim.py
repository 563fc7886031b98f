"""DKIM: sign with fresh keys, verify through a stub resolver (never real DNS)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

from bridgedesk.mail.dkim import dkim_txt_record, sign_message, verify_message


def _pem_pair(kind: str) -> tuple[bytes, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if kind == "rsa" else ed25519.Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, public


def _message() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Kestrel Support <support@kestrel.exchange>"
    msg["To"] = "user@example.com"
    msg["Subject"] = "[KX-104233] 您的提现已完成 / Your withdrawal was completed"
    msg["Date"] = "Wed, 25 Nov 2026 10:00:00 +0000"
    msg["Message-ID"] = "<kx-104233.1@kestrel.exchange>"
    msg.set_content("您好，您的提现已完成。\n防钓鱼码：BLUE-HERON-42\nYour withdrawal was completed.\n")
    return msg.as_bytes()


def _resolver(records: dict[bytes, bytes]):
    asked: list[bytes] = []

    def dnsfunc(name: bytes, timeout: int = 5) -> bytes | None:
        asked.append(name)
        return records.get(name)
    return dnsfunc, asked


@pytest.mark.parametrize("kind", ["rsa", "ed25519"])
def test_signed_message_verifies_and_tampering_fails(kind: str) -> None:
    if kind == "ed25519":
        pytest.importorskip("nacl", reason="dkimpy needs PyNaCl for ed25519-sha256")
    private, public = _pem_pair(kind)
    signed = sign_message(_message(), selector="kx1", domain="kestrel.exchange", private_key_pem=private)
    assert signed.startswith(b"DKIM-Signature:")
    dnsfunc, asked = _resolver({b"kx1._domainkey.kestrel.exchange.": dkim_txt_record(public)})
    assert verify_message(signed, dnsfunc=dnsfunc)
    assert asked == [b"kx1._domainkey.kestrel.exchange."]
    assert not verify_message(signed.replace(b"BLUE-HERON-42", b"RED-HERON-42"), dnsfunc=dnsfunc)
    assert not verify_message(signed.replace(b"Subject: [KX-104233]", b"Subject: [KX-999999]"), dnsfunc=dnsfunc)


def test_wrong_key_and_missing_record_fail() -> None:
    private, _ = _pem_pair("rsa")
    _, other_public = _pem_pair("rsa")
    signed = sign_message(_message(), selector="kx1", domain="kestrel.exchange", private_key_pem=private)
    wrong, _ = _resolver({b"kx1._domainkey.kestrel.exchange.": dkim_txt_record(other_public)})
    empty, _ = _resolver({})
    assert not verify_message(signed, dnsfunc=wrong)
    assert not verify_message(signed, dnsfunc=empty)
    assert not verify_message(_message(), dnsfunc=wrong)


def test_txt_record_format() -> None:
    _, rsa_public = _pem_pair("rsa")
    _, ed_public = _pem_pair("ed25519")
    assert dkim_txt_record(rsa_public).startswith(b"v=DKIM1; k=rsa; p=MII")
    assert dkim_txt_record(ed_public).startswith(b"v=DKIM1; k=ed25519; p=")
    assert len(dkim_txt_record(ed_public).split(b"p=")[1]) == 44


def test_only_listed_headers_are_signed() -> None:
    private, public = _pem_pair("rsa")
    signed = sign_message(_message(), selector="kx1", domain="kestrel.exchange", private_key_pem=private,
                          headers=(b"From", b"Subject"))
    header = signed.split(b"\n\n", 1)[0].replace(b"\r\n", b"\n").replace(b"\n ", b" ").replace(b"\n\t", b" ")
    assert b"h=from : subject" in header.replace(b"\t", b" ").replace(b"  ", b" ") or b"h=from:subject" in header
    dnsfunc, _ = _resolver({b"kx1._domainkey.kestrel.exchange.": dkim_txt_record(public)})
    assert verify_message(signed.replace(b"user@example.com", b"other@example.com"), dnsfunc=dnsfunc)
