"""WSGI entry for waitress (embedded) or any WSGI server (past one machine)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bridgedesk.settings")
application = get_wsgi_application()
