"""Admin for the official-channel registry and the phishing reports, kept beside their models.

The security team lists reports here and exports the campaigns of the selected reports as
the CSV takedown list (the same as ``bridgedesk campaigns --csv``).
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from bridgedesk.desk.models.channels import OfficialChannel, PhishingReport
from bridgedesk.desk.runtime import get_config
from bridgedesk.desk.security.campaigns import campaigns_csv, group_campaigns, report_signals


@admin.register(OfficialChannel)
class OfficialChannelAdmin(admin.ModelAdmin):
    list_display = ("kind", "value", "note", "created_at")
    list_filter = ("kind",)
    search_fields = ("value", "note")


@admin.register(PhishingReport)
class PhishingReportAdmin(admin.ModelAdmin):
    list_display = ("id", "ticket", "verdict", "score", "created_at")
    list_select_related = ("ticket",)
    readonly_fields = ("ticket", "kind", "data", "actor", "created_at")
    actions = ["export_campaigns_csv"]

    @admin.display(description="verdict")
    def verdict(self, report: PhishingReport) -> str:
        return str(report.data.get("verdict", ""))

    @admin.display(description="score")
    def score(self, report: PhishingReport) -> str:
        return str(report.data.get("score", ""))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Export the campaigns of the selected reports as CSV (domains and URLs to take down)")
    def export_campaigns_csv(self, request: HttpRequest, queryset: QuerySet[PhishingReport]) -> HttpResponse:
        campaigns = group_campaigns(report_signals(queryset.order_by("id")), official_domains=get_config().brand.official_domains)
        response = HttpResponse(campaigns_csv(campaigns), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="phishing-campaigns.csv"'
        return response
