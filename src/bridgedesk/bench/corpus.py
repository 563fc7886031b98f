"""A seeded corpus of realistic support mail (raw RFC 5322 bytes) for ``bridgedesk bench ingest``.

Why generated: the benchmark must run anywhere with no data files, and the mix must look
like an exchange's inbox — English and Chinese (about 40 % zh), every support category,
replies with quoted history and In-Reply-To, HTML alternatives, small attachments, checksummed
addresses, the odd leaked recovery phrase, and resends — so the pipeline pays for the work it
really does. The same seed always yields the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from bridgedesk.bench import corpus_text as text
from bridgedesk.bench import corpus_values as values

SUPPORT = "support@kestrel.exchange"
SECURITY = "security@kestrel.exchange"
ZH_SHARE = 0.4
START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sent:
    """What a later resend or follow-up needs to remember about an earlier message."""

    raw: bytes
    sender: str
    name: str
    language: str
    subject: str
    message_id: str
    body: str
    when: datetime


@dataclass(frozen=True)
class Draft:
    """One message before it becomes bytes."""

    sender: str
    name: str
    language: str
    subject: str
    body: str
    when: datetime
    to: str = SUPPORT
    in_reply_to: str = ""
    html: bool = False
    attachment: tuple[str, str, bytes] | None = None


def generate_corpus(n: int, *, seed: int = 0) -> list[bytes]:
    """``n`` raw messages; deterministic for a given ``seed``."""
    rng = random.Random(seed)
    history: list[Sent] = []
    corpus: list[bytes] = []
    for index in range(n):
        when = START + timedelta(minutes=index * 3 + rng.randint(0, 2))
        raw = _next_message(rng, index, when, history)
        corpus.append(raw)
    return corpus


def load_corpus(directory: Path) -> list[bytes]:
    """Every ``*.eml`` file under ``directory`` (sorted, recursive), as raw bytes."""
    if not directory.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {directory}")
    files = sorted(p for p in directory.rglob("*.eml") if p.is_file())
    if not files:
        raise ValueError(f"no .eml files in {directory}")
    return [p.read_bytes() for p in files]


def make_support_mail(size: int, *, recipient: str = SUPPORT, seed: int = 0) -> bytes:
    """One plain-text English support mail of about ``size`` bytes (the SMTP benchmark's message)."""
    rng = random.Random(seed)
    name, sender = _person(rng, "en")
    slots = _slots(rng, START)
    paragraphs = [text.BODIES["deposit"]["en"][0].format(**slots), *text.BACKGROUND["en"]]
    details = [d.format(**slots) for d in text.DETAILS["en"]]
    while len("\n\n".join(paragraphs).encode("utf-8")) < size - 900:
        paragraphs.append(details[len(paragraphs) % len(details)])
    body = _sign(rng, "en", name, paragraphs)
    draft = Draft(sender, name, "en", text.SUBJECTS["deposit"]["en"][0], body, START, to=recipient)
    return build_message(draft, f"{rng.getrandbits(64):016x}@{sender.split('@')[1]}")


def _next_message(rng: random.Random, index: int, when: datetime, history: list[Sent]) -> bytes:
    roll = rng.random()
    if history and roll < 0.03:
        return rng.choice(history).raw                                   # the same bytes delivered twice
    if history and roll < 0.06:
        draft = _resend_draft(rng.choice(history), when)                 # the user sends it again
    elif history and roll < 0.18:
        draft = _follow_up_draft(rng, rng.choice(history[-200:]), when)
    else:
        draft = _new_draft(rng, when)
    message_id = f"{rng.getrandbits(64):016x}.{index}@{draft.sender.split('@')[1]}"
    raw = build_message(draft, message_id)
    history.append(Sent(raw, draft.sender, draft.name, draft.language, draft.subject, message_id, draft.body, when))
    return raw


def _new_draft(rng: random.Random, when: datetime) -> Draft:
    language = "zh" if rng.random() < ZH_SHARE else "en"
    name, sender = _person(rng, language)
    category = rng.choice(text.CATEGORIES)
    slots = _slots(rng, when)
    paragraphs = [rng.choice(text.BODIES[category][language]).format(**slots)]
    if category == "phishing_report":
        paragraphs.append(_forwarded_phish(rng, language, sender, when, slots))
    if rng.random() < 0.6:
        paragraphs.append(rng.choice(text.BACKGROUND[language]))
    paragraphs += [d.format(**slots) for d in rng.sample(text.DETAILS[language], rng.randint(3, 9))]
    if rng.random() < 0.02:
        phrase = values.make_seed_phrase(rng, language)
        paragraphs.append(rng.choice(text.LEAK_LINES[language]).format(phrase=phrase))
    body = _sign(rng, language, name, paragraphs)
    to = SECURITY if category in ("account_security", "phishing_report") and rng.random() < 0.3 else SUPPORT
    return Draft(sender, name, language, rng.choice(text.SUBJECTS[category][language]).format(**slots), body, when,
                 to=to, html=rng.random() < 0.4, attachment=_maybe_attachment(rng, category, slots))


def _resend_draft(earlier: Sent, when: datetime) -> Draft:
    return Draft(earlier.sender, earlier.name, earlier.language, earlier.subject, earlier.body, when)


def _follow_up_draft(rng: random.Random, earlier: Sent, when: datetime) -> Draft:
    """A reply: either to our acknowledgement (ticket tag in the subject) or to the user's own mail."""
    slots = _slots(rng, when)
    lead = rng.choice(text.FOLLOW_UPS[earlier.language]).format(**slots)
    body = _sign(rng, earlier.language, earlier.name, [lead])
    if rng.random() < 0.5:
        ticket = f"KX-{100000 + rng.randint(1, 5000)}"
        ack = rng.choice(text.SUPPORT_QUOTES[earlier.language]).format(ticket=ticket)
        quoted = _quote(earlier.language, "Kestrel Support", SUPPORT, earlier.when, ack + "\n\n" + earlier.body)
        subject = f"Re: [{ticket}] {earlier.subject}"
        reply_to = f"ack-{rng.getrandbits(48):012x}@kestrel.exchange"
    else:
        quoted = _quote(earlier.language, earlier.name, earlier.sender, earlier.when, earlier.body)
        subject = f"Re: {earlier.subject}" if earlier.language == "en" else f"回复：{earlier.subject}"
        reply_to = earlier.message_id
    return Draft(earlier.sender, earlier.name, earlier.language, subject, body + "\n\n" + quoted, when,
                 in_reply_to=reply_to, html=rng.random() < 0.2)


def _person(rng: random.Random, language: str) -> tuple[str, str]:
    if language == "zh":
        name = rng.choice(text.ZH_NAMES)
        local = rng.choice(("", "abc", "wx", "vip")) + str(rng.randint(100000, 999999999))
        return name, f"{local}@{rng.choice(text.ZH_DOMAINS)}"
    name = rng.choice(text.EN_NAMES)
    local = name.lower().replace(" ", ".").replace("'", "") + str(rng.randint(1, 99))
    return name, f"{local}@{rng.choice(text.EN_DOMAINS)}"


def _slots(rng: random.Random, when: datetime) -> dict[str, str]:
    return {
        "uid": values.make_uid(rng), "tx": values.make_tx_hash(rng), "tron": values.make_tron_address(rng),
        "eth": values.make_evm_address(rng), "order": values.make_order_id(rng), "err": rng.choice(text.ERROR_CODES),
        "coin": rng.choice(text.COINS), "network": rng.choice(text.NETWORKS),
        "amount": f"{rng.choice((12.5, 50, 100, 250, 500, 1200, 3000, 0.035, 1.2)):g}",
        "when": when.strftime("%Y-%m-%d %H:%M"), "minor": str(rng.randint(10, 40)),
        "hour": f"{rng.randint(0, 23):02d}", "minute": f"{rng.randint(0, 59):02d}",
        "lookalike": rng.choice(text.LOOKALIKES),
    }


def _sign(rng: random.Random, language: str, name: str, paragraphs: list[str]) -> str:
    closing = rng.choice(text.CLOSINGS[language])
    signature = rng.choice(text.SIGNATURES[language])
    tail = f"{closing}\n{name}" + (f"\n\n-- \n{signature}" if signature else "")
    if rng.random() < 0.2:
        tail += "\n\n" + rng.choice(text.DISCLAIMERS[language])
    return "\n\n".join(paragraphs) + "\n\n" + tail


def _quote(language: str, name: str, address: str, when: datetime, body: str) -> str:
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.splitlines())
    stamp = when.strftime("%a, %b %d, %Y at %H:%M")
    if language == "zh":
        return f"在 {stamp}，{name} <{address}> 写道：\n{quoted}"
    return f"On {stamp}, {name} <{address}> wrote:\n{quoted}"


def _forwarded_phish(rng: random.Random, language: str, sender: str, when: datetime, slots: dict[str, str]) -> str:
    lookalike = slots["lookalike"]
    forwarded = rng.choice(text.PHISHING_FORWARDS[language]).format(**slots)
    stamp = (when - timedelta(hours=rng.randint(1, 30))).strftime("%a, %b %d, %Y at %H:%M")
    if language == "zh":
        head = "-------- 转发邮件信息 --------\n发件人：Kestrel 安全中心 <no-reply@{0}>\n发送日期：{1}\n收件人：<{2}>\n主题：账户安全验证通知"
    else:
        head = "---------- Forwarded message ---------\nFrom: Kestrel Security <no-reply@{0}>\nDate: {1}\nTo: <{2}>\nSubject: Urgent: verify your wallet"
    return head.format(lookalike, stamp, sender) + "\n\n" + forwarded


def _maybe_attachment(rng: random.Random, category: str, slots: dict[str, str]) -> tuple[str, str, bytes] | None:
    if rng.random() >= 0.07:
        return None
    if category == "api":
        return "client.log", "text/plain", values.make_log(rng)
    if category == "kyc_aml" and rng.random() < 0.6:
        return "bank-statement.pdf", "application/pdf", values.make_pdf(f"Statement for account {slots['uid']}")
    return f"screenshot-{slots['minute']}.png", "image/png", values.make_png(rng)


def build_message(draft: Draft, message_id: str) -> bytes:
    """Serialise a draft the way a mail client would (policy.SMTP: CRLF line ends)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = formataddr((draft.name, draft.sender))
    msg["To"] = draft.to
    msg["Subject"] = draft.subject
    msg["Date"] = format_datetime(draft.when)
    msg["Message-ID"] = f"<{message_id}>"
    if draft.in_reply_to:
        msg["In-Reply-To"] = f"<{draft.in_reply_to}>"
        msg["References"] = f"<{draft.in_reply_to}>"
    msg.set_content(draft.body)
    if draft.html:
        msg.add_alternative(_as_html(draft.body), subtype="html")
    if draft.attachment is not None:
        filename, mime, data = draft.attachment
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    stem = hashlib.sha1(message_id.encode()).hexdigest()[:20]
    for number, part in enumerate(p for p in msg.walk() if p.is_multipart()):   # stdlib boundaries are random
        part.set_boundary(f"----=_Part_{number}_{stem}")
    return msg.as_bytes()


def _as_html(body: str) -> str:
    """The HTML part a webmail client sends beside the text: paragraphs, quotes in a blockquote."""
    blocks = []
    for para in body.split("\n\n"):
        lines = para.splitlines()
        if lines and all(line.startswith(">") for line in lines):
            inner = "<br>".join(html.escape(line.lstrip("> ")) for line in lines)
            blocks.append(f'<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">{inner}</blockquote>')
        else:
            inner = "<br>".join(html.escape(line) for line in lines)
            blocks.append(f'<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">{inner}</div><div><br></div>')
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body dir="auto"><div dir="ltr">' + "\n".join(blocks) + "</div></body></html>")
