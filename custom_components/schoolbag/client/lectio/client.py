"""The Lectio client: its data calls, on the session of ``LectioSessionClient``."""

from __future__ import annotations

from asyncio import to_thread
from datetime import date, datetime, timedelta
from functools import cached_property

from .. import models
from ..aged_cache import AgedCache, MarkedCache
from .const import COPENHAGEN, NEWEST_FOLDER, ONE_DAY
from .dates import Week, weeks_between
from .html import soup
from .page_ages import (
    ABSENCE_RATES_MAX_AGE,
    ASSIGNMENTS_MAX_AGE,
    FAR_WEEK_CACHE_TTL,
    GRADE_REPORT_MAX_AGE,
    HOMEWORK_OVERVIEW_MAX_AGE,
    MESSAGES_MAX_AGE,
    NEAR_DAYS,
    REGISTERED_ABSENCES_MAX_AGE,
    WEEK_CACHE_TTL,
)
from .parsers_absence import parse_absence_rates, parse_registered_absences
from .parsers_account import MessageSigns, parse_message_signs
from .parsers_assignments import parse_assignments
from .parsers_grades import parse_grade_report
from .parsers_homework import parse_homework_overview
from .parsers_messages import parse_messages
from .session_client import LectioSessionClient
from .week_cache import WeekCache
from .week_models import WeekModels, read_week

CAPABILITIES = frozenset(
    {
        models.Capability.TIMETABLE,
        models.Capability.HOMEWORK,
        models.Capability.GRADES,
        models.Capability.SCHOOL_LIFE,
        models.Capability.MESSAGES,
    }
)


type _Absences = tuple[models.Absence, ...]
type _AbsenceRates = tuple[models.AbsenceRate, ...]
type _HomeworkList = tuple[models.Homework, ...]
# The day and the homework on its lessons and the next six days': the overview's mark.
type _LessonHomework = tuple[date, tuple[models.Homework, ...]]


class LectioClient(LectioSessionClient):
    """Async client for one Lectio student account; ``LectioSessionClient`` says how it logs in.

    Pages are parsed in a worker thread (``to_thread``): BeautifulSoup held the event loop
    for up to a hundred milliseconds on a schedule week.
    """

    CAPABILITIES = CAPABILITIES

    @cached_property
    def _weeks(self) -> WeekCache:
        return WeekCache(WEEK_CACHE_TTL)

    @cached_property
    def _grade_report(self) -> AgedCache[str, models.GradeBook]:
        return AgedCache(GRADE_REPORT_MAX_AGE)

    @cached_property
    def _school_lives(self) -> AgedCache[str, models.SchoolLife]:
        return AgedCache(REGISTERED_ABSENCES_MAX_AGE)

    @cached_property
    def _absence_rates(self) -> MarkedCache[str, _Absences, _AbsenceRates]:
        """The rates, kept while the registered absences stay the same."""
        return MarkedCache(ABSENCE_RATES_MAX_AGE)

    @cached_property
    def _assignments(self) -> AgedCache[str, _HomeworkList]:
        return AgedCache(ASSIGNMENTS_MAX_AGE)

    @cached_property
    def _overviews(self) -> MarkedCache[str, _LessonHomework, _HomeworkList]:
        """The homework overview, kept while the lessons' homework stays the same."""
        return MarkedCache(HOMEWORK_OVERVIEW_MAX_AGE)

    @cached_property
    def _message_lists(self) -> MarkedCache[str, MessageSigns, tuple[models.MessageSummary, ...]]:
        """The newest threads, kept while the front page shows the same signs of them."""
        return MarkedCache(MESSAGES_MAX_AGE)

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons and whole-day events from ``start`` to ``end`` inclusive, sorted by start."""

        async def run() -> list[models.Lesson]:
            lessons: dict[str, models.Lesson] = {}
            weeks = weeks_between(start, end)
            if weeks:
                self._weeks.keep_from(weeks[0].monday)
            for week in weeks:
                for lesson in (await self._week(week)).lessons:
                    lessons.setdefault(lesson.id, lesson)
            first, last = _local_bounds(start, end)
            wanted = [item for item in lessons.values() if item.end > first and item.start < last]
            return sorted(wanted, key=lambda item: (item.start, item.end, item.id))

        return await self._call(student_id, run)

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework and assignments due from ``start`` to ``end``, sorted by due date.

        Upcoming homework comes from the homework overview; days before today from
        the schedule's lesson tooltips; assignments from the assignment list.
        """

        async def run() -> list[models.Homework]:
            today = self._now().date()
            found: dict[str, models.Homework] = {}
            if end >= today:
                for item in await self._upcoming_homework(student_id, today):
                    found.setdefault(item.id, item)
            if start < today:
                for item in await self._lesson_homework(start, min(end, today - ONE_DAY)):
                    found.setdefault(item.id, item)
            for item in await self._assignments.get_or_read(
                student_id, self._clock, self._read_assignments
            ):
                found.setdefault(item.id, item)
            wanted = [item for item in found.values() if start <= item.due <= end]
            return sorted(wanted, key=lambda item: (item.due, item.subject, item.id))

        return await self._call(student_id, run)

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """The grade report (dated today: Lectio shows no dates), read again after six hours."""

        async def run() -> models.GradeBook:
            return await self._grade_report.get_or_read(
                student_id, self._clock, self._read_grade_report
            )

        return await self._call(student_id, run)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absence rates (physical and written, per team and overall) and registered absences."""

        async def run() -> models.SchoolLife:
            return await self._school_lives.get_or_read(
                student_id, self._clock, lambda: self._read_school_life(student_id)
            )

        return await self._call(student_id, run)

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """The newest threads (subjects only) and the front page's unread counter.

        The front page is read at each call; the list only when the front page shows a
        change (or after ``MESSAGES_MAX_AGE``).
        """

        async def run() -> models.Mailbox:
            signs = await to_thread(_message_signs, await self._fetch("forside.aspx"))
            messages = await self._message_lists.get_or_read(
                student_id, self._clock, signs, self._read_messages
            )
            unread = signs.unread
            if unread is None:
                unread = sum(1 for message in messages if not message.read)
            return models.Mailbox(unread=unread, messages=messages)

        return await self._call(student_id, run)

    async def _read_grade_report(self) -> models.GradeBook:
        page = await self._fetch("grades/grade_report.aspx")
        return await to_thread(parse_grade_report, page, self._now().date())

    async def _read_school_life(self, student_id: str) -> models.SchoolLife:
        reasons = await self._fetch("subnav/fravaerelev_fravaersaarsager.aspx")
        absences = tuple(await to_thread(parse_registered_absences, reasons))
        rates = await self._absence_rates.get_or_read(
            student_id, self._clock, absences, self._read_absence_rates
        )
        return models.SchoolLife(absences=absences, absence_rates=rates)

    async def _read_absence_rates(self) -> _AbsenceRates:
        page = await self._fetch("subnav/fravaerelev.aspx")
        return tuple(await to_thread(parse_absence_rates, page))

    async def _read_assignments(self) -> _HomeworkList:
        return tuple(await to_thread(parse_assignments, await self._fetch("OpgaverElev.aspx")))

    async def _read_messages(self) -> tuple[models.MessageSummary, ...]:
        now = self._now()
        listing = await self._fetch("beskeder2.aspx", type="liste", selectedfolderid=NEWEST_FOLDER)
        return tuple(await to_thread(parse_messages, listing, now))

    async def _upcoming_homework(self, student_id: str, today: date) -> _HomeworkList:
        """The homework overview, read again when the coming days' lesson homework changed.

        That homework is compared only when the schedule weeks were read for the timetable:
        reading them for the comparison would cost more than the overview.
        """

        async def read() -> _HomeworkList:
            page = await self._fetch("material_lektieoversigt.aspx")
            return tuple(await to_thread(parse_homework_overview, page, today))

        lessons = self._kept_lesson_homework(today, today + timedelta(days=NEAR_DAYS))
        if lessons is None:
            return await read()
        return await self._overviews.get_or_read(student_id, self._clock, (today, lessons), read)

    def _kept_lesson_homework(self, start: date, end: date) -> _HomeworkList | None:
        """The lessons' homework due from ``start`` to ``end``; None if a week is not kept."""
        now = self._clock()
        weeks = [self._weeks.get(week, now) for week in weeks_between(start, end)]
        kept = [week for week in weeks if week is not None]
        return tuple(_due_between(kept, start, end)) if len(kept) == len(weeks) else None

    async def _week(self, week: Week) -> WeekModels:
        now = self._clock()
        cached = self._weeks.get(week, now)
        if cached is not None:
            return cached
        page = await self._fetch("SkemaNy.aspx", type="elev", week=week.code)
        read = await to_thread(read_week, page, week.monday)
        today = self._now().date()
        over = week.monday + timedelta(days=7) <= today
        far = week.monday > today + timedelta(days=NEAR_DAYS)
        self._weeks.put(week, now, read, over=over, ttl=FAR_WEEK_CACHE_TTL if far else None)
        return read

    async def _lesson_homework(self, start: date, end: date) -> list[models.Homework]:
        """The homework written on the schedule's lessons, due from ``start`` to ``end``."""
        weeks = [await self._week(week) for week in weeks_between(start, end)]
        return _due_between(weeks, start, end)


def _due_between(weeks: list[WeekModels], start: date, end: date) -> list[models.Homework]:
    return [item for week in weeks for item in week.homework if start <= item.due <= end]


def _message_signs(front_page: str) -> MessageSigns:
    return parse_message_signs(soup(front_page))


def _local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    first = datetime.combine(start, datetime.min.time(), tzinfo=COPENHAGEN)
    last = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=COPENHAGEN)
    return first, last
