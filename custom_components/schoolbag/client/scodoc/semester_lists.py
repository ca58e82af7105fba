"""Each student's semester list, read once a day (ScoDoc protocol §4.3)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from .models import Semester


class SemesterLists:
    """The semester list last read for each followed student, and the day it was read.

    Semesters are set up by the university a few times a year: the list read at login, or
    by the day's first refresh, serves every refresh of that day. A call for a semester the
    list does not hold reads it again. One list per followed student is kept.
    """

    def __init__(
        self, read: Callable[[str], Awaitable[list[Semester]]], today: Callable[[], date]
    ) -> None:
        self._read = read
        self._today = today
        self._lists: dict[str, tuple[date, list[Semester]]] = {}

    async def at_login(self, student_id: str) -> list[Semester]:
        """Read the list for the login; the day's refreshes take it."""
        return await self._fresh(student_id)

    async def current(self, student_id: str) -> list[Semester]:
        """The list for a refresh's current grades: today's, else a new reading."""
        known = self._lists.get(student_id)
        if known is not None and known[0] == self._today():
            return known[1]
        return await self._fresh(student_id)

    async def holding(self, student_id: str, semester_id: str) -> list[Semester]:
        """The list last read when it holds ``semester_id``, else a new reading."""
        known = self._lists.get(student_id)
        if known is not None and any(str(s.id) == semester_id for s in known[1]):
            return known[1]
        return await self._fresh(student_id)

    async def _fresh(self, student_id: str) -> list[Semester]:
        semesters = await self._read(student_id)
        self._lists[student_id] = (self._today(), semesters)
        return semesters
