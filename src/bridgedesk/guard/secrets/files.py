"""The words inside files that are not plain text: PDF, Office and OpenDocument files, archives — read within bounds.

A recovery phrase typed into a Word file, printed into a PDF statement or zipped with a log is
as leaked as one in the mail body. These files cannot be redacted in place without rewriting
the sender's document, so the guard only needs every piece of text a person could read in them
(pages, paragraphs, cells, slides, comments, document properties, member names, files inside
archives and inside PDFs) to decide whether the file holds a secret.

Everything here reads strangers' files, so it reads under a :class:`ReadBudget` (depth, entries,
bytes, characters, seconds) and raises :class:`Unreadable` when a file cannot be read whole
within it; the caller quarantines such a file rather than pass it as clean.

- PDF: pypdf (pure Python, BSD) with its decoding limits lowered to ours and no external decoder.
- Office (docx/xlsx/pptx) and OpenDocument (odt/ods/odp): they are zips of XML, read with the
  archive walker and the standard library's expat; a document type declaration is refused
  outright, so no entity can expand (the "billion laughs") and nothing external is fetched.
- Archives (zip, tar, gzip): :mod:`bridgedesk.mail.archives`, each member read like a file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from xml.parsers import expat

from bridgedesk.guard.secrets.attachments import decode_text, is_text_like
from bridgedesk.mail.archives import CORRUPT, ENCRYPTED, ReadBudget, Unreadable, archive_format, iter_members

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WINDOW = 1024   # readers accept the header anywhere in the first kilobyte
_XML_EXTENSIONS = frozenset({"xml", "xhtml", "svg"})
_HTML_EXTENSIONS = frozenset({"html", "htm"})
_TAG = re.compile(r"<[^<>]{0,10000}>")
_XML_CHUNK = 256 * 1024

# Namespaces whose inline markup (runs, spans, bold, proofing marks) splits a word without
# separating it; there only these elements separate text. Anywhere else every element does.
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_INLINE_NAMESPACES = frozenset({_W, _A, _SML, _ODF_TEXT})
_SEPARATING = frozenset({"p", "h", "br", "cr", "tab", "s", "tc", "tr", "si", "c", "row", "line-break", "list-item"})


def is_pdf(filename: str, content_type: str, data: bytes) -> bool:
    if PDF_MAGIC in data[:_PDF_HEADER_WINDOW]:
        return True
    return content_type.lower() == "application/pdf" or PurePosixPath(filename.lower()).suffix == ".pdf"


def is_container(filename: str, content_type: str, data: bytes) -> bool:
    """A PDF, an Office or OpenDocument file, or an archive: binary files that carry text inside."""
    return is_pdf(filename, content_type, data) or archive_format(filename, data) is not None


def container_texts(filename: str, data: bytes, budget: ReadBudget) -> Iterator[str]:
    """Every piece of text in the container ``data``; raises :class:`Unreadable` when it cannot be read whole."""
    if is_pdf(filename, "", data):
        yield from pdf_texts(data, budget)
        return
    for member in iter_members(filename, data, budget):
        yield _counted(member.path, budget)   # a member's name is text the sender chose too
        yield from _member_texts(member.name, member.data, budget)


def _member_texts(name: str, data: bytes, budget: ReadBudget) -> Iterator[str]:
    """A file inside a container, read as the guard reads an attachment (pictures are not read by OCR here)."""
    extension = PurePosixPath(name.lower()).suffix.lstrip(".")
    if is_pdf(name, "", data):
        with budget.nested():
            yield from pdf_texts(data, budget)
    elif extension in _XML_EXTENSIONS or data.lstrip()[:5] == b"<?xml":
        yield xml_text(data, budget)
    elif extension in _HTML_EXTENSIONS:
        yield _counted(_TAG.sub(" ", decode_text(data)[0]), budget)
    elif is_text_like(name, "", data):
        yield _counted(decode_text(data)[0], budget)


def xml_text(data: bytes, budget: ReadBudget) -> str:
    """The character data of an XML part, words kept whole across runs, blocks on their own lines.

    Streamed through expat in chunks (memory and time bounded); a DOCTYPE is refused, which
    shuts out entity expansion and external entities before they are declared.
    """
    pieces: list[str] = []
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entities
    parser.CharacterDataHandler = _collector(pieces, budget)
    parser.EndElementHandler = lambda element: _separate(pieces, element)
    try:
        for start in range(0, len(data), _XML_CHUNK):
            parser.Parse(data[start:start + _XML_CHUNK], False)
            budget.check_time()
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise Unreadable(CORRUPT, f"XML: {error}") from error
    return "".join(pieces)


def _collector(pieces: list[str], budget: ReadBudget) -> Callable[[str], None]:
    def collect(text: str) -> None:
        budget.charge_text(len(text))
        pieces.append(text)
    return collect


def _separate(pieces: list[str], element: str) -> None:
    namespace, _, local = element.rpartition("}")
    if namespace in _INLINE_NAMESPACES and local not in _SEPARATING:
        return
    if pieces and pieces[-1] != "\n":
        pieces.append("\n")


def _refuse_doctype(*_: object) -> None:
    raise Unreadable(CORRUPT, "XML with a document type declaration (entities) is not read")


def _refuse_entities(*_: object) -> None:
    raise Unreadable(CORRUPT, "XML that declares entities is not read")


def pdf_texts(data: bytes, budget: ReadBudget) -> list[str]:
    """Properties, page text, annotations, form values and embedded files of a PDF.

    A list, not a generator: pypdf's limits are set for this read only (a context variable),
    and must not be left set while the caller runs between pieces.
    """
    import pypdf  # start-up cost (~0.15 s): paid by the first PDF, not by every process that guards mail

    limit = budget.limits.max_member_bytes
    with pypdf.apply_configuration(
        maximum_declared_stream_length=limit, array_based_stream_maximum_output_length=limit,
        jbig2_maximum_output_length=limit, lzw_maximum_output_length=limit, run_length_maximum_output_length=limit,
        zlib_maximum_output_length=limit, brotli_maximum_output_length=limit, image_maximum_buffer_size=limit,
        jbig2dec_binary=None,
    ):
        try:
            return _read_pdf(pypdf.PdfReader(io.BytesIO(data), strict=False), budget)
        except Unreadable:
            raise
        except Exception as error:  # noqa: BLE001 - a hostile PDF makes pypdf raise anything at all
            raise Unreadable(CORRUPT, f"PDF: {type(error).__name__}: {error}") from error


def _read_pdf(reader: PdfReader, budget: ReadBudget) -> list[str]:
    from pypdf import PasswordType  # imported already by pdf_texts

    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise Unreadable(ENCRYPTED, "the PDF needs a password to open")
    texts = [str(value) for value in (reader.metadata or {}).values()]
    texts += [str(value) for value in (reader.get_form_text_fields() or {}).values() if value]
    for page in reader.pages:
        budget.charge_member()
        texts.append(_counted(page.extract_text(), budget))
        texts += [_counted(note, budget) for note in _annotation_texts(page)]
    for name, contents in reader.attachments.items():
        for embedded in contents:
            budget.charge_bytes(len(embedded))
            texts.append(name)
            with budget.nested():
                texts += list(_embedded_texts(name, embedded, budget))
    return texts


def _embedded_texts(name: str, data: bytes, budget: ReadBudget) -> Iterator[str]:
    if archive_format(name, data) is not None:
        yield from container_texts(name, data, budget)
    else:
        yield from _member_texts(name, data, budget)


def _annotation_texts(page: PageObject) -> list[str]:
    """Comments and sticky notes: text a person reads on the page that extract_text does not return."""
    texts = []
    for reference in page.annotations or []:
        annotation = reference.get_object()
        contents = annotation.get("/Contents") if isinstance(annotation, dict) else None
        if contents:
            texts.append(str(contents))
    return texts


def _counted(text: str, budget: ReadBudget) -> str:
    budget.charge_text(len(text))
    budget.check_time()
    return text
