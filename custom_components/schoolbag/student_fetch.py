"""Reading one refresh's worth of data for each student, as far as the platform offers it."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.util import dt as dt_util

from .client import SchoolClient
from .client.models import Capability, GradeBook, Period, Student, Wallet
from .const import (
    CONF_WEEKS_AHEAD,
    HOMEWORK_DAYS_AHEAD,
    HOMEWORK_DAYS_BEHIND,
    MENU_DAYS_AHEAD,
    TIMETABLE_DAYS_AHEAD,
    TIMETABLE_DAYS_BEHIND,
)
from .data import StudentData
from .grade_periods import join_periods, periods_to_complete


class StudentFetcher:
    """Asks the school for each kind of data its platform offers, nothing else."""

    def __init__(self, client: SchoolClient, entry: ConfigEntry) -> None:
        """The entry's options say how far ahead to read the timetable."""
        self._client = client
        self._entry = entry
        # Grades of terms that are over, read once per run: (student id, period id) -> book.
        self._ended_periods: dict[tuple[str, str], GradeBook] = {}

    def _offers(self, capability: Capability) -> bool:
        return capability in self._client.capabilities

    async def async_fetch(self, students: list[Student]) -> list[StudentData]:
        """The data of ``students``: all at once where the client allows it, else in turn."""
        wallets: list[Wallet] = []
        if self._offers(Capability.WALLETS):
            wallets = await self._client.wallets()
        if not self._client.parallel_students or len(students) < 2:
            return [await self._fetch_student(student, wallets) for student in students]
        try:
            async with asyncio.TaskGroup() as group:
                tasks = [
                    group.create_task(self._fetch_student(student, wallets)) for student in students
                ]
        except ExceptionGroup as failed:
            # The refresh fails as it would have with the first error alone.
            raise failed.exceptions[0] from None
        return [task.result() for task in tasks]

    async def _fetch_student(self, student: Student, wallets: list[Wallet]) -> StudentData:
        client = self._client
        today = dt_util.now().date()
        # The keywords are in the order the requests are sent.
        return StudentData(
            student=student,
            lessons=tuple(
                await client.timetable(
                    student.id,
                    today - timedelta(days=TIMETABLE_DAYS_BEHIND),
                    today + self._timetable_ahead,
                )
                if self._offers(Capability.TIMETABLE)
                else ()
            ),
            homework=tuple(
                await client.homework(
                    student.id,
                    today - timedelta(days=HOMEWORK_DAYS_BEHIND),
                    today + timedelta(days=HOMEWORK_DAYS_AHEAD),
                )
                if self._offers(Capability.HOMEWORK)
                else ()
            ),
            grades=(
                await self._grades(student.id, today) if self._offers(Capability.GRADES) else None
            ),
            school_life=(
                await client.school_life(student.id)
                if self._offers(Capability.SCHOOL_LIFE)
                else None
            ),
            mailbox=(
                await client.mailbox(student.id) if self._offers(Capability.MESSAGES) else None
            ),
            canteen=(
                await client.canteen(student.id) if self._offers(Capability.CANTEEN) else None
            ),
            menus=tuple(
                await client.menus(student.id, today, today + timedelta(days=MENU_DAYS_AHEAD))
                if self._offers(Capability.MENUS)
                else ()
            ),
            information=(
                tuple(await client.information(student.id))
                if self._offers(Capability.INFORMATION)
                else None
            ),
            wallets=tuple(w for w in wallets if w.student_id in (None, student.id)),
        )

    def timetable_window(self, today: date) -> tuple[date, date] | None:
        """The days a refresh on ``today`` reads lessons for; None without a timetable."""
        if not self._offers(Capability.TIMETABLE):
            return None
        return today - timedelta(days=TIMETABLE_DAYS_BEHIND), today + self._timetable_ahead

    @property
    def _timetable_ahead(self) -> timedelta:
        weeks = self._entry.options.get(CONF_WEEKS_AHEAD)
        if weeks is None:
            return timedelta(days=TIMETABLE_DAYS_AHEAD)
        return timedelta(weeks=int(weeks))

    async def _grades(self, student_id: str, today: date) -> GradeBook:
        """The current period's grades, joined to those of the periods that are over."""
        book = await self._client.grades(student_id)
        others: list[tuple[Period, GradeBook]] = []
        for period in periods_to_complete(book, today):
            key = (student_id, period.id)
            if key not in self._ended_periods:
                self._ended_periods[key] = await self._client.grades(student_id, period.id)
            others.append((period, self._ended_periods[key]))
        return join_periods(book, others)
