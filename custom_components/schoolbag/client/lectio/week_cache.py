"""Parsed schedule weeks kept for a few minutes, and nothing older (Lectio protocol §10)."""

from __future__ import annotations

from .week_models import WeekModels


class WeekCache:
    """Week models by week code, each served for ``ttl`` seconds after it was read.

    An entry past its time is never served again, so storing a week drops them all: the
    cache holds at most the weeks read within the last ``ttl`` seconds.
    """

    def __init__(self, ttl: float) -> None:
        self._ttl = ttl
        self._weeks: dict[str, tuple[float, WeekModels]] = {}

    def __len__(self) -> int:
        """Number of weeks held."""
        return len(self._weeks)

    def get(self, code: str, now: float) -> WeekModels | None:
        """The week read less than ``ttl`` seconds before ``now``, else None."""
        entry = self._weeks.get(code)
        if entry is None or now - entry[0] >= self._ttl:
            return None
        return entry[1]

    def put(self, code: str, now: float, week: WeekModels) -> None:
        """Keep ``week`` as read at ``now``; forget the weeks past their time."""
        self._weeks = {
            key: entry for key, entry in self._weeks.items() if now - entry[0] < self._ttl
        }
        self._weeks[code] = (now, week)
