"""The Django admin: configuration and inspection pages, one module per subject, registered on import.

Django's autodiscovery imports ``bridgedesk.web.admin``; each module below registers its models.
"""

from bridgedesk.web.admin import channels, records, staff

__all__ = ["channels", "records", "staff"]
