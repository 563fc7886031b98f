"""The console's search page: tickets matching a query, only among those the agent may see."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bridgedesk.desk.search.index import MAX_SCAN, search_tickets
from bridgedesk.triage.searchtext import MAX_QUERY_CHARS
from bridgedesk.web.auth.access import visible_tickets
from bridgedesk.web.console.views import agent_required


@agent_required
def search_page(request: HttpRequest) -> HttpResponse:
    """GET /search/?q=… — every word must match; Chinese matches as substrings, identifiers exactly."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    results = search_tickets(visible_tickets(request.user), query) if query else None
    return render(request, "bridgedesk/search.html", {"query": query, "results": results, "max_scan": f"{MAX_SCAN:,}"})
