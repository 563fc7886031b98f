from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from bridgedesk.web import views

urlpatterns = [
    path("", RedirectView.as_view(url="/tickets/", permanent=False)),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tickets/", views.ticket_list, name="ticket_list"),
    path("tickets/<str:number>/", views.ticket_detail, name="ticket_detail"),
    path("inbound/parked/", views.parked_inbound, name="parked_inbound"),
    path("healthz", views.healthz, name="healthz"),
]
