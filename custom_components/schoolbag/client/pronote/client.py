"""The Pronote client: its data calls, on the session of ``PronoteSessionClient``."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from .. import models
from ..aged_cache import AgedCache
from ..errors import NotSupportedError
from .auth import LoggedIn
from .const import (
    INFORMATION_MAX_AGE,
    MENU_WEEK_MAX_AGE,
    SCHOOL_LIFE_MAX_AGE,
    SKILLS_MAX_AGE,
    TAB_ATTENDANCE,
    TAB_EVALUATIONS,
    TAB_GRADES,
    TAB_HOMEWORK,
    TAB_MENUS,
    TAB_MESSAGES,
    TAB_NEWS,
    TAB_TIMETABLE,
)
from .dates import format_datetime
from .parsers_account import PeriodRef, StudentContext
from .parsers_extras import menus_between, parse_evaluations, parse_information, week_menus
from .parsers_grades import parse_grades
from .parsers_homework import homework_id_day, parse_homework
from .parsers_messages import parse_mailbox
from .parsers_school_life import parse_school_life
from .parsers_timetable import lessons_between, page_lessons, week_range
from .past_weeks import PastWeeks
from .session_client import PronoteSessionClient
from .timetable_requests import interval_request
from .typed_values import domain


class PronoteClient(PronoteSessionClient):
    """Async client for one Pronote account; ``PronoteSessionClient`` says how it logs in."""

    @cached_property
    def _past_weeks(self) -> PastWeeks:
        return PastWeeks()

    @cached_property
    def _menu_weeks(self) -> AgedCache[tuple[str, date], tuple[models.MenuDay, ...]]:
        """A week's menus, parsed, by (student, Monday)."""
        return AgedCache(MENU_WEEK_MAX_AGE)

    @cached_property
    def _skills(self) -> AgedCache[tuple[str, str], list[models.SkillEvaluation]]:
        """Skills evaluations change rarely: by (student, period)."""
        return AgedCache(SKILLS_MAX_AGE)

    @cached_property
    def _school_lives(self) -> AgedCache[str, models.SchoolLife]:
        return AgedCache(SCHOOL_LIFE_MAX_AGE)

    @cached_property
    def _news(self) -> AgedCache[str, tuple[models.Information, ...]]:
        return AgedCache(INFORMATION_MAX_AGE)

    @cached_property
    def _homework_refs(self) -> dict[tuple[str, str], str]:
        """Homework ``N`` of the current server session, by (student id, homework id)."""
        return {}

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons from ``start`` to ``end`` inclusive, sorted by start.

        Weeks that are over are kept once read; the others, up to ``end``, come in one call,
        from the Monday of the first week not kept (so a week read whole is kept whole).
        """

        async def run(current: LoggedIn) -> list[models.Lesson]:
            context = self._student(current, student_id)
            weeks = week_range(current.year, start, end)
            if TAB_TIMETABLE not in current.user.tabs or not weeks:
                return []
            year, resource = current.year, context.reference()
            today = datetime.now(self._zone).date()
            self._past_weeks.keep_from(student_id, weeks[0])
            pages: list[tuple[models.Lesson, ...]] = []

            async def read(data: dict[str, Any]) -> tuple[models.Lesson, ...]:
                reply = await self._tab_call(
                    current, context, "PageEmploiDuTemps", TAB_TIMETABLE, data
                )
                return tuple(page_lessons(reply.data, year, self._zone))

            unread = list(weeks)
            while unread and year.week_over(unread[0], today):
                if (kept := self._past_weeks.get(student_id, unread[0])) is None:
                    break
                pages.append(kept)
                unread.pop(0)
            if unread:
                first, last = year.clamp(year.monday(unread[0]), end)
                lessons = await read(interval_request(resource, first, last))
                pages.append(lessons)
                for week in (week for week in unread if year.week_over(week, today)):
                    of_week = (item for item in lessons if year.week(item.start.date()) == week)
                    self._past_weeks.put(student_id, week, tuple(of_week))
            return lessons_between(pages, start, end)

        return await self._run(run)

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework due from ``start`` to ``end`` inclusive, sorted by due date."""

        async def run(current: LoggedIn) -> list[models.Homework]:
            # The references kept are those of the latest read: older ones left its window.
            self._homework_refs = {
                key: number for key, number in self._homework_refs.items() if key[0] != student_id
            }
            return await self._fetch_homework(current, student_id, start, end)

        return await self._run(run)

    async def set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """Mark homework done (or not done). Pronote lets only students do it."""
        due = homework_id_day(homework_id)
        if due is None:
            raise ValueError("not a Pronote homework id")

        async def run(current: LoggedIn) -> None:
            context = self._student(current, student_id)
            if current.user.is_parent:
                raise NotSupportedError("Pronote lets only the student mark homework done")
            number = self._homework_refs.get((student_id, homework_id))
            if number is None:
                await self._fetch_homework(current, student_id, due, due)
                number = self._homework_refs.get((student_id, homework_id))
            if number is None:
                raise NotSupportedError("this homework is no longer on Pronote")
            await self._tab_call(
                current,
                context,
                "SaisieTAFFaitEleve",
                TAB_HOMEWORK,
                {"listeTAF": [{"N": number, "TAFFait": done, "E": 2}]},
            )

        await self._run(run)

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """Periods, with the grades, averages and skills of one period (the current by default).

        Skills evaluations are read again only after ``SKILLS_MAX_AGE`` seconds.
        """

        async def run(current: LoggedIn) -> models.GradeBook:
            context = self._student(current, student_id)
            periods = tuple(ref.period for ref in self._periods(current, context, TAB_GRADES))
            skills = await self._recent_skills(current, context, period_id)
            if TAB_GRADES not in current.user.tabs:
                return models.GradeBook(periods=periods, skills=tuple(skills))
            chosen = self._period(current, context, TAB_GRADES, period_id)
            if chosen is None:
                return models.GradeBook(periods=periods, skills=tuple(skills))
            reply = await self._tab_call(
                current, context, "DernieresNotes", TAB_GRADES, {"Periode": chosen.reference()}
            )
            grades, averages = parse_grades(reply.data, chosen.period.id)
            return models.GradeBook(
                periods=periods,
                grades=tuple(grades),
                averages=tuple(averages),
                skills=tuple(skills),
            )

        return await self._run(run)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absences, delays and punishments of the school year, read again after an hour."""

        async def run(current: LoggedIn) -> models.SchoolLife:
            context = self._student(current, student_id)
            if TAB_ATTENDANCE not in current.user.tabs:
                return models.SchoolLife()
            # The whole year when the tab offers it, else its default period.
            listed = self._periods(current, context, TAB_ATTENDANCE)
            chosen = next((ref for ref in listed if ref.period.yearly), None)
            chosen = chosen or self._period(current, context, TAB_ATTENDANCE, None)
            if chosen is None:
                return models.SchoolLife()
            data = {
                "periode": chosen.reference(),
                "DateDebut": {"_T": 7, "V": format_datetime(_midnight(chosen.period.start))},
                "DateFin": {"_T": 7, "V": format_datetime(_midnight(chosen.period.end))},
            }
            reply = await self._tab_call(current, context, "PagePresence", TAB_ATTENDANCE, data)
            return parse_school_life(reply.data)

        return await self._school_lives.get_or_read(student_id, self._clock, lambda: self._run(run))

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """Discussions of the account and their unread count (no message body is read)."""

        async def run(current: LoggedIn) -> models.Mailbox:
            context = self._student(current, student_id)
            if TAB_MESSAGES not in current.user.tabs:
                return models.Mailbox(unread=0)
            data = {"avecMessage": True, "avecLu": True, "possessionMessageDiscussionUnique": None}
            reply = await self._tab_call(current, context, "ListeMessagerie", TAB_MESSAGES, data)
            return parse_mailbox(reply.data, self._zone)

        return await self._run(run)

    async def evaluations(
        self, student_id: str, period_id: str | None = None
    ) -> list[models.SkillEvaluation]:
        """Skills evaluations of one period (the current one by default)."""

        async def run(current: LoggedIn) -> list[models.SkillEvaluation]:
            context = self._student(current, student_id)
            chosen = self._skills_period(current, context, period_id)
            return await self._fetch_skills(current, context, chosen) if chosen else []

        return await self._run(run)

    async def _recent_skills(
        self, current: LoggedIn, context: StudentContext, period_id: str | None
    ) -> list[models.SkillEvaluation]:
        """Skills evaluations, from the cache while it is younger than ``SKILLS_MAX_AGE``."""
        chosen = self._skills_period(current, context, period_id)
        if chosen is None:
            return []
        return await self._skills.get_or_read(
            (context.student.id, chosen.period.id),
            self._clock,
            lambda: self._fetch_skills(current, context, chosen),
        )

    def _skills_period(
        self, current: LoggedIn, context: StudentContext, period_id: str | None
    ) -> PeriodRef | None:
        """The period to read skills of; None when the account has no skills tab."""
        if TAB_EVALUATIONS not in current.user.tabs:
            return None
        return self._period(current, context, TAB_EVALUATIONS, period_id)

    async def _fetch_skills(
        self, current: LoggedIn, context: StudentContext, chosen: PeriodRef
    ) -> list[models.SkillEvaluation]:
        reply = await self._tab_call(
            current,
            context,
            "DernieresEvaluations",
            TAB_EVALUATIONS,
            {"periode": chosen.reference()},
        )
        return parse_evaluations(reply.data, chosen.period.id)

    async def menus(self, student_id: str, start: date, end: date) -> list[models.MenuDay]:
        """Canteen menus from ``start`` to ``end`` inclusive.

        Pronote answers a week per request; a week read less than ``MENU_WEEK_MAX_AGE`` ago
        is not asked again, so a window across two weeks costs about one request.
        """

        async def run(current: LoggedIn) -> list[models.MenuDay]:
            context = self._student(current, student_id)
            if TAB_MENUS not in current.user.tabs or start > end:
                return []
            weeks: list[tuple[models.MenuDay, ...]] = []
            monday = start - timedelta(days=start.weekday())
            while monday <= end:
                weeks.append(await self._menu_week(current, context, monday))
                monday += timedelta(days=7)
            return menus_between(weeks, start, end)

        return await self._run(run)

    async def _menu_week(
        self, current: LoggedIn, context: StudentContext, monday: date
    ) -> tuple[models.MenuDay, ...]:
        """The week of menus starting on ``monday``, kept for ``MENU_WEEK_MAX_AGE``."""

        async def read() -> tuple[models.MenuDay, ...]:
            moment = f"{monday.day}/{monday.month}/{monday.year} 0:0:0"
            reply = await self._tab_call(
                current, context, "PageMenus", TAB_MENUS, {"date": {"_T": 7, "V": moment}}
            )
            return tuple(week_menus(reply.data))

        key = (context.student.id, monday)
        return await self._menu_weeks.get_or_read(key, self._clock, read)

    async def information(self, student_id: str) -> list[models.Information]:
        """Information and surveys (bodies when the list has them), kept about three hours."""

        async def run(current: LoggedIn) -> tuple[models.Information, ...]:
            context = self._student(current, student_id)
            if TAB_NEWS not in current.user.tabs:
                return ()
            data = {"modesAffActus": {"_T": 26, "V": "[0..3]"}}
            reply = await self._tab_call(current, context, "PageActualites", TAB_NEWS, data)
            return tuple(parse_information(reply.data, self._zone))

        return list(await self._news.get_or_read(student_id, self._clock, lambda: self._run(run)))

    def _adopt(self, session: LoggedIn) -> LoggedIn:
        self._homework_refs.clear()
        return super()._adopt(session)

    async def _fetch_homework(
        self, current: LoggedIn, student_id: str, start: date, end: date
    ) -> list[models.Homework]:
        context = self._student(current, student_id)
        weeks = week_range(current.year, start, end)
        if TAB_HOMEWORK not in current.user.tabs or not weeks:
            return []
        reply = await self._tab_call(
            current,
            context,
            "PageCahierDeTexte",
            TAB_HOMEWORK,
            {"domaine": domain(weeks[0], weeks[-1])},
        )
        entries = parse_homework(reply.data, start, end)
        for entry in entries:
            self._homework_refs[(student_id, entry.homework.id)] = entry.number
        return [entry.homework for entry in entries]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())
