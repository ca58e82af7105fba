"""Lessons of school weeks that are over, kept while a refresh can still ask for them."""

from __future__ import annotations

from ..models import Lesson


class PastWeeks:
    """The lessons of each ``PageEmploiDuTemps`` answer, by student and school week number.

    A week that is over does not change any more, so it is read and parsed once. The refresh window
    only moves forward: a call drops the student's weeks before the first one it asks
    for, so the cache holds the past weeks of one window, not of the whole year.
    """

    def __init__(self) -> None:
        self._weeks: dict[str, dict[int, tuple[Lesson, ...]]] = {}

    def __len__(self) -> int:
        """Number of weeks held, all students together."""
        return sum(len(weeks) for weeks in self._weeks.values())

    def get(self, student_id: str, week: int) -> tuple[Lesson, ...] | None:
        """The lessons kept for that week, if any."""
        return self._weeks.get(student_id, {}).get(week)

    def put(self, student_id: str, week: int, lessons: tuple[Lesson, ...]) -> None:
        """Keep the lessons of a week that is over."""
        self._weeks.setdefault(student_id, {})[week] = lessons

    def keep_from(self, student_id: str, first_week: int) -> None:
        """Drop the student's weeks before ``first_week``."""
        weeks = self._weeks.get(student_id)
        if weeks:
            self._weeks[student_id] = {w: kept for w, kept in weeks.items() if w >= first_week}
