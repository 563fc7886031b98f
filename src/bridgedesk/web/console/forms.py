"""Console and portal forms. Django forms validate choices so a forged POST cannot set nonsense."""

from __future__ import annotations

from django import forms

from bridgedesk.desk.models import Ticket
from bridgedesk.triage.vocabulary import CATEGORIES

MAX_TEXT = 20_000


class ReplyForm(forms.Form):
    text = forms.CharField(max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 8}))
    confirm_links = forms.BooleanField(required=False)


class NoteForm(forms.Form):
    text = forms.CharField(max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Ticket.Status.choices)


class AssignForm(forms.Form):
    assignee = forms.CharField(max_length=150, required=False)


class TriageForm(forms.Form):
    """Category, priority and queue in one form; only the fields that changed are recorded."""

    category = forms.ChoiceField(choices=[(c, c) for c in CATEGORIES])
    priority = forms.ChoiceField(choices=Ticket.Priority.choices)
    queue = forms.SlugField(max_length=40)


class MergeForm(forms.Form):
    target = forms.CharField(max_length=24)


class PortalRequestForm(forms.Form):
    email = forms.EmailField(max_length=320)


class AntiPhishingCodeForm(forms.Form):
    """The phrase only genuine mail from us will show; letters, digits, CJK, spaces and - _ only."""

    code = forms.RegexField(
        regex=r"^[\w\u4e00-\u9fff \-]{4,32}$", min_length=4, max_length=32, strip=True,
        error_messages={"invalid": "Use 4-32 letters, digits, Chinese characters, spaces, - or _ · "
                                   "请使用 4-32 个字母、数字、汉字、空格、- 或 _"},
    )
