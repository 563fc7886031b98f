"""The agent console: queue views, next ticket, the ticket page and its actions. Staff only.

Every view that touches a ticket gets it from :func:`access_ticket_by_user`, so object-level
access is decided in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from bridgedesk.desk.actions import tickets as ticket_actions
from bridgedesk.desk.console.queries import (
    FILTERS,
    TimelineEntry,
    attach_message_counts,
    build_timeline,
    count_views,
    filter_tickets,
    order_for_work,
    sealed_messages,
    ticket_version,
)
from bridgedesk.desk.models import AuditEvent, InboundMessage, Macro, Message, Ticket, TicketEvent
from bridgedesk.desk.models.events import EventKind
from bridgedesk.desk.processing.retention import open_sealed
from bridgedesk.desk.runtime import get_config
from bridgedesk.triage.vocabulary import CATEGORIES
from bridgedesk.web.auth.access import MovedTicket, access_ticket_by_user, moved_out_of_reach, scope_of, visible_tickets
from bridgedesk.web.auth.client_address import client_ip
from bridgedesk.web.auth.twofactor import second_factor_step
from bridgedesk.web.console.entities import collect_entities
from bridgedesk.web.console.forms import AssignForm, MergeForm, NoteForm, ReplyForm, StatusForm, TriageForm

if TYPE_CHECKING:
    from django.contrib.auth.models import User

PAGE_SIZE = 100
RASTER_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")   # previewed after re-encoding
VIEW_COUNT_SECONDS = 15
SUBJECT_CHARS = 90   # a subject longer than this is cut on the queue page
WARNING_EVENTS = (EventKind.SENDER_MISMATCH, EventKind.SECRET_REDACTED, EventKind.PHISHING_ANALYSIS)


class AgentRequest(HttpRequest):
    """A request ``agent_required`` let through: its user is signed-in staff (an annotation only)."""

    user: User


# One timeline entry: ("message", created_at, Message) or ("event", created_at, TicketEvent).


def agent_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff sign-in (and the second factor, where enrolled) required; anyone else goes to sign in."""
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not (request.user.is_authenticated and request.user.is_staff):
            return redirect_to_login(request.get_full_path())
        step = second_factor_step(request)
        if step:
            return redirect_to_login(request.get_full_path(), login_url=step)
        try:
            return view(request, *args, **kwargs)
        except Http404:
            moved = moved_out_of_reach(request.user, kwargs["number"], seen=seen_tickets(request)) if "number" in kwargs else None
            if moved is None:
                raise
            return moved_response(request, moved)
    return guarded


SEEN_KEY = "seen_tickets"
SEEN_KEPT = 50     # the ticket numbers a session remembers having opened


def seen_tickets(request: HttpRequest) -> list[str]:
    return list(request.session.get(SEEN_KEY, []))


def remember_seen(request: HttpRequest, number: str) -> None:
    """Note that this session opened the ticket, so it can be told later if the ticket moves away."""
    seen = seen_tickets(request)
    if number not in seen:
        request.session[SEEN_KEY] = [*seen[-(SEEN_KEPT - 1):], number]


def moved_response(request: HttpRequest, moved: MovedTicket) -> HttpResponse:
    """Where the ticket went and why, not what it holds; a draft the agent was sending is shown back."""
    if request.path.endswith(".json"):
        return JsonResponse({"number": moved.number, "moved": True, "queue": moved.queue,
                             "message": f"{moved.number} moved to the {moved.queue} queue · 工单已转至 {moved.queue} 队列"},
                            status=403)
    draft = request.POST.get("text", "") if request.method == "POST" else ""
    return render(request, "bridgedesk/ticket_moved.html", {"moved": moved, "draft": draft}, status=403)


@agent_required
def ticket_list(request: AgentRequest) -> HttpResponse:
    params = {k: request.GET.get(k, "") for k in (*FILTERS, "mine", "open", "sort")}
    visible = visible_tickets(request.user)
    tickets = filter_tickets(visible, params, request.user).select_related("requester")
    ordered = order_for_work(tickets, PAGE_SIZE) if params["sort"] == "sla" else tickets.order_by("-created_at", "-id")[:PAGE_SIZE]
    page = prepare_rows(attach_message_counts(list(ordered)))
    parked = InboundMessage.objects.filter(state=InboundMessage.State.PARKED).count()
    return render(request, "bridgedesk/ticket_list.html", {
        "tickets": page, "params": params, "status": params["status"], "parked": parked,
        "counts": cached_view_counts(visible, request.user),
    })


def prepare_rows(tickets: list[Ticket]) -> list[Ticket]:
    """Subject and creation time already cut and formatted: the template's filters cost a third of the page at 100 rows."""
    for ticket in tickets:
        subject = ticket.subject
        ticket.subject_short = subject if len(subject) <= SUBJECT_CHARS else subject[: SUBJECT_CHARS - 1] + "…"   # type: ignore[attr-defined]  # template-only attribute
        ticket.created_label = timezone.localtime(ticket.created_at).strftime("%Y-%m-%d %H:%M")   # type: ignore[attr-defined]  # template-only attribute
    return tickets


def cached_view_counts(tickets: QuerySet[Ticket], user: User) -> dict[str, object]:
    """Counts per view, kept VIEW_COUNT_SECONDS per scope: exact totals over 100,000 tickets cost more than a page."""
    scope = scope_of(user)
    key = f"bridgedesk:view-counts:{scope.role}:{','.join(sorted(scope.queues))}"
    counts = cache.get(key)
    if counts is None:
        counts = count_views(tickets)
        cache.set(key, counts, VIEW_COUNT_SECONDS)
    return {**counts, "mine": tickets.filter(assignee=user, status__in=Ticket.OPEN_STATUSES).count()}


def next_ticket_for(user: User) -> Ticket | None:
    """The ticket this agent should take now: unassigned or theirs, in their languages, by priority and SLA."""
    scope = scope_of(user)
    tickets = visible_tickets(user).filter(status__in=(Ticket.Status.NEW, Ticket.Status.OPEN)).filter(Q(assignee__isnull=True) | Q(assignee=user))
    if scope.languages:
        tickets = tickets.filter(language__in=scope.languages)
    return next(iter(order_for_work(tickets, 1)), None)


@agent_required
@require_POST
def next_ticket(request: AgentRequest) -> HttpResponse:
    ticket = next_ticket_for(request.user)
    if ticket is None:
        return HttpResponseRedirect("/tickets/?empty=1")
    if ticket.assignee_id is None:
        ticket_actions.assign(ticket, request.user, actor=request.user)
    return HttpResponseRedirect(f"/tickets/{ticket.number}/")


def collect_warnings(ticket: Ticket, timeline: list[TimelineEntry]) -> list[str]:
    """Warning codes shown above the timeline: hijack signs, removed secrets, phishing verdicts,
    mail that could not be read or shown in full (on any of the ticket's messages)."""
    found = [f for f in ticket.flags if f in ("sender_mismatch", "possible_hijack", "unparseable")]
    for _, _, item in timeline:
        if isinstance(item, Message) and "incomplete" in item.flags:
            found.append("incomplete")
        if isinstance(item, TicketEvent) and item.kind in WARNING_EVENTS:
            data = item.data
            code = f"phishing:{data.get('verdict', '')}" if item.kind == EventKind.PHISHING_ANALYSIS else item.kind
            found.append(code)
    # One banner per cause: a stranger's reply leaves both the message's mismatch and the ticket's hijack flag.
    found = ["possible_hijack" if code == "sender_mismatch" else code for code in found]
    return list(dict.fromkeys(found))


def audit_secret_view(request: AgentRequest, ticket: Ticket, timeline: list[TimelineEntry]) -> None:
    """Record who opened a ticket whose messages had secrets removed (a sensitive record)."""
    if any(isinstance(item, Message) and item.secrets for _, _, item in timeline):
        AuditEvent.objects.create(actor=request.user, action="view_ticket_with_secrets", ticket=ticket, ip=client_ip(request),
                                  data={"number": ticket.number})


def render_ticket(request: AgentRequest, ticket: Ticket, *, reply_form: ReplyForm | None = None,
                  outcome: ticket_actions.ReplyOutcome | None = None, status: int = 200) -> HttpResponse:
    timeline = build_timeline(ticket)
    audit_secret_view(request, ticket, timeline)
    if ticket.number:
        remember_seen(request, ticket.number)
    macros = Macro.objects.filter(language__in=(ticket.language, "en")).order_by("language", "name")
    if reply_form is None:
        macro_id = request.GET.get("macro", "")
        macro = macros.filter(pk=macro_id).first() if macro_id.isdigit() else None
        initial = ticket_actions.fill_macro(macro, ticket, agent_name=request.user.get_username()) if macro else ""
        reply_form = ReplyForm(initial={"text": initial})
    config = get_config()
    sees_originals = scope_of(request.user).role == "security"
    return render(request, "bridgedesk/ticket_detail.html", {
        "ticket": ticket, "version": ticket_version(ticket), "timeline": timeline, "warnings": collect_warnings(ticket, timeline),
        "entities": collect_entities((item.entities for _, _, item in timeline if isinstance(item, Message)),
                                     config.triage.error_codes),
        "reply_form": reply_form, "note_form": NoteForm(), "sees_originals": sees_originals,
        "sealed": sealed_messages(ticket) if sees_originals else set(),
        "raster_types": RASTER_TYPES, "macros": macros, "outcome": outcome,
        "statuses": Ticket.Status.values, "priorities": Ticket.Priority.values, "categories": CATEGORIES,
    }, status=status)


@agent_required
def ticket_detail(request: AgentRequest, number: str) -> HttpResponse:
    return render_ticket(request, access_ticket_by_user(request.user, number))


@agent_required
def ticket_state(request: AgentRequest, number: str) -> JsonResponse:
    ticket = access_ticket_by_user(request.user, number)
    last_in = ticket.messages.filter(direction="in").order_by("-id").values_list("created_at", flat=True).first()
    return JsonResponse({"number": ticket.number, "status": ticket.status, "version": ticket_version(ticket),
                         "last_customer_message_at": last_in.isoformat() if last_in else None})


SANDBOX_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'"


@agent_required
@xframe_options_sameorigin
def message_html(request: AgentRequest, number: str, message_id: int) -> HttpResponse:
    """A message's sanitised HTML, alone on its own URL under a sandbox policy, for an iframe.

    The HTML was cleaned by nh3 on intake; the sandbox (no scripts, unique origin, no forms,
    no loads but inline images) is the second wall should a cleaning rule ever miss.
    """
    ticket = access_ticket_by_user(request.user, number)
    message = ticket.messages.filter(pk=message_id).exclude(html="").first()
    if message is None:
        raise Http404("no HTML for this message")
    response = HttpResponse(message.html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cache-Control"] = "no-store"
    return response


@agent_required
def message_original(request: AgentRequest, number: str, message_id: int) -> HttpResponse:
    """The sealed raw original of an inbound message: security role only, audited, download only.

    It may hold the very secret the guard removed, which is why only the security role opens
    it, every opening is an audit event, and it is never rendered (attachment, no sniffing).
    """
    ticket = access_ticket_by_user(request.user, number)
    if scope_of(request.user).role != "security":
        raise Http404("no such original")
    message = ticket.messages.select_related("inbound").filter(pk=message_id, inbound__raw_encrypted__isnull=False).first()
    sealed = message.inbound.raw_encrypted if message is not None and message.inbound is not None else None
    if message is None or sealed is None:   # the query asked for a sealed original, so None is only "no row"
        raise Http404("no sealed original for this message")
    raw = open_sealed(bytes(sealed), get_config().retention)
    AuditEvent.objects.create(actor=request.user, action="view_original", ticket=ticket, ip=client_ip(request),
                              data={"number": ticket.number, "message": message.pk, "inbound": message.inbound_id})
    response = HttpResponse(raw, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{ticket.number}-{message.pk}.eml"'
    response["Cache-Control"] = "no-store"
    return response


@agent_required
@require_POST
def ticket_reply(request: AgentRequest, number: str) -> HttpResponse:
    ticket = access_ticket_by_user(request.user, number)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return render_ticket(request, ticket, reply_form=form, status=400)
    outcome = ticket_actions.reply(ticket, text=form.cleaned_data["text"], author=request.user,
                             confirmed_links=form.cleaned_data["confirm_links"])
    if not outcome.sent:
        return render_ticket(request, ticket, reply_form=form, outcome=outcome, status=422 if outcome.refusals else 200)
    return HttpResponseRedirect(f"/tickets/{number}/")


def _post_action(apply: Callable[[AgentRequest, Ticket], bool]) -> Callable[..., HttpResponse]:
    """Wrap a ticket action: access check, apply, back to the ticket page (400 when the form was bad)."""
    @agent_required
    @require_POST
    def view(request: AgentRequest, number: str) -> HttpResponse:
        ticket = access_ticket_by_user(request.user, number)
        if not apply(request, ticket):
            return HttpResponse("Invalid form · 表单无效", status=400, content_type="text/plain; charset=utf-8")
        return HttpResponseRedirect(f"/tickets/{number}/")
    return view


def _apply_note(request: AgentRequest, ticket: Ticket) -> bool:
    form = NoteForm(request.POST)
    if form.is_valid():
        ticket_actions.add_note(ticket, text=form.cleaned_data["text"], author=request.user)
    return form.is_valid()


def _apply_status(request: AgentRequest, ticket: Ticket) -> bool:
    form = StatusForm(request.POST)
    if form.is_valid() and form.cleaned_data["status"] != ticket.status:
        ticket_actions.change_status(ticket, form.cleaned_data["status"], actor=request.user)
    return form.is_valid()


def _apply_assign(request: AgentRequest, ticket: Ticket) -> bool:
    form = AssignForm(request.POST)
    if not form.is_valid():
        return False
    name = form.cleaned_data["assignee"] or ""
    assignee = get_user_model().objects.filter(username=name, is_staff=True).first() if name else None
    if name and assignee is None:
        return False
    ticket_actions.assign(ticket, assignee, actor=request.user)
    return True


def _apply_triage(request: AgentRequest, ticket: Ticket) -> bool:
    """Record each field that changed; a submitted unchanged category is recorded as a confirmation."""
    form = TriageForm(request.POST)
    if not form.is_valid():
        return False
    data = form.cleaned_data
    ticket_actions.set_category(ticket, data["category"], actor=request.user)
    if data["priority"] != ticket.priority:
        ticket_actions.set_priority(ticket, data["priority"], actor=request.user)
    if data["queue"] != ticket.queue:
        ticket_actions.set_queue(ticket, data["queue"], actor=request.user)
    return True


def _apply_merge(request: AgentRequest, ticket: Ticket) -> bool:
    form = MergeForm(request.POST)
    if not form.is_valid() or form.cleaned_data["target"] == ticket.number:
        return False
    target = access_ticket_by_user(request.user, form.cleaned_data["target"])
    ticket_actions.merge(ticket, target, actor=request.user)
    return True


ticket_note = _post_action(_apply_note)
ticket_status = _post_action(_apply_status)
ticket_assign = _post_action(_apply_assign)
ticket_triage = _post_action(_apply_triage)
ticket_merge = _post_action(_apply_merge)


@agent_required
def parked_inbound(request: AgentRequest) -> HttpResponse:
    rows = InboundMessage.objects.filter(state=InboundMessage.State.PARKED).defer("raw", "raw_encrypted").order_by("-received_at")[:PAGE_SIZE]
    return render(request, "bridgedesk/parked.html", {"rows": rows})
