"""Parsed schedule weeks: a week that is over is kept, others for a few minutes (§10)."""

from __future__ import annotations

from datetime import date
import math

from .dates import Week
from .week_models import WeekModels


class WeekCache:
    """Week models by week, each served for ``ttl`` seconds after it was read.

    A week that is over does not change any more: it is kept as long as the refresh window
    reaches it (``keep_from`` drops those the window left). Other entries past their time
    are never served again, so storing a week drops them all.
    """

    def __init__(self, ttl: float) -> None:
        self._ttl = ttl
        self._weeks: dict[date, tuple[float, WeekModels]] = {}

    def __len__(self) -> int:
        """Number of weeks held."""
        return len(self._weeks)

    def get(self, week: Week, now: float) -> WeekModels | None:
        """The week if it is over or was read less than ``ttl`` seconds before ``now``."""
        entry = self._weeks.get(week.monday)
        if entry is None or now >= entry[0]:
            return None
        return entry[1]

    def put(
        self,
        week: Week,
        now: float,
        models: WeekModels,
        *,
        over: bool = False,
        ttl: float | None = None,
    ) -> None:
        """Keep ``models`` as read at ``now`` (for ``ttl`` seconds, or the cache's own).

        The weeks past their time are forgotten.
        """
        self._weeks = {key: entry for key, entry in self._weeks.items() if now < entry[0]}
        kept_until = math.inf if over else now + (self._ttl if ttl is None else ttl)
        self._weeks[week.monday] = (kept_until, models)

    def keep_from(self, first: date) -> None:
        """Drop the weeks that start before ``first``: the window has left them."""
        self._weeks = {monday: entry for monday, entry in self._weeks.items() if monday >= first}
