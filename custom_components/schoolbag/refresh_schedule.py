"""When to refresh next: often in school hours, rarely at night, on days off and in holidays.

The school's own calendar comes from its data. Inside the timetable window the coordinator
read, a day with lessons is a school day and a day without is not (a weekend, a holiday).
Beyond that window, and on platforms without a timetable, Monday to Friday are school days
until the last grading period of the year has ended.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from .client.models import GradeBook, Lesson
from .const import CONF_QUIET_END, CONF_QUIET_START, CONF_REFRESH_INTERVAL

# The school day the data must be fresh for, widened to the day's lessons.
SCHOOL_DAY_START = time(7, 0)
SCHOOL_DAY_END = time(19, 0)
# Outside school hours: enough to see a grade posted on a Saturday the same day.
OFF_HOURS_INTERVAL = timedelta(hours=4)
# How far ahead to look for the next school day (past it: the summer holidays).
LOOK_AHEAD_DAYS = 21
SATURDAY = 5


class RefreshReason(StrEnum):
    """Why the next refresh comes when it does (the state of a diagnostic sensor)."""

    SCHOOL_HOURS = "school_hours"
    OUTSIDE_SCHOOL_HOURS = "outside_school_hours"
    QUIET_HOURS = "quiet_hours"
    NO_SCHOOL = "no_school"
    HOLIDAYS = "holidays"
    RETRY = "retry"


@dataclass(frozen=True, slots=True)
class ScheduleOptions:
    """What the user may change: the school-hours interval and the quiet hours."""

    interval: timedelta = timedelta(minutes=30)
    quiet_start: time = time(22, 0)
    quiet_end: time = time(6, 0)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> ScheduleOptions:
        """The entry's options, with the defaults for what the user never set."""
        default = cls()
        minutes = options.get(CONF_REFRESH_INTERVAL)
        return cls(
            interval=timedelta(minutes=minutes) if minutes else default.interval,
            quiet_start=_time_option(options.get(CONF_QUIET_START), default.quiet_start),
            quiet_end=_time_option(options.get(CONF_QUIET_END), default.quiet_end),
        )

    def is_quiet(self, moment: datetime) -> bool:
        """Whether ``moment`` (local) falls in the quiet hours, which may span midnight."""
        now, start, end = moment.time(), self.quiet_start, self.quiet_end
        if start <= end:
            return start <= now < end
        return now >= start or now < end

    def quiet_over(self, moment: datetime) -> datetime:
        """When the quiet hours ``moment`` falls in end."""
        day = moment.date()
        if self.quiet_start > self.quiet_end and moment.time() >= self.quiet_start:
            day += timedelta(days=1)
        return datetime.combine(day, self.quiet_end, moment.tzinfo)


@dataclass(frozen=True, slots=True)
class NextRefresh:
    """When to refresh next, and why then."""

    at: datetime
    reason: RefreshReason


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """School days and their lesson hours, as far as the data tells them."""

    # First start and last end of each day with lessons (local times).
    lesson_hours: dict[date, tuple[time, time]]
    # The days the timetable covers: a day in it without lessons has no school.
    known: tuple[date, date] | None = None
    # The last day of the last grading period: later days are holidays.
    year_end: date | None = None
    # Public holidays of the school's country, for days the timetable does not cover.
    public_holidays: frozenset[date] = frozenset()

    @classmethod
    def from_data(
        cls,
        lessons: Iterable[Lesson],
        grade_books: Iterable[GradeBook],
        known: tuple[date, date] | None,
        zone: tzinfo,
        public_holidays: frozenset[date] = frozenset(),
    ) -> SchoolCalendar:
        """The calendar of the followed students' lessons and grading periods, in ``zone``."""
        hours: dict[date, tuple[time, time]] = {}
        for lesson in lessons:
            start_at, end_at = lesson.start.astimezone(zone), lesson.end.astimezone(zone)
            if lesson.all_day or start_at.date() != end_at.date():
                continue
            day, start, end = start_at.date(), start_at.time(), end_at.time()
            first, last = hours.get(day, (start, end))
            hours[day] = (min(first, start), max(last, end))
        ends = [period.end for book in grade_books for period in book.periods]
        return cls(hours, known, max(ends, default=None), public_holidays)

    def is_holiday(self, day: date) -> bool:
        """Whether the school year is over on ``day``."""
        return self.year_end is not None and day > self.year_end

    def is_school_day(self, day: date) -> bool:
        """Whether the students have school on ``day``."""
        if day in self.lesson_hours:
            return True
        if self.known is not None and self.known[0] <= day <= self.known[1]:
            return False
        return (
            day.weekday() < SATURDAY
            and not self.is_holiday(day)
            and day not in self.public_holidays
        )

    def school_hours(self, day: date, tz_moment: datetime) -> tuple[datetime, datetime]:
        """From 07:00 (or before the first lesson) to 19:00 (or the last lesson's end)."""
        first, last = self.lesson_hours.get(day, (SCHOOL_DAY_START, SCHOOL_DAY_END))
        zone = tz_moment.tzinfo
        start = datetime.combine(day, min(first, SCHOOL_DAY_START), zone)
        return start, datetime.combine(day, max(last, SCHOOL_DAY_END), zone)

    def next_school_start(self, now: datetime) -> datetime | None:
        """The start of the school hours after ``now``, within the look-ahead."""
        for offset in range(LOOK_AHEAD_DAYS + 1):
            day = now.date() + timedelta(days=offset)
            if self.is_school_day(day) and (start := self.school_hours(day, now)[0]) > now:
                return start
        return None


def next_refresh(now: datetime, calendar: SchoolCalendar, options: ScheduleOptions) -> NextRefresh:
    """The refresh after one made at ``now`` (an aware local time)."""
    today = now.date()
    if calendar.is_school_day(today):
        start, end = calendar.school_hours(today, now)
        if start <= now < end:
            return NextRefresh(min(now + options.interval, end), RefreshReason.SCHOOL_HOURS)
    later = now + OFF_HOURS_INTERVAL
    if options.is_quiet(now) or options.is_quiet(later):
        later, reason = options.quiet_over(later), RefreshReason.QUIET_HOURS
    elif calendar.is_school_day(today):
        reason = RefreshReason.OUTSIDE_SCHOOL_HOURS
    elif calendar.is_holiday(today):
        reason = RefreshReason.HOLIDAYS
    else:
        reason = RefreshReason.NO_SCHOOL
    school_start = calendar.next_school_start(now)
    # Fresh data for the school day rather than one more refresh just before it.
    if school_start is not None and later + OFF_HOURS_INTERVAL > school_start:
        return NextRefresh(school_start, reason)
    return NextRefresh(later, reason)


def _time_option(value: Any, default: time) -> time:
    """A time the options flow stored as "HH:MM:SS"."""
    return time.fromisoformat(value) if isinstance(value, str) and value else default
