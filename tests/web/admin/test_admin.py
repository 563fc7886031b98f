"""Admin pages for the console's models."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_lists_console_models_and_keeps_the_audit_log_read_only(admin_client, desk_config):
    for path in ("/admin/desk/macro/", "/admin/desk/agentprofile/", "/admin/desk/auditevent/"):
        assert admin_client.get(path).status_code == 200, path
    assert admin_client.get("/admin/desk/auditevent/add/").status_code == 403
