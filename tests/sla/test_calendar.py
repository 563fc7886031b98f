"""Business-time arithmetic: weekends, Chinese holidays with make-up days, DST, bounded loops."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bridgedesk.sla import BusinessCalendar, Shift, add_business_time, business_time_between, calendar_from_table, parse_shift

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
WEEKDAYS_9_TO_6 = {day: "09:00-18:00" for day in ("mon", "tue", "wed", "thu", "fri")}

# 2026 Spring Festival (春节): off 15-23 February, Saturday 14 and Saturday 28 February are worked (调休).
SPRING_FESTIVAL = [f"2026-02-{d}" for d in range(15, 24)]
SPRING_FESTIVAL_WORKDAYS = ["2026-02-14", "2026-02-28"]


def shanghai_desk(**extra: object) -> BusinessCalendar:
    return calendar_from_table({"timezone": "Asia/Shanghai", "hours": WEEKDAYS_9_TO_6, **extra})


def test_friday_afternoon_deadline_skips_the_weekend_in_shanghai():
    start = datetime(2026, 11, 27, 17, 0, tzinfo=SHANGHAI)   # a Friday
    due = add_business_time(start, timedelta(hours=24), shanghai_desk())
    # Friday 1 h, Monday 9 h, Tuesday 9 h, Wednesday 5 h
    assert due == datetime(2026, 12, 2, 14, 0, tzinfo=SHANGHAI)
    assert business_time_between(start, due, shanghai_desk()) == timedelta(hours=24)


def test_mail_at_night_starts_the_clock_at_the_next_opening():
    calendar = shanghai_desk()
    start = datetime(2026, 11, 24, 23, 30, tzinfo=SHANGHAI)   # Tuesday night
    assert add_business_time(start, timedelta(0), calendar) == datetime(2026, 11, 25, 9, 0, tzinfo=SHANGHAI)
    assert add_business_time(start, timedelta(hours=2), calendar) == datetime(2026, 11, 25, 11, 0, tzinfo=SHANGHAI)


def test_spring_festival_is_skipped_and_the_make_up_saturday_is_worked():
    calendar = shanghai_desk(holidays=SPRING_FESTIVAL, workdays=SPRING_FESTIVAL_WORKDAYS)
    start = datetime(2026, 2, 13, 17, 0, tzinfo=SHANGHAI)   # Friday before 春节
    assert add_business_time(start, timedelta(hours=8), calendar) == datetime(2026, 2, 14, 16, 0, tzinfo=SHANGHAI)
    # Friday 1 h + make-up Saturday 9 h + (nine days off) + Tuesday 24th 9 h + Wednesday 1 h
    assert add_business_time(start, timedelta(hours=20), calendar) == datetime(2026, 2, 25, 10, 0, tzinfo=SHANGHAI)


def test_without_the_holidays_the_same_deadline_is_inside_the_festival():
    start = datetime(2026, 2, 13, 17, 0, tzinfo=SHANGHAI)
    assert add_business_time(start, timedelta(hours=20), shanghai_desk()) == datetime(2026, 2, 18, 10, 0, tzinfo=SHANGHAI)


def test_spring_forward_day_has_23_real_hours_in_a_24x7_calendar():
    calendar = calendar_from_table({"timezone": "Europe/Berlin", "hours": {d: "00:00-24:00" for d in
                                                                          ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})
    start = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)   # the clocks go forward on Sunday 29 March
    due = add_business_time(start, timedelta(hours=24), calendar)
    assert due - start == timedelta(hours=24)
    assert due.astimezone(BERLIN).hour == 13            # wall clock moved one hour more
    day = business_time_between(datetime(2026, 3, 29, 0, 0, tzinfo=BERLIN), datetime(2026, 3, 30, 0, 0, tzinfo=BERLIN), calendar)
    assert day == timedelta(hours=23)
    autumn = business_time_between(datetime(2026, 10, 25, 0, 0, tzinfo=BERLIN), datetime(2026, 10, 26, 0, 0, tzinfo=BERLIN), calendar)
    assert autumn == timedelta(hours=25)


def test_office_hours_across_the_autumn_change_in_new_york():
    calendar = calendar_from_table({"timezone": "America/New_York", "hours": {d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")}})
    start = datetime(2026, 10, 30, 16, 0, tzinfo=NEW_YORK)    # Friday, still on daylight time
    due = add_business_time(start, timedelta(hours=2), calendar)
    assert due == datetime(2026, 11, 2, 10, 0, tzinfo=NEW_YORK)   # Monday 10:00 standard time
    assert due.astimezone(UTC).hour == 15


def test_a_shift_that_falls_into_the_dst_gap_counts_only_its_real_hour():
    calendar = calendar_from_table({"timezone": "Europe/Berlin", "hours": {"sun": "02:00-04:00"}})
    sunday = business_time_between(datetime(2026, 3, 29, 0, 0, tzinfo=BERLIN), datetime(2026, 3, 30, 0, 0, tzinfo=BERLIN), calendar)
    assert sunday == timedelta(hours=1)


@pytest.mark.parametrize("hours", [0.5, 1, 9, 24, 48, 200])
def test_elapsed_business_time_inverts_adding_it(hours):
    calendar = shanghai_desk(holidays=SPRING_FESTIVAL, workdays=SPRING_FESTIVAL_WORKDAYS)
    for start in (datetime(2026, 2, 10, 8, 15, tzinfo=UTC), datetime(2026, 2, 14, 3, 0, tzinfo=UTC)):
        due = add_business_time(start, timedelta(hours=hours), calendar)
        assert business_time_between(start, due, calendar) == timedelta(hours=hours)


def test_no_calendar_means_around_the_clock():
    start = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)   # a Saturday
    assert add_business_time(start, timedelta(hours=24), None) == start + timedelta(hours=24)
    assert business_time_between(start, start + timedelta(hours=5), None) == timedelta(hours=5)
    assert business_time_between(start, start - timedelta(hours=5), None) == timedelta(0)


def test_a_calendar_without_room_fails_instead_of_looping():
    mondays = [date(2026, 11, 30) + timedelta(weeks=n) for n in range(600)]
    calendar = calendar_from_table({"timezone": "UTC", "hours": {"mon": "09:00-10:00"}, "holidays": mondays})
    with pytest.raises(ValueError, match="no room"):
        add_business_time(datetime(2026, 11, 25, tzinfo=UTC), timedelta(hours=1), calendar)


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        add_business_time(datetime(2026, 11, 25, 9, 0), timedelta(hours=1), shanghai_desk())


def test_make_up_day_uses_the_usual_hours_and_toml_dates_are_accepted():
    calendar = calendar_from_table({"timezone": "Asia/Shanghai", "hours": {"mon": ["09:00-12:00", "13:00-18:00"]},
                                    "workdays": [date(2026, 2, 14)]})
    assert calendar.shifts_on(date(2026, 2, 14)) == (Shift(540, 720), Shift(780, 1080))
    assert calendar.shifts_on(date(2026, 2, 21)) == ()


@pytest.mark.parametrize("text, problem", [
    ("18:00-09:00", "ends before it starts"), ("9am-5pm", "not a time of day"), ("09:00", "not a shift"),
])
def test_bad_shifts_are_explained(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_shift(text)


@pytest.mark.parametrize("table, problem", [
    ({"timezone": "Asia/Beijing", "hours": WEEKDAYS_9_TO_6}, "unknown time zone"),
    ({"timezone": "UTC", "hours": {"monday": "09:00-18:00"}}, "not a weekday"),
    ({"timezone": "UTC", "hours": {}}, "at least one weekday"),
    ({"timezone": "UTC", "hours": {"mon": ["09:00-13:00", "12:00-18:00"]}}, "overlap"),
    ({"timezone": "UTC", "hours": WEEKDAYS_9_TO_6, "holidays": ["2026-13-01"]}, "not a date"),
])
def test_bad_calendars_are_explained(table, problem):
    with pytest.raises(ValueError, match=problem):
        calendar_from_table(table)
