"""Make the committed document fixtures with the libraries that write these formats for real.

Not run by the tests (they read the files in this folder). To regenerate, in a scratch virtualenv:

    pip install fpdf2==2.8.9 python-docx==1.2.0 openpyxl==3.1.5 python-pptx==1.0.2 odfpy==1.4.1
    python tests/files/make_files.py      # also needs Info-ZIP's ``zip`` for encrypted.zip

Every "secret-*" file holds a real secret as a customer would write it: a BIP39 phrase with a
valid checksum (test vectors), a WIF private key, an exchange API key and secret, a password
statement. The "clean-*" files hold the same kinds of numbers without a secret.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.text import P, Span
from openpyxl import Workbook
from pptx import Presentation
from pptx.util import Inches

HERE = Path(__file__).resolve().parent
PHRASE = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above"   # BIP39 vector 80808080...
PHRASE_ZH = "枪 疫 霉 尝 俩 闹 饿 贤 枪 疫 霉 卿"   # BIP39 chinese_simplified, entropy 7f7f...7f
WIF = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
API_KEY = "2a6b5c3e-1f4d-4e8a-9b7c-0d1e2f3a4b5c"
API_SECRET = "Zx9aQ8wE7rT6yU5iO4pL3kJ2hG1fD0sA"
PASSWORD = "Kestrel#2291"
STATEMENT_LINES = (
    "Kestrel Exchange - account statement, November 2026",
    "UID 27351856    USDT (TRC20) deposit 1,250.00    txid 3f1a9c0e5b7d2468ace0f13579bdf02468ace13579bdf02468ace13579bdf0",
    "Withdrawal 0.25 BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq    status: pending review",
)


def pdf(path: Path, extra: list[str]) -> None:
    document = FPDF()
    document.set_creator("bridgedesk fixtures")
    document.add_page()
    document.set_font("Helvetica", size=10)
    for line in [*STATEMENT_LINES, *extra]:
        document.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))


def docx(path: Path, secret: bool) -> None:
    document = Document()
    document.add_heading("Notes for support", level=1)
    for line in STATEMENT_LINES:
        document.add_paragraph(line)
    if secret:
        words = PHRASE.split()
        paragraph = document.add_paragraph("My wallet words, please check them: ")
        for position, word in enumerate(words):   # Word splits a phrase into runs when some words are bold
            paragraph.add_run(word).bold = position % 3 == 0
            paragraph.add_run(" ")
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "paper wallet key"
        table.rows[0].cells[1].text = WIF
    document.save(str(path))


def xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "bot config"
    sheet.append(["exchange", "Kestrel"])
    sheet.append(["API Key:", API_KEY])
    sheet.append(["Secret Key:", API_SECRET])
    sheet.append(["order id", 612389471205893])
    book.save(str(path))


def pptx(path: Path) -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Why I cannot log in"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(2)).text_frame
    box.text = "I reset it yesterday."
    box.add_paragraph().text = f"my password is {PASSWORD}"
    deck.save(str(path))


def odt(path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(P(text="您好，我的钱包被盗了。"))
    line = P(text="我的助记词是：")
    line.addElement(Span(text=PHRASE_ZH))
    document.text.addElement(line)
    document.save(str(path))


def encrypted_zip(path: Path) -> None:
    """stdlib zipfile cannot encrypt; Info-ZIP's traditional PKWARE encryption is what customers send."""
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "wallet.txt").write_text(f"{PHRASE}\n", encoding="utf-8")
        path.unlink(missing_ok=True)
        subprocess.run(["zip", "-q", "-X", "-P", "infected", str(path), "wallet.txt"], cwd=scratch, check=True)


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795000000")
    pdf(HERE / "secret-statement.pdf", ["Recovery phrase for my wallet (please keep it safe):", PHRASE[:40], PHRASE[40:]])
    pdf(HERE / "clean-statement.pdf", ["Please credit the deposit above; the screenshot is attached."])
    docx(HERE / "secret-notes.docx", secret=True)
    docx(HERE / "clean-notes.docx", secret=False)
    xlsx(HERE / "secret-keys.xlsx")
    pptx(HERE / "secret-slides.pptx")
    odt(HERE / "secret-letter.odt")
    encrypted_zip(HERE / "encrypted.zip")


if __name__ == "__main__":
    main()
