"""Is it a mail? Import's question before storing a file, answered from the header block alone."""

from __future__ import annotations

import mailbox
import random
from datetime import UTC, datetime
from pathlib import Path

from bridgedesk.mail.recognise import from_line_date, read_mail_head


def delivered_mail(shared_data: Path) -> list[tuple[str, bytes]]:
    """Real mail as mailboxes hold it: SpamAssassin's ham and spam, and the Nazario phishing mbox
    (CPython's files are left out: they are MIME fragments made to test a parser, not mail)."""
    mime = shared_data / "mime"
    found = [(p.name, p.read_bytes()) for p in sorted((mime / "spamassassin").rglob("*.txt"))]
    box = mailbox.mbox(mime / "phishing" / "nazario_phishing0.mbox", create=False)
    found += [(f"nazario#{i}", box.get_bytes(key)) for i, key in enumerate(box.iterkeys())]
    box.close()
    return found


def test_real_mail_passes_and_gives_its_date(shared_data):
    # Refusing a customer's mail would be worse than taking junk: every delivered mail must pass.
    corpus = delivered_mail(shared_data)
    assert len(corpus) > 1900
    refused = {name: head.refusal for name, raw in corpus if (head := read_mail_head(raw)).refusal}
    assert refused == {}
    head = read_mail_head(b"Date: Thu, 07 Mar 2024 10:00:00 +0800\r\nFrom: a@example.com\r\n\r\nhi\r\n")
    assert head.refusal == "" and head.date == datetime(2024, 3, 7, 2, 0, tzinfo=UTC)


def test_headers_may_fold_and_follow_an_mbox_separator():
    # A folded header and a kept "From " separator are both mail as a parser reads it.
    raw = b"From someone Thu Mar  7 10:00:00 2024\nReceived: from mx\n  by mx2\nMessage-ID: <a@b>\n\nbody\n"
    assert read_mail_head(raw).refusal == ""


def test_files_that_are_not_mail_get_a_reason_a_person_can_act_on():
    # Each reason says what is wrong with the file, in words that point at the file.
    assert read_mail_head(b'[brand]\nname = "K"\n').refusal == (
        "no header block (the first line is not a 'Name: value' header; it starts '[brand]')")
    assert read_mail_head(b'{"tickets": []}\n').refusal.startswith("no From, Message-ID or Date header")
    assert read_mail_head(b"Hello,\nmy deposit is missing.\n").refusal.startswith("no header block")
    assert read_mail_head(b"\r\nFrom: a@example.com\r\n").refusal.endswith("it starts with a blank line)")
    assert read_mail_head(random.Random(1).randbytes(2048)).refusal == "binary data (control bytes where the headers should be)"
    assert read_mail_head(b"From: a@example.com\x00\x00\r\n\r\n").refusal.startswith("binary data")


def test_an_unreadable_date_is_no_date():
    # A broken Date never stops the import; it only gives no date (the caller falls back).
    assert read_mail_head(b"From: a@example.com\r\nDate: someday soon\r\n\r\n").date is None
    assert from_line_date(b"From a@example.com Thu Mar  7 10:00:00 2024") == datetime(2024, 3, 7, 10, 0, tzinfo=UTC)
    assert from_line_date(b"From a@example.com") is None and from_line_date(b"garbage") is None
