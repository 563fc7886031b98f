"""Attachments in the console: images re-encoded before display, everything else download-only.

A mail's attachment may be an HTML page, an SVG with script or an image/HTML polyglot; none of
it is ever served as itself with a type a browser would render. Images are decoded and
written anew as PNG (metadata and trailing payloads dropped); other files are downloads.
Quarantined files open for the security role only.
"""

from __future__ import annotations

import io
import re
from urllib.parse import quote

from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from PIL import Image, UnidentifiedImageError

from bridgedesk.desk.models import Attachment
from bridgedesk.web.auth.access import access_ticket_by_user, scope_of
from bridgedesk.web.console.views import RASTER_TYPES, agent_required

PREVIEW_BOX = (1600, 1600)


def reencode_image(data: bytes) -> bytes | None:
    """A fresh PNG of the picture, at most PREVIEW_BOX; None when it is not a raster image we can read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail(PREVIEW_BOX)
            frame = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    out = io.BytesIO()
    frame.save(out, format="PNG")
    return out.getvalue()


def safe_filename(name: str, fallback: str) -> str:
    """An ASCII file name for Content-Disposition (nothing that could break the header); keeps the extension."""
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    clean_stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_-")[:90]
    clean_ext = re.sub(r"[^A-Za-z0-9]+", "", ext)[:10]
    return f"{clean_stem or fallback}{'.' + clean_ext if dot and clean_ext else ''}"


def content_disposition(name: str, fallback: str) -> str:
    """ASCII fallback plus the UTF-8 name (RFC 6266/5987), so Chinese file names survive the download."""
    return f"attachment; filename=\"{safe_filename(name, fallback)}\"; filename*=UTF-8''{quote(name[:150], safe='')}"


def _find_attachment(request: HttpRequest, number: str, attachment_id: int) -> Attachment:
    ticket = access_ticket_by_user(request.user, number)
    attachment = Attachment.objects.filter(pk=attachment_id, message__ticket=ticket).exclude(storage_name="").first()
    if attachment is None:
        raise Http404("no such attachment")
    if attachment.quarantine_reason and scope_of(request.user).role != "security":
        raise Http404("quarantined")
    return attachment


def _read(attachment: Attachment) -> bytes:
    with default_storage.open(attachment.storage_name, "rb") as handle:
        return handle.read()


@agent_required
def attachment_preview(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    attachment = _find_attachment(request, number, attachment_id)
    if attachment.quarantine_reason or attachment.sniffed_type not in RASTER_TYPES:
        raise Http404("no preview for this file")
    png = reencode_image(_read(attachment))
    if png is None:
        raise Http404("the image could not be read")
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@agent_required
def attachment_download(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    attachment = _find_attachment(request, number, attachment_id)
    response = HttpResponse(_read(attachment), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition(attachment.filename, f"attachment-{attachment.pk}")
    response["Cache-Control"] = "private, no-store"
    return response
