"""The customer portal: sign in by a one-time emailed link, read and answer one's own tickets.

The link is signed (TimestampSigner), expires 30 minutes after it is sent and works once: its
nonce is recorded when used. Its token is made by the delivery job and never stored
(``desk/outbox/signin.py``). The request page answers the same whether or not the address is
known, so it cannot be used to learn who is a customer.
"""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_POST

from bridgedesk.desk.actions import customers as customer_actions
from bridgedesk.desk.models import Customer
from bridgedesk.desk.outbox.queue import queue_signin_mail
from bridgedesk.desk.outbox.signin import redeem_signin_token
from bridgedesk.desk.runtime import get_config
from bridgedesk.web.auth.access import access_ticket_by_customer
from bridgedesk.web.auth.limits import limit_key, take_slot
from bridgedesk.web.console.forms import AntiPhishingCodeForm, PortalRequestForm
from bridgedesk.web.portal.uploads import (
    MAX_FILES_PER_REPLY,
    THREAD_DIRECTIONS,
    PortalReplyFilesForm,
    advice_for,
    attachment_response,
    find_customer_attachment,
    read_uploads,
)

LINKS_PER_WINDOW = 3          # per address per window: the form cannot be used to flood a mailbox
LINK_WINDOW_SECONDS = 15 * 60
SESSION_KEY = "portal_customer"


def may_send_link(email: str) -> bool:
    """Count this request against the address; False once it had LINKS_PER_WINDOW in the window."""
    return take_slot(limit_key("portal-link", email.strip().lower()), LINKS_PER_WINDOW, LINK_WINDOW_SECONDS)


def request_link(request: HttpRequest) -> HttpResponse:
    form = PortalRequestForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        customer = Customer.objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if customer is not None and may_send_link(customer.email):
            with transaction.atomic():
                queue_signin_mail(customer, request.build_absolute_uri("/portal/signin/"), get_config())
        sent = True
    return render(request, "bridgedesk/portal_request.html", {"form": form, "sent": sent})


def signin(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners prefetch links); POST spends the token."""
    if request.method != "POST":
        return render(request, "bridgedesk/portal_signin.html", {"token": token})
    customer = redeem_signin_token(token)
    if customer is None:
        return render(request, "bridgedesk/portal_signin.html", {"token": token, "invalid": True}, status=400)
    request.session.cycle_key()
    request.session[SESSION_KEY] = customer.pk
    return HttpResponseRedirect("/portal/tickets/")


def _customer_id(request: HttpRequest) -> int | None:
    value = request.session.get(SESSION_KEY)
    return int(value) if isinstance(value, int) else None


def portal_tickets(request: HttpRequest, *, code_form: AntiPhishingCodeForm | None = None, status: int = 200) -> HttpResponse:
    customer_id = _customer_id(request)
    if customer_id is None:
        return HttpResponseRedirect("/portal/")
    customer = Customer.objects.filter(pk=customer_id).first()
    if customer is None:
        raise Http404("no such customer")
    tickets = customer.tickets.order_by("-created_at")[:200]
    return render(request, "bridgedesk/portal_list.html", {
        "customer": customer, "tickets": tickets, "code_form": code_form or AntiPhishingCodeForm(),
        "has_code": bool(customer.anti_phishing_code),
    }, status=status)


@require_POST
def portal_set_code(request: HttpRequest) -> HttpResponse:
    """The customer chooses the anti-phishing code every genuine mail from us will carry."""
    customer_id = _customer_id(request)
    if customer_id is None:
        return HttpResponseRedirect("/portal/")
    form = AntiPhishingCodeForm(request.POST)
    if not form.is_valid():
        return portal_tickets(request, code_form=form, status=400)
    Customer.objects.filter(pk=customer_id).update(anti_phishing_code=form.cleaned_data["code"])
    return HttpResponseRedirect("/portal/tickets/")


def portal_ticket(request: HttpRequest, number: str, *, form: PortalReplyFilesForm | None = None, status: int = 200) -> HttpResponse:
    ticket = access_ticket_by_customer(_customer_id(request), number)
    thread = list(ticket.messages.filter(direction__in=THREAD_DIRECTIONS).prefetch_related("attachments"))
    for message in thread:
        message.advice = advice_for(message, ticket) if message.secrets else ""   # type: ignore[attr-defined]  # template-only attribute
    return render(request, "bridgedesk/portal_ticket.html", {
        "ticket": ticket, "thread": thread, "form": form or PortalReplyFilesForm(),
        "max_files": MAX_FILES_PER_REPLY, "max_file_bytes": get_config().intake.max_attachment_bytes,
    }, status=status)


@require_POST
def portal_reply(request: HttpRequest, number: str) -> HttpResponse:
    """Words and files, guarded and stored like an inbound mail (see desk/actions/customers.py)."""
    ticket = access_ticket_by_customer(_customer_id(request), number)
    form = PortalReplyFilesForm(request.POST, request.FILES)
    if not form.is_valid():
        return portal_ticket(request, number, form=form, status=400)
    customer_actions.customer_reply(ticket, ticket.requester, text=form.cleaned_data["text"],
                                    uploads=read_uploads(form.cleaned_data["files"]))
    return HttpResponseRedirect(f"/portal/tickets/{number}/")


def portal_attachment(request: HttpRequest, number: str, attachment_id: int) -> FileResponse:
    """A file from the customer's own ticket, as a download (never quarantined, never a note's)."""
    ticket = access_ticket_by_customer(_customer_id(request), number)
    return attachment_response(find_customer_attachment(ticket, attachment_id))


@require_POST
def portal_close(request: HttpRequest, number: str) -> HttpResponse:
    ticket = access_ticket_by_customer(_customer_id(request), number)
    customer_actions.close_by_customer(ticket, ticket.requester)
    return HttpResponseRedirect(f"/portal/tickets/{number}/")


@require_POST
def portal_signout(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    return HttpResponseRedirect("/portal/")
