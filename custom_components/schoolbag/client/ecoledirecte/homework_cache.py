"""Keep each day's homework details between refreshes.

The upcoming-homework list (one request) tells which homework exists and
whether it is done; a day's details (one request per day) carry the text and
attachments, which rarely change. A day is fetched again only when its list of
homework ids changed or its details are older than ``max_age`` seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
import time

from ..models import Homework
from .parsers_homework import HomeworkEntry

DEFAULT_MAX_AGE = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class _CachedDay:
    ids: tuple[str, ...]
    fetched: float
    homework: tuple[Homework, ...]


class HomeworkDayCache:
    """Day details by (student, due date)."""

    def __init__(
        self, max_age: float = DEFAULT_MAX_AGE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._max_age = max_age
        self._clock = clock
        self._days: dict[tuple[str, date], _CachedDay] = {}

    def get(
        self, student_id: str, due: date, entries: Sequence[HomeworkEntry]
    ) -> list[Homework] | None:
        """The day's homework with today's done flags, or None when it must be fetched."""
        cached = self._days.get((student_id, due))
        if (
            cached is None
            or cached.ids != _ids(entries)
            or self._clock() - cached.fetched > self._max_age
        ):
            return None
        done = {entry.id: entry.done for entry in entries}
        return [replace(work, done=done.get(work.id, work.done)) for work in cached.homework]

    def put(
        self, student_id: str, due: date, entries: Sequence[HomeworkEntry], homework: list[Homework]
    ) -> None:
        """Remember a freshly fetched day."""
        self._days[(student_id, due)] = _CachedDay(_ids(entries), self._clock(), tuple(homework))

    def forget_before(self, day: date) -> None:
        """Drop days that are past, so the cache does not grow all year."""
        for key in [key for key in self._days if key[1] < day]:
            del self._days[key]


def _ids(entries: Sequence[HomeworkEntry]) -> tuple[str, ...]:
    return tuple(sorted(entry.id for entry in entries))
