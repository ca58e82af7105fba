"""Public holidays: the refresh schedule's fallback where the school's data says nothing.

A timetable tells school days apart only over the weeks it covers, and ScoDoc has none;
past them, a weekday that is a public holiday of the school's country has no school.
"""

from __future__ import annotations

from datetime import date

import holidays
from homeassistant.core import HomeAssistant

from .client.models import PLATFORM_COUNTRIES, SchoolPlatform


def _holidays_of(country: str, years: tuple[int, ...]) -> frozenset[date]:
    """Read from the holidays package, which imports its country modules (blocking)."""
    return frozenset(holidays.country_holidays(country, years=years))


class PublicHolidays:
    """The public holidays of a platform's country, this year and the next."""

    def __init__(self, platform: SchoolPlatform) -> None:
        self.country = PLATFORM_COUNTRIES[platform]
        self.days: frozenset[date] = frozenset()
        self._years: tuple[int, ...] = ()

    async def async_cover(self, hass: HomeAssistant, today: date) -> frozenset[date]:
        """The holidays from ``today``'s year to the next, read once per pair of years."""
        years = (today.year, today.year + 1)
        if years != self._years:
            self.days = await hass.async_add_executor_job(_holidays_of, self.country, years)
            self._years = years
        return self.days
