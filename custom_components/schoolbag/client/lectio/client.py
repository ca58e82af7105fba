"""The Lectio client: its data calls, on the session of ``LectioSessionClient``."""

from __future__ import annotations

from asyncio import to_thread
from datetime import date, datetime, timedelta
from functools import cached_property

from .. import models
from ..aged_cache import AgedCache
from .const import (
    ABSENCE_RATES_MAX_AGE,
    COPENHAGEN,
    FAR_WEEK_CACHE_TTL,
    GRADE_REPORT_MAX_AGE,
    NEAR_DAYS,
    NEWEST_FOLDER,
    ONE_DAY,
    WEEK_CACHE_TTL,
)
from .dates import Week, weeks_between
from .html import soup
from .parsers_absence import parse_absence_rates, parse_registered_absences
from .parsers_account import parse_unread_count
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


type _AbsenceRates = tuple[tuple[models.Absence, ...], tuple[models.AbsenceRate, ...]]


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
    def _absence_rates(self) -> AgedCache[str, _AbsenceRates]:
        """The rates read with the registered absences they were read with."""
        return AgedCache(ABSENCE_RATES_MAX_AGE)

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
                overview = await self._fetch("material_lektieoversigt.aspx")
                for item in await to_thread(parse_homework_overview, overview, today):
                    found.setdefault(item.id, item)
            if start < today:
                for item in await self._past_homework(start, min(end, today - ONE_DAY)):
                    found.setdefault(item.id, item)
            for item in await to_thread(parse_assignments, await self._fetch("OpgaverElev.aspx")):
                found.setdefault(item.id, item)
            wanted = [item for item in found.values() if start <= item.due <= end]
            return sorted(wanted, key=lambda item: (item.due, item.subject, item.id))

        return await self._call(student_id, run)

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """The grade report (dated today: Lectio shows no dates), read again after six hours."""

        async def run() -> models.GradeBook:
            if (kept := self._grade_report.get(student_id, self._clock())) is not None:
                return kept
            page = await self._fetch("grades/grade_report.aspx")
            book = await to_thread(parse_grade_report, page, self._now().date())
            self._grade_report.put(student_id, self._clock(), book)
            return book

        return await self._call(student_id, run)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absence rates (physical and written, per team and overall) and registered absences."""

        async def run() -> models.SchoolLife:
            reasons = await self._fetch("subnav/fravaerelev_fravaersaarsager.aspx")
            absences = tuple(await to_thread(parse_registered_absences, reasons))
            kept = self._absence_rates.get(student_id, self._clock())
            if kept is not None and kept[0] == absences:
                rates = kept[1]
            else:
                page = await self._fetch("subnav/fravaerelev.aspx")
                rates = tuple(await to_thread(parse_absence_rates, page))
                self._absence_rates.put(student_id, self._clock(), (absences, rates))
            return models.SchoolLife(absences=absences, absence_rates=rates)

        return await self._call(student_id, run)

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """The newest threads (subjects only) and the front page's unread counter."""

        async def run() -> models.Mailbox:
            now = self._now()
            listing = await self._fetch(
                "beskeder2.aspx", type="liste", selectedfolderid=NEWEST_FOLDER
            )
            messages = tuple(await to_thread(parse_messages, listing, now))
            front_page = await self._fetch("forside.aspx")
            unread = await to_thread(_unread_on, front_page)
            if unread is None:
                unread = sum(1 for message in messages if not message.read)
            return models.Mailbox(unread=unread, messages=messages)

        return await self._call(student_id, run)

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

    async def _past_homework(self, start: date, end: date) -> list[models.Homework]:
        found: list[models.Homework] = []
        for week in weeks_between(start, end):
            found.extend(
                item for item in (await self._week(week)).homework if start <= item.due <= end
            )
        return found


def _unread_on(front_page: str) -> int | None:
    return parse_unread_count(soup(front_page))


def _local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    first = datetime.combine(start, datetime.min.time(), tzinfo=COPENHAGEN)
    last = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=COPENHAGEN)
    return first, last
