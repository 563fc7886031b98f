"""The minimal agent views: ticket list, ticket timeline, parked intake. Staff only."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from bridgedesk.desk.models import InboundMessage, Ticket

PAGE_SIZE = 100


@staff_member_required
def ticket_list(request: HttpRequest) -> HttpResponse:
    tickets = Ticket.objects.select_related("requester").annotate(message_count=Count("messages")).order_by("-created_at", "-id")
    status = request.GET.get("status", "")
    if status:
        tickets = tickets.filter(status=status)
    parked = InboundMessage.objects.filter(state=InboundMessage.State.PARKED).count()
    return render(request, "bridgedesk/ticket_list.html", {"tickets": tickets[:PAGE_SIZE], "status": status, "parked": parked})


@staff_member_required
def ticket_detail(request: HttpRequest, number: str) -> HttpResponse:
    ticket = Ticket.objects.select_related("requester").filter(number=number).first()
    if ticket is None:
        raise Http404("no such ticket")
    timeline = sorted(
        [("message", m.created_at, m) for m in ticket.messages.prefetch_related("attachments")]
        + [("event", e.created_at, e) for e in ticket.events.all()],
        key=lambda item: item[1],
    )
    return render(request, "bridgedesk/ticket_detail.html", {"ticket": ticket, "timeline": timeline})


@staff_member_required
def parked_inbound(request: HttpRequest) -> HttpResponse:
    rows = InboundMessage.objects.filter(state=InboundMessage.State.PARKED).defer("raw", "raw_encrypted").order_by("-received_at")[:PAGE_SIZE]
    return render(request, "bridgedesk/parked.html", {"rows": rows})


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})
