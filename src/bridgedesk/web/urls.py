from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from bridgedesk.web.auth import twofactor
from bridgedesk.web.auth.security import RateLimitedLoginView
from bridgedesk.web.console import attachments, search, views
from bridgedesk.web.portal import views as portal
from bridgedesk.web.public import health, verify

urlpatterns = [
    path("", RedirectView.as_view(url="/tickets/", permanent=False)),
    path("admin/", admin.site.urls),
    path("accounts/login/", RateLimitedLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/otp/", twofactor.otp_verify, name="otp_verify"),
    path("accounts/otp/setup/", twofactor.otp_setup, name="otp_setup"),
    path("tickets/", views.ticket_list, name="ticket_list"),
    path("tickets/next/", views.next_ticket, name="next_ticket"),
    path("tickets/<str:number>/", views.ticket_detail, name="ticket_detail"),
    path("tickets/<str:number>/messages/<int:message_id>/html", views.message_html, name="message_html"),
    path("tickets/<str:number>/messages/<int:message_id>/original", views.message_original, name="message_original"),
    path("tickets/<str:number>/attachments/<int:attachment_id>/preview", attachments.attachment_preview, name="attachment_preview"),
    path("tickets/<str:number>/attachments/<int:attachment_id>/download", attachments.attachment_download, name="attachment_download"),
    path("tickets/<str:number>/state.json", views.ticket_state, name="ticket_state"),
    path("tickets/<str:number>/reply/", views.ticket_reply, name="ticket_reply"),
    path("tickets/<str:number>/note/", views.ticket_note, name="ticket_note"),
    path("tickets/<str:number>/status/", views.ticket_status, name="ticket_status"),
    path("tickets/<str:number>/assign/", views.ticket_assign, name="ticket_assign"),
    path("tickets/<str:number>/triage/", views.ticket_triage, name="ticket_triage"),
    path("tickets/<str:number>/merge/", views.ticket_merge, name="ticket_merge"),
    path("inbound/parked/", views.parked_inbound, name="parked_inbound"),
    path("search/", search.search_page, name="search"),
    path("portal/", portal.request_link, name="portal_request"),
    path("portal/signin/<str:token>/", portal.signin, name="portal_signin"),
    path("portal/signout/", portal.portal_signout, name="portal_signout"),
    path("portal/tickets/", portal.portal_tickets, name="portal_tickets"),
    path("portal/anti-phishing-code/", portal.portal_set_code, name="portal_set_code"),
    path("portal/tickets/<str:number>/", portal.portal_ticket, name="portal_ticket"),
    path("portal/tickets/<str:number>/reply/", portal.portal_reply, name="portal_reply"),
    path("portal/tickets/<str:number>/close/", portal.portal_close, name="portal_close"),
    path("portal/tickets/<str:number>/attachments/<int:attachment_id>/download", portal.portal_attachment, name="portal_attachment"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("verify/", verify.verify_page, name="verify"),
    path("api/verify", verify.verify_api, name="verify_api"),
]
