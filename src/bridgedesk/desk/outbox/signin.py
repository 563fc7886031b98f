"""Portal sign-in links: queued without their token, minted as the mail is sent, redeemed once.

Why no token is ever stored: a link signs whoever holds it in as the customer, and the outbox
row is read by people (the admin lists every outgoing mail) and kept after sending. So the row's
text carries ``TOKEN_PLACEHOLDER`` where the token goes, and the delivery job, which holds the
secret key, mints a fresh token for the address the mail goes to at the moment it goes. Nothing
in the database can be turned into a working link: the token is signed (TimestampSigner, keyed
by SECRET_KEY) and names a random nonce; it expires 30 minutes after sending and is spent on use.
"""

from __future__ import annotations

import logging
import secrets

from django.core import signing
from django.db import IntegrityError, transaction

from bridgedesk.desk.models import Customer, OutboxMail, PortalTokenUse

log = logging.getLogger("bridgedesk.outbox")
LINK_MAX_AGE_SECONDS = 30 * 60
SIGNER_SALT = "bridgedesk.portal.signin"
SIGNIN_KIND = "portal_link"
TOKEN_PLACEHOLDER = "{sign-in-token}"   # what the stored text shows; no sign-in page accepts it


def link_with_placeholder(signin_url: str) -> str:
    """``https://host/portal/signin/{sign-in-token}/`` from the sign-in page's address."""
    return f"{signin_url.rstrip('/')}/{TOKEN_PLACEHOLDER}/"


def make_signin_token(customer: Customer) -> str:
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(f"{customer.pk}:{secrets.token_hex(16)}")


def redeem_signin_token(token: str) -> Customer | None:
    """The customer the token names, if it is genuine, fresh and unused; it is used up here."""
    try:
        payload = signing.TimestampSigner(salt=SIGNER_SALT).unsign(token, max_age=LINK_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    customer_id, _, nonce = payload.partition(":")
    customer = Customer.objects.filter(pk=int(customer_id)).first() if customer_id.isdigit() else None
    if customer is None or not nonce:
        return None
    try:
        with transaction.atomic():
            PortalTokenUse.objects.create(nonce=nonce, customer=customer)
    except IntegrityError:
        return None
    return customer


def text_with_signin_token(mail: OutboxMail) -> str:
    """The text to send: a sign-in mail gets a fresh token for its recipient; other mail is unchanged.

    The customer is the one the mail is addressed to, so a token only ever travels to the
    mailbox it signs in; a row whose address is no customer's keeps the placeholder (a dead link).
    """
    if mail.kind != SIGNIN_KIND or TOKEN_PLACEHOLDER not in mail.text:
        return mail.text
    customer = Customer.objects.filter(email__iexact=mail.to_addr).first()
    if customer is None:
        log.warning("sign-in mail %s: %s is no longer a customer; sent without a link", mail.pk, mail.to_addr)
        return mail.text
    return mail.text.replace(TOKEN_PLACEHOLDER, make_signin_token(customer))
