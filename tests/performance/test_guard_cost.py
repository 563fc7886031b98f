"""The guard runs on every inbound mail: it must stay cheap and never blow up on odd input."""

import io
import random
import time
import zipfile
import zlib

import pytest

from bridgedesk.guard.secrets.detect import find_secrets
from bridgedesk.guard.secrets.scan import guard_message
from tests.files import fixture


def cpu_seconds(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def test_real_ham_costs_well_under_a_millisecond_per_two_kilobytes(ham_texts):
    find_secrets("warm up the word lists")
    texts = [text for _, text in ham_texts]
    kilobytes = sum(len(text) for text in texts) / 1024
    seconds = cpu_seconds(lambda: [find_secrets(text) for text in texts])
    # measured ~0.3 ms per 2 KB; the bound only catches a regression by an order of magnitude
    assert seconds / kilobytes * 2 < 0.003


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "1 " * 100_000,
        "abandon " * 20_000,
        "的" * 100_000,
        "{" * 50_000 + '"ciphertext": "00", "kdf": "scrypt"',
        "[1," * 30_000,
        "password: " * 20_000,
        "4111 " * 40_000,
        "0x" + "ab" * 50_000,
        ("key: " + "A1" * 20 + " ") * 5_000,
    ],
)
def test_pathological_inputs_finish_quickly(text):
    assert cpu_seconds(find_secrets, text) < 2.0


def statement_lines(rng: random.Random, count: int) -> list[str]:
    return [f"2026-11-{rng.randint(1, 28):02d} {rng.choice(['Deposit', 'Withdrawal', 'Trade', 'Fee'])} "
            f"{rng.choice(['USDT', 'BTC', 'ETH'])} {rng.uniform(0.01, 5000):,.2f} txid {rng.randbytes(32).hex()} done"
            for _ in range(count)]


def statement_pdf(pages: int, photo_bytes: int) -> bytes:
    """A statement as banks send it: pages of transaction lines (deflated) and one photo, with a correct xref."""
    rng = random.Random(1)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /XObject /Subtype /Image /Width 1000 /Height 800 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
               b"/Filter /DCTDecode /Length %d >>\nstream\n" % photo_bytes + rng.randbytes(photo_bytes) + b"\nendstream"]
    kids = []
    for page in range(pages):
        text = b" ".join(b"(%s) '" % line.encode() for line in statement_lines(rng, 60))
        stream = zlib.compress(b"BT /F1 7 Tf 20 780 Td 12 TL " + text + b" ET" + (b" q 400 0 0 320 100 100 cm /Im1 Do Q" if page == 0 else b""))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>" % (len(objects) + 2))
        kids.append(len(objects))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def long_docx(paragraphs: int) -> bytes:
    """The committed python-docx file with its body replaced by many paragraphs of statement lines."""
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in statement_lines(random.Random(2), paragraphs))
    with zipfile.ZipFile(io.BytesIO(fixture("clean-notes.docx"))) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    xml = parts["word/document.xml"].decode()
    parts["word/document.xml"] = (xml[: xml.index("<w:body>") + 8] + body + xml[xml.index("<w:sectPr"):]).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "size", "bound"),
    [("statement.pdf", lambda: statement_pdf(30, 800_000), 1_000_000, 2.0), ("notes.docx", lambda: long_docx(3000), 200_000, 1.0)],
)
def test_reading_a_typical_document_stays_well_within_a_mail_budget(name, make, size, bound):
    # Measured here: ~0.2 s CPU for a 1 MB statement PDF (30 pages of lines and a photo), ~0.12 s for a
    # 200 KB DOCX; the bounds only catch a regression by an order of magnitude.
    data = make()
    assert abs(len(data) - size) < size * 0.25
    guard_message(subject="", text="", html=None, attachments=[("warm.pdf", "application/pdf", fixture("clean-statement.pdf"))], ocr=False)
    seconds = cpu_seconds(lambda: guard_message(subject="", text="", html=None, attachments=[(name, "", data)], ocr=False))
    [attachment] = guard_message(subject="", text="", html=None, attachments=[(name, "", data)], ocr=False).attachments
    assert attachment.quarantine_reason is None and seconds < bound
