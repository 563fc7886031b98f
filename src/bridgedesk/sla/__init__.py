"""Service-level arithmetic: business calendars and business time, as plain data.

Pure code (no Django, no database): the desk asks "when is this due?" and "how much working
time passed?" and stores the answers. See :mod:`bridgedesk.sla.calendar`.
"""

from bridgedesk.sla.calendar import (
    BusinessCalendar,
    Shift,
    add_business_time,
    business_time_between,
    calendar_from_table,
    parse_shift,
)

__all__ = ["BusinessCalendar", "Shift", "add_business_time", "business_time_between", "calendar_from_table", "parse_shift"]
