"""DKIM signing and verification (dkimpy), with keys as PEM and DNS as an injected function.

Genuine mail has to be provable: every outgoing message is signed, and a reported message
can be checked against the signer's published key. DNS is a parameter (``dnsfunc``: name
-> TXT bytes) so the pure layer never touches the network and tests use a stub resolver.
RSA (rsa-sha256) and Ed25519 (ed25519-sha256, RFC 8463) keys are both accepted.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence

import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

DEFAULT_SIGNED_HEADERS: tuple[bytes, ...] = (
    b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"reply-to",
    b"in-reply-to", b"references", b"mime-version", b"content-type", b"content-transfer-encoding",
)
DnsFunc = Callable[..., bytes | None]


def sign_message(
    raw: bytes, *, selector: str, domain: str, private_key_pem: bytes,
    headers: Sequence[bytes] = DEFAULT_SIGNED_HEADERS,
) -> bytes:
    """``raw`` with a DKIM-Signature header prepended (relaxed/relaxed canonicalisation)."""
    key = serialization.load_pem_private_key(private_key_pem, password=None)
    if isinstance(key, ed25519.Ed25519PrivateKey):
        secret = base64.b64encode(key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption(),
        ))
        algorithm = b"ed25519-sha256"
    elif isinstance(key, rsa.RSAPrivateKey):
        secret = private_key_pem
        algorithm = b"rsa-sha256"
    else:
        raise ValueError("DKIM needs an RSA or Ed25519 private key")
    signature = dkim.sign(
        raw, selector.encode("ascii"), domain.encode("idna"), secret,
        canonicalize=(b"relaxed", b"relaxed"), include_headers=[h.lower() for h in headers],
        signature_algorithm=algorithm,
    )
    return signature + raw


def verify_message(raw: bytes, *, dnsfunc: DnsFunc) -> bool:
    """True when the first DKIM signature verifies against the key ``dnsfunc`` returns."""
    try:
        return bool(dkim.verify(raw, dnsfunc=dnsfunc))
    except Exception:  # noqa: BLE001 - dkimpy raises on malformed signatures and keys alike
        return False


def dkim_txt_record(public_key_pem: bytes) -> bytes:
    """The TXT record to publish at ``selector._domainkey.domain``."""
    key = serialization.load_pem_public_key(public_key_pem)
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return b"v=DKIM1; k=ed25519; p=" + base64.b64encode(raw)
    if isinstance(key, rsa.RSAPublicKey):
        der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        return b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)
    raise ValueError("DKIM needs an RSA or Ed25519 public key")
