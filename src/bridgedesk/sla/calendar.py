"""Business calendars and business-time arithmetic.

A calendar is a time zone, working shifts per weekday (local wall-clock times), holidays and
make-up working days (China's 调休: a Saturday worked so that a holiday can be longer).
Deadlines are real instants: every shift is turned into UTC instants through ``zoneinfo``
before anything is added, so a day that is 23 or 25 hours long (DST) counts the hours a
person really works. Every loop is bounded by :data:`MAX_DAYS`, so a calendar with no
working time left raises instead of spinning.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MAX_DAYS = 3660   # ten years of calendar days: far beyond any deadline, small enough to fail fast
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_END = 24 * 60


@dataclass(frozen=True, order=True)
class Shift:
    """Working time within one local day, in minutes after midnight; ``end`` may be 1440 ("24:00")."""

    start: int
    end: int


@dataclass(frozen=True)
class BusinessCalendar:
    """When a queue's people work. ``week`` holds seven tuples of shifts, Monday first."""

    timezone: str
    week: tuple[tuple[Shift, ...], ...]
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)   # make-up days, worked with the usual weekday hours

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise ValueError("a calendar needs shifts for seven weekdays (empty for days off)")
        if not any(self.week):
            raise ValueError("a calendar needs working hours on at least one weekday")
        zone_for(self.timezone)

    @property
    def usual_shifts(self) -> tuple[Shift, ...]:
        """The first working weekday's shifts: what a make-up working day on a weekend follows."""
        return next(shifts for shifts in self.week if shifts)

    def shifts_on(self, day: date) -> tuple[Shift, ...]:
        if day in self.holidays:
            return ()
        shifts = self.week[day.weekday()]
        if day in self.workdays and not shifts:
            return self.usual_shifts
        return shifts


def zone_for(name: str) -> ZoneInfo:
    """The IANA zone, or ValueError naming it (zoneinfo raises several kinds for bad names)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"unknown time zone {name!r}; use an IANA name such as \"Asia/Shanghai\"") from None


def parse_shift(text: str) -> Shift:
    """``"09:00-18:00"`` → Shift(540, 1080); ``"24:00"`` may end a shift. ValueError says what is wrong."""
    start_text, sep, end_text = text.partition("-")
    if not sep:
        raise ValueError(f"{text!r} is not a shift; write it as \"09:00-18:00\"")
    start, end = _minute_of_day(start_text.strip()), _minute_of_day(end_text.strip())
    if start >= end:
        raise ValueError(f"shift {text!r} ends before it starts; a shift cannot cross midnight, split it in two")
    return Shift(start, end)


def _minute_of_day(text: str) -> int:
    if text == "24:00":
        return _DAY_END
    try:
        moment = time.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a time of day such as \"09:00\"") from None
    return moment.hour * 60 + moment.minute


def calendar_from_table(table: Mapping[str, Any]) -> BusinessCalendar:
    """Build a calendar from plain data (``timezone``, ``hours`` per weekday, ``holidays``, ``workdays``).

    ``hours`` maps "mon".."sun" to a shift string or a list of them; a weekday left out is a day off.
    Dates are ISO strings or ``date`` objects (TOML has both). Raises ValueError naming the part.
    """
    hours = table.get("hours", {})
    if not isinstance(hours, Mapping):
        raise ValueError('hours must be a table such as { mon = "09:00-18:00" }')
    unknown = [day for day in hours if day not in WEEKDAYS]
    if unknown:
        raise ValueError(f"hours.{unknown[0]} is not a weekday; use {', '.join(WEEKDAYS)}")
    week = tuple(_shifts(hours.get(day, []), day) for day in WEEKDAYS)
    return BusinessCalendar(
        timezone=str(table.get("timezone", "UTC")), week=week,
        holidays=_dates(table.get("holidays", []), "holidays"), workdays=_dates(table.get("workdays", []), "workdays"),
    )


def _shifts(value: Any, day: str) -> tuple[Shift, ...]:
    texts = [value] if isinstance(value, str) else value
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise ValueError(f'hours.{day} must be a shift such as "09:00-18:00" or a list of them')
    try:
        shifts = sorted(parse_shift(t) for t in texts)
    except ValueError as exc:
        raise ValueError(f"hours.{day}: {exc}") from None
    for earlier, later in zip(shifts, shifts[1:]):
        if later.start < earlier.end:
            raise ValueError(f"hours.{day}: shifts overlap")
    return tuple(shifts)


def _dates(values: Any, name: str) -> frozenset[date]:
    if not isinstance(values, list):
        raise ValueError(f'{name} must be a list of dates such as ["2026-10-01"]')
    days = set()
    for value in values:
        if isinstance(value, date) and not isinstance(value, datetime):
            days.add(value)
            continue
        try:
            days.add(date.fromisoformat(str(value)))
        except ValueError:
            raise ValueError(f"{name}: {value!r} is not a date such as \"2026-10-01\"") from None
    return frozenset(days)


def _working_spans(calendar: BusinessCalendar, first_day: date, *, days: int) -> Iterator[tuple[datetime, datetime]]:
    """Working time from ``first_day`` on, as (start, end) UTC instants, in order, for at most ``days`` days."""
    zone = zone_for(calendar.timezone)
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for shift in calendar.shifts_on(day):
            start, end = _instant(day, shift.start, zone), _instant(day, shift.end, zone)
            if end > start:   # a shift swallowed by a DST gap has no length
                yield start, end


def _instant(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """A local wall-clock minute as a UTC instant; a time inside a DST gap moves forward with the clock."""
    local = datetime.combine(day, time()) + timedelta(minutes=minute)
    return local.replace(tzinfo=zone).astimezone(UTC)


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def add_business_time(start: datetime, duration: timedelta, calendar: BusinessCalendar | None) -> datetime:
    """The instant when ``duration`` of working time has passed after ``start`` (24x7 without a calendar).

    A zero duration gives ``start`` itself inside working time, else the next opening.
    """
    _require_aware(start, "start")
    if duration < timedelta(0):
        raise ValueError("duration must not be negative")
    if calendar is None:
        return start + duration
    remaining = duration
    local_day = start.astimezone(zone_for(calendar.timezone)).date() - timedelta(days=1)
    for span_start, span_end in _working_spans(calendar, local_day, days=MAX_DAYS):
        if span_end <= start:
            continue
        begin = max(span_start, start)
        if remaining <= span_end - begin:
            return begin + remaining
        remaining -= span_end - begin
    raise ValueError(f"the calendar has no room for {duration} within {MAX_DAYS} days")


def business_time_between(start: datetime, end: datetime, calendar: BusinessCalendar | None) -> timedelta:
    """Working time inside [start, end); zero when end is not after start (24x7 without a calendar)."""
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end <= start:
        return timedelta(0)
    if calendar is None:
        return end - start
    zone = zone_for(calendar.timezone)
    first_day = start.astimezone(zone).date() - timedelta(days=1)
    days = min((end.astimezone(zone).date() - first_day).days + 2, MAX_DAYS)
    total = timedelta(0)
    for span_start, span_end in _working_spans(calendar, first_day, days=days):
        overlap = min(span_end, end) - max(span_start, start)
        if overlap > timedelta(0):
            total += overlap
    return total
