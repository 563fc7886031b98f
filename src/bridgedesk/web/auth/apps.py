"""The admin app with our site in place of Django's default (see ``admin_site``).

Kept apart from the site itself: Django imports app configs before any model is ready, and the
site needs django-otp's models; it is named here by dotted path and imported once apps are loaded.
"""

from django.contrib.admin.apps import AdminConfig


class SecondFactorAdminConfig(AdminConfig):
    default_site = "bridgedesk.web.auth.admin_site.SecondFactorAdminSite"
