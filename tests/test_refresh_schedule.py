"""The refresh schedule follows the school's calendar: often in school hours, rarely otherwise."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.models import GradeBook, Lesson, Period
from custom_components.schoolbag.refresh_schedule import (
    RefreshReason,
    ScheduleOptions,
    SchoolCalendar,
    next_refresh,
)

PARIS = ZoneInfo("Europe/Paris")
# Monday 2026-03-09 to Sunday 2026-03-15; lessons Monday to Friday.
MONDAY = date(2026, 3, 9)
WEEK = (MONDAY - timedelta(days=7), MONDAY + timedelta(days=13))
DEFAULTS = ScheduleOptions()


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def _lesson(day: date, start: int, end: int) -> Lesson:
    return Lesson(id=f"{day}-{start}", start=_at(day, start), end=_at(day, end), subject="MATHS")


def _calendar(*, last_lesson_end: int = 17, year_end: date | None = None) -> SchoolCalendar:
    days = [MONDAY + timedelta(days=offset) for offset in range(-7, 14)]
    lessons = [_lesson(day, 8, last_lesson_end) for day in days if day.weekday() < 5]
    books = []
    if year_end is not None:
        start = year_end - timedelta(days=90)
        period = Period(id="T3", name="Trimestre 3", start=start, end=year_end)
        books.append(GradeBook(periods=(period,)))
    return SchoolCalendar.from_data(lessons, books, WEEK, PARIS)


def test_school_hours_refresh_at_the_interval() -> None:
    planned = next_refresh(_at(MONDAY, 10), _calendar(), DEFAULTS)
    assert planned.at == _at(MONDAY, 10, 30)
    assert planned.reason is RefreshReason.SCHOOL_HOURS


def test_the_option_changes_the_school_hours_interval() -> None:
    options = ScheduleOptions.from_options({"refresh_interval": 15})
    assert next_refresh(_at(MONDAY, 10), _calendar(), options).at == _at(MONDAY, 10, 15)


def test_the_last_refresh_of_the_school_day_is_at_its_end() -> None:
    assert next_refresh(_at(MONDAY, 18, 45), _calendar(), DEFAULTS).at == _at(MONDAY, 19)


def test_late_lessons_widen_the_school_hours() -> None:
    planned = next_refresh(_at(MONDAY, 19, 30), _calendar(last_lesson_end=20), DEFAULTS)
    assert planned.at == _at(MONDAY, 20)
    assert planned.reason is RefreshReason.SCHOOL_HOURS


def test_the_evening_refresh_waits_for_the_next_school_morning() -> None:
    # 19:00 + 4 h falls in the quiet hours; their end is too close to school to be worth it.
    planned = next_refresh(_at(MONDAY, 19), _calendar(), DEFAULTS)
    assert planned.at == _at(MONDAY + timedelta(days=1), 7)
    assert planned.reason is RefreshReason.QUIET_HOURS


def test_an_early_morning_refresh_waits_for_school_to_start() -> None:
    planned = next_refresh(_at(MONDAY, 6, 10), _calendar(), DEFAULTS)
    assert planned.at == _at(MONDAY, 7)
    assert planned.reason is RefreshReason.OUTSIDE_SCHOOL_HOURS


def test_weekends_are_refreshed_every_few_hours_outside_the_quiet_hours() -> None:
    saturday = MONDAY + timedelta(days=5)
    times = [_at(saturday - timedelta(days=1), 19)]
    while times[-1] < _at(MONDAY + timedelta(days=7), 7):
        times.append(next_refresh(times[-1], _calendar(), DEFAULTS).at)
    saturday_times = [moment.time() for moment in times if moment.date() == saturday]
    assert saturday_times == [time(6), time(10), time(14), time(18)]
    assert times[-1] == _at(MONDAY + timedelta(days=7), 7)
    assert next_refresh(_at(saturday, 10), _calendar(), DEFAULTS).reason is RefreshReason.NO_SCHOOL


def test_a_weekday_without_lessons_in_the_timetable_is_a_day_off() -> None:
    wednesday = MONDAY + timedelta(days=2)
    calendar = _calendar()
    holiday = SchoolCalendar(
        {day: hours for day, hours in calendar.lesson_hours.items() if day != wednesday},
        WEEK,
    )
    planned = next_refresh(_at(wednesday, 10), holiday, DEFAULTS)
    assert planned.at == _at(wednesday, 14)
    assert planned.reason is RefreshReason.NO_SCHOOL


def test_without_a_timetable_weekdays_are_school_days() -> None:
    no_timetable = SchoolCalendar({})
    assert next_refresh(_at(MONDAY, 10), no_timetable, DEFAULTS).at == _at(MONDAY, 10, 30)
    sunday = MONDAY - timedelta(days=1)
    assert next_refresh(_at(sunday, 10), no_timetable, DEFAULTS).reason is RefreshReason.NO_SCHOOL


def test_after_the_last_grading_period_it_is_the_holidays() -> None:
    year_end = MONDAY + timedelta(days=30)
    calendar = SchoolCalendar({}, year_end=year_end)
    day_after = year_end + timedelta(days=3)
    planned = next_refresh(_at(day_after, 10), calendar, DEFAULTS)
    assert planned.reason is RefreshReason.HOLIDAYS
    assert planned.at == _at(day_after, 14)
    assert _calendar(year_end=year_end).year_end == year_end


@pytest.mark.parametrize(
    ("start", "end", "moment", "quiet"),
    [
        ("22:00:00", "06:00:00", time(23), True),
        ("22:00:00", "06:00:00", time(5, 59), True),
        ("22:00:00", "06:00:00", time(6), False),
        ("01:00:00", "05:00:00", time(3), True),
        ("01:00:00", "05:00:00", time(23), False),
        ("00:00:00", "00:00:00", time(3), False),
    ],
)
def test_quiet_hours_may_span_midnight(start: str, end: str, moment: time, quiet: bool) -> None:
    options = ScheduleOptions.from_options({"quiet_start": start, "quiet_end": end})
    assert options.is_quiet(datetime.combine(MONDAY, moment, PARIS)) is quiet


def test_quiet_hours_chosen_by_the_user_move_the_night_refreshes() -> None:
    options = ScheduleOptions.from_options({"quiet_start": "20:00:00", "quiet_end": "08:00:00"})
    saturday = MONDAY + timedelta(days=5)
    planned = next_refresh(_at(saturday, 18), _calendar(), options)
    assert planned.at == _at(saturday + timedelta(days=1), 8)
    assert planned.reason is RefreshReason.QUIET_HOURS


def test_whole_day_and_multi_day_entries_set_no_lesson_hours() -> None:
    trip = Lesson(
        id="trip",
        start=_at(MONDAY, 6),
        end=_at(MONDAY + timedelta(days=1), 22),
        subject="Voyage",
    )
    sports = Lesson(
        id="sports", start=_at(MONDAY, 0), end=_at(MONDAY, 23), subject="Sport", all_day=True
    )
    calendar = SchoolCalendar.from_data([trip, sports], [], None, PARIS)
    assert calendar.lesson_hours == {}


def test_a_public_holiday_outside_the_timetable_has_no_school() -> None:
    thursday = MONDAY + timedelta(days=3)
    calendar = SchoolCalendar({}, public_holidays=frozenset({thursday}))
    assert next_refresh(_at(thursday, 10), calendar, DEFAULTS).reason is RefreshReason.NO_SCHOOL
    assert calendar.is_school_day(thursday + timedelta(days=1))
    # Lessons in the timetable win over the fallback.
    with_lessons = SchoolCalendar.from_data(
        [_lesson(thursday, 8, 12)], [], WEEK, PARIS, frozenset({thursday})
    )
    assert with_lessons.is_school_day(thursday)
