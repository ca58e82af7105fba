"""Timetable answers of school weeks that are over, kept while a refresh can still ask them."""

from __future__ import annotations

from typing import Any


class PastWeeks:
    """``PageEmploiDuTemps`` answers by student and school week number.

    A week that is over does not change any more, so it is read once. The refresh window
    only moves forward: a call drops the student's weeks before the first one it asks
    for, so the cache holds the past weeks of one window, not of the whole year.
    """

    def __init__(self) -> None:
        self._weeks: dict[str, dict[int, dict[str, Any]]] = {}

    def __len__(self) -> int:
        """Number of weeks held, all students together."""
        return sum(len(weeks) for weeks in self._weeks.values())

    def get(self, student_id: str, week: int) -> dict[str, Any] | None:
        """The answer kept for that week, if any."""
        return self._weeks.get(student_id, {}).get(week)

    def put(self, student_id: str, week: int, page: dict[str, Any]) -> None:
        """Keep the answer of a week that is over."""
        self._weeks.setdefault(student_id, {})[week] = page

    def keep_from(self, student_id: str, first_week: int) -> None:
        """Drop the student's weeks before ``first_week``."""
        weeks = self._weeks.get(student_id)
        if weeks:
            self._weeks[student_id] = {w: page for w, page in weeks.items() if w >= first_week}
