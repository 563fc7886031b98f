"""Portal replies with files: the form with its limits, and the customer's own downloads.

Limits come from the config: each file at most ``intake.max_attachment_bytes`` (the limit
mail attachments have), all of them together at most ``intake.max_message_bytes``, and at
most MAX_FILES_PER_REPLY files. A refusal names the file and the limit, in English and Chinese.

A customer downloads only files on their own tickets' visible thread (never an internal
note's), always as an attachment of type application/octet-stream with nosniff, and never a
quarantined file: it may have come by mail from someone posing as the customer, and our
portal must not hand out a program that we held back from our own staff.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat

from bridgedesk.desk.actions.customer_files import Upload
from bridgedesk.desk.models import Attachment, Message, Ticket
from bridgedesk.desk.runtime import get_config
from bridgedesk.web.console.attachments import content_disposition
from bridgedesk.web.console.forms import MAX_TEXT
from bridgedesk.words.advice import protection_advice

MAX_FILES_PER_REPLY = 5
THREAD_DIRECTIONS = (Message.Direction.IN, Message.Direction.OUT)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Django's FileField for one file, applied to each of several (the documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class PortalReplyFilesForm(forms.Form):
    """Words, files or both; the limits are checked before anything is read into memory."""

    text = forms.CharField(max_length=MAX_TEXT, required=False, widget=forms.Textarea(attrs={"rows": 6}))
    # django-stubs types ``files`` as the bound form's uploads; Django's form metaclass moves
    # declared fields into base_fields, so at run time this name does not shadow them.
    files = MultipleFileField(required=False, error_messages={  # type: ignore[assignment]
        "empty": "The file is empty. · 文件为空。",
        "invalid": "That was not a file. · 上传的不是文件。",
    })

    def clean_files(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("files") or []
        intake = get_config().intake
        if len(files) > MAX_FILES_PER_REPLY:
            raise forms.ValidationError(
                f"Too many files: at most {MAX_FILES_PER_REPLY} per reply. · 文件过多：每次回复最多 {MAX_FILES_PER_REPLY} 个文件。")
        for upload in files:
            if (upload.size or 0) > intake.max_attachment_bytes:
                limit = filesizeformat(intake.max_attachment_bytes)
                raise forms.ValidationError(
                    f"{upload.name} is too large: each file may be at most {limit}. · "
                    f"文件 {upload.name} 过大：每个文件不能超过 {limit}。")
        if sum(upload.size or 0 for upload in files) > intake.max_message_bytes:
            limit = filesizeformat(intake.max_message_bytes)
            raise forms.ValidationError(f"The files together may be at most {limit}. · 文件总大小不能超过 {limit}。")
        return files

    def clean(self) -> dict[str, Any]:
        super().clean()   # Form.clean returns cleaned_data (typed Optional by django-stubs, for overrides)
        cleaned = self.cleaned_data
        if not (cleaned.get("text") or "").strip() and not cleaned.get("files") and not self.errors:
            raise forms.ValidationError("Write a message or attach a file. · 请填写回复内容或添加附件。")
        return cleaned


def read_uploads(files: Sequence[UploadedFile]) -> list[Upload]:
    """Plain data for the desk; sizes were checked by the form, so reading whole files is bounded."""
    return [Upload(filename=f.name or "", declared_type=f.content_type or "", data=f.read()) for f in files]


def advice_for(message: Message, ticket: Ticket) -> str:
    """How to protect funds after this message leaked a secret: the ticket's language, then English."""
    types = [s.get("type", "") for s in message.secrets or [] if isinstance(s, dict)]
    paragraphs = [protection_advice(types, ticket.language)]
    if not ticket.language.lower().startswith("en"):
        paragraphs.append(protection_advice(types, "en"))
    return "\n\n".join(p for p in dict.fromkeys(paragraphs) if p)


def downloadable(attachment: Attachment) -> bool:
    return bool(attachment.storage_name) and not attachment.quarantine_reason


def find_customer_attachment(ticket: Ticket, attachment_id: int) -> Attachment:
    """A file on this ticket's visible thread that the customer may have back, else 404."""
    attachment = (Attachment.objects.filter(pk=attachment_id, message__ticket=ticket, message__direction__in=THREAD_DIRECTIONS)
                  .exclude(storage_name="").filter(quarantine_reason="").first())
    if attachment is None:
        raise Http404("no such attachment")
    return attachment


def attachment_response(attachment: Attachment) -> FileResponse:
    """The bytes as a download only: a type no browser renders, nosniff, not cached."""
    response = FileResponse(default_storage.open(attachment.storage_name, "rb"), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition(attachment.filename, f"attachment-{attachment.pk}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

