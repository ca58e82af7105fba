"""Each student's semester list, read once per refresh (ScoDoc protocol §4.3)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from .models import Semester


class SemesterLists:
    """The semester list last read for each followed student.

    A refresh starts with the current grades: that call reads the list again, unless the
    login has just read it. Calls for a given semester in the same refresh reuse the list
    when it holds that semester. One list per followed student is kept.
    """

    def __init__(self, read: Callable[[str], Awaitable[list[Semester]]]) -> None:
        self._read = read
        self._lists: dict[str, list[Semester]] = {}
        # Students whose list the login read and no refresh has used yet.
        self._from_login: set[str] = set()

    async def at_login(self, student_id: str) -> list[Semester]:
        """Read the list for the login; the refresh that follows takes it."""
        semesters = await self._fresh(student_id)
        self._from_login.add(student_id)
        return semesters

    async def current(self, student_id: str) -> list[Semester]:
        """The list for a refresh's current grades: the login's, else a new reading."""
        if student_id in self._from_login:
            self._from_login.discard(student_id)
            return self._lists[student_id]
        return await self._fresh(student_id)

    async def holding(self, student_id: str, semester_id: str) -> list[Semester]:
        """The list last read when it holds ``semester_id``, else a new reading."""
        known = self._lists.get(student_id)
        if known is not None and any(str(s.id) == semester_id for s in known):
            return known
        return await self._fresh(student_id)

    async def _fresh(self, student_id: str) -> list[Semester]:
        semesters = await self._read(student_id)
        self._lists[student_id] = semesters
        self._from_login.discard(student_id)
        return semesters
