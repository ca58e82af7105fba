"""Reading one refresh's worth of data for each student, as far as the platform offers it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.util import dt as dt_util

from .client import SchoolClient
from .client.models import Capability, GradeBook, Period, Student, Wallet
from .client.together import Reads, Result
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
        reads = Reads()
        wallets = reads.add(self._wallets)
        built = [self._queue_student(reads, student, wallets) for student in students]
        await reads.run(together=self._client.concurrent_calls)
        return [data() for data in built]

    async def _wallets(self) -> list[Wallet]:
        return await self._client.wallets() if self._offers(Capability.WALLETS) else []

    def _queue_student(
        self, reads: Reads, student: Student, wallets: Result[list[Wallet]]
    ) -> Callable[[], StudentData]:
        """Queue the reads of what the platform offers for ``student``; build its data after.

        They are queued in the order a client that serialises its calls sends them.
        """
        client = self._client
        sid = student.id
        today = dt_util.now().date()

        def read[T](capability: Capability, call: Callable[[], Awaitable[T]]) -> Result[T] | None:
            return reads.add(call) if self._offers(capability) else None

        window = self.timetable_window(today)
        lessons = (
            read(Capability.TIMETABLE, lambda: client.timetable(sid, *window)) if window else None
        )
        homework = read(
            Capability.HOMEWORK,
            lambda: client.homework(
                sid,
                today - timedelta(days=HOMEWORK_DAYS_BEHIND),
                today + timedelta(days=HOMEWORK_DAYS_AHEAD),
            ),
        )
        grades = read(Capability.GRADES, lambda: self._grades(sid, today))
        school_life = read(Capability.SCHOOL_LIFE, lambda: client.school_life(sid))
        mailbox = read(Capability.MESSAGES, lambda: client.mailbox(sid))
        canteen = read(Capability.CANTEEN, lambda: client.canteen(sid))
        menus = read(
            Capability.MENUS,
            lambda: client.menus(sid, today, today + timedelta(days=MENU_DAYS_AHEAD)),
        )
        information = read(Capability.INFORMATION, lambda: client.information(sid))

        def data() -> StudentData:
            return StudentData(
                student=student,
                lessons=tuple(lessons.value) if lessons else (),
                homework=tuple(homework.value) if homework else (),
                grades=grades.value if grades else None,
                school_life=school_life.value if school_life else None,
                mailbox=mailbox.value if mailbox else None,
                canteen=canteen.value if canteen else None,
                menus=tuple(menus.value) if menus else (),
                information=tuple(information.value) if information else None,
                wallets=tuple(w for w in wallets.value if w.student_id in (None, sid)),
            )

        return data

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
