"""Deliver outgoing mail: build the MIME at send time, add the anti-phishing code, DKIM-sign, send.

Runs in a job, never in a web request or the processing transaction. A delivery problem is
recorded on the row and retried with backoff; a permanent refusal or the last attempt marks the
row failed and puts ``delivery_failed`` on the ticket's timeline. Without an SMTP relay (the
embedded demo) mail is kept in the data directory's ``sent`` Maildir.
"""

from __future__ import annotations

import logging
import mailbox
import smtplib
import ssl
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from bridgedesk.config import Config
from bridgedesk.desk.jobs.tasks import enqueue_delivery
from bridgedesk.desk.models import Customer, OutboxMail
from bridgedesk.desk.models.events import DeliveryFailedPayload, record_event
from bridgedesk.desk.outbox.signin import text_with_signin_token
from bridgedesk.desk.runtime import get_config
from bridgedesk.mail.compose import OutgoingMail, build_message
from bridgedesk.mail.dkim import sign_message

log = logging.getLogger("bridgedesk.outbox")
RETRY_BASE_SECONDS = 30


def render_outbox_mail(mail: OutboxMail, config: Config | None = None) -> bytes:
    """The MIME bytes of an outbox row, built at send time (the stdlib generator is not cheap).

    The customer's anti-phishing code is added here, at the last moment, so that every kind of
    outgoing mail carries it and the timeline agents read never shows it; so is a sign-in mail's
    token, which is never stored (``outbox/signin.py``). With ``[dkim]``
    configured the bytes are signed, so receivers (and the verify tools) can prove them genuine.
    """
    if mail.raw:
        return bytes(mail.raw)
    raw = build_message(OutgoingMail(
        from_addr=mail.from_addr, from_name=mail.from_name, to=mail.to_addr, subject=mail.subject,
        text=with_anti_phishing_code(text_with_signin_token(mail), anti_phishing_code_for(mail.to_addr)),
        html=None, message_id=mail.message_id, in_reply_to=mail.in_reply_to or None,
        references=tuple(mail.references), auto_submitted=mail.auto_submitted,
    ))
    return sign_outgoing(raw, config) if config is not None else raw


def anti_phishing_code_for(address: str) -> str:
    """The code the recipient chose, or "" when they have none (or are not a customer)."""
    code = Customer.objects.filter(email__iexact=address).values_list("anti_phishing_code", flat=True).first()
    return (code or "").strip()


def with_anti_phishing_code(text: str, code: str) -> str:
    """Mail text ending with the customer's code, in English and Chinese; unchanged without a code."""
    if not code:
        return text
    return f"{text.rstrip()}\n\n--\nYour anti-phishing code: {code}\n您的防钓鱼码：{code}\n"


def sign_outgoing(raw: bytes, config: Config) -> bytes:
    """DKIM-sign with the configured key; unsigned when ``[dkim]`` is not configured."""
    dkim = config.dkim
    if not dkim.enabled:
        return raw
    return sign_message(raw, selector=dkim.selector, domain=dkim.domain, private_key_pem=dkim.private_key_pem)


def deliver_outbox_mail(outbox_id: int) -> str:
    """Send one outbox row; returns its new state. Never raises for a delivery problem."""
    config = get_config()
    mail = OutboxMail.objects.filter(pk=outbox_id).first()
    if mail is None or mail.state != OutboxMail.State.PENDING:
        return mail.state if mail else "missing"
    try:
        _send(mail, config)
    except (OSError, smtplib.SMTPException) as exc:
        return _record_failure(mail, config, exc)
    OutboxMail.objects.filter(pk=mail.pk).update(state=OutboxMail.State.SENT, sent_at=timezone.now(), attempts=mail.attempts + 1, last_error="")
    return OutboxMail.State.SENT


def _send(mail: OutboxMail, config: Config) -> None:
    out = config.outbound
    raw = render_outbox_mail(mail, config)
    if not out.smtp_host:
        _write_to_sent_maildir(raw)
        return
    with smtplib.SMTP(out.smtp_host, out.smtp_port, timeout=30) as client:
        if out.starttls:
            client.starttls(context=ssl.create_default_context())
        if out.username:
            client.login(out.username, out.password)
        client.sendmail(mail.from_addr, [mail.to_addr], raw)


def _write_to_sent_maildir(raw: bytes) -> None:
    """Without an SMTP relay (the embedded demo), keep outgoing mail where a person can read it."""
    box = mailbox.Maildir(Path(settings.DATA_DIR) / "sent", create=True)
    box.add(raw)


def _record_failure(mail: OutboxMail, config: Config, exc: BaseException) -> str:
    attempts = mail.attempts + 1
    error = f"{type(exc).__name__}: {exc}"[:500]
    permanent = isinstance(exc, smtplib.SMTPRecipientsRefused) or (
        isinstance(exc, smtplib.SMTPResponseException) and 500 <= exc.smtp_code < 600
    )
    if permanent or attempts >= config.outbound.max_attempts:
        OutboxMail.objects.filter(pk=mail.pk).update(state=OutboxMail.State.FAILED, attempts=attempts, last_error=error)
        if mail.ticket_id:
            record_event(mail.ticket_id, DeliveryFailedPayload(to=mail.to_addr, error=error))
        return OutboxMail.State.FAILED
    delay = RETRY_BASE_SECONDS * 2 ** (attempts - 1)
    next_at = timezone.now() + timedelta(seconds=delay)
    OutboxMail.objects.filter(pk=mail.pk).update(attempts=attempts, last_error=error, next_attempt_at=next_at)
    enqueue_delivery([mail.pk], run_after=next_at)
    log.warning("delivery of outbox %s failed (attempt %s), retrying in %ss", mail.pk, attempts, delay)
    return OutboxMail.State.PENDING


def deliver_outbox_mails(outbox_ids: list[int]) -> dict[str, int]:
    """A group's mails in one job; a row that fails unexpectedly gets a job of its own."""
    states: dict[str, int] = {}
    for outbox_id in outbox_ids:
        try:
            state = deliver_outbox_mail(outbox_id)
        except Exception as exc:  # not a delivery problem (those are recorded): retry this row alone
            log.warning("outbox %s: %s in batch delivery, queued on its own", outbox_id, type(exc).__name__)
            enqueue_delivery([outbox_id])
            state = "requeued"
        states[state] = states.get(state, 0) + 1
    return states
