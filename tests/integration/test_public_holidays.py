"""Without a timetable (ScoDoc), a public holiday of the school's country has no school."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

from custom_components.schoolbag.refresh_schedule import RefreshReason
from simulator.scodoc import ScoDocSimulator

from .conftest import PARIS
from .test_scodoc import add_scodoc

# Ascension Thursday, a public holiday in France, inside the simulator's spring semester.
ASCENSION = date(2026, 5, 14)


@pytest.fixture
def scodoc_simulator() -> ScoDocSimulator:
    return ScoDocSimulator(today=ASCENSION)


async def test_a_public_holiday_is_refreshed_at_the_off_hours_pace(
    hass_paris: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    scodoc_url: str,
) -> None:
    freezer.move_to(datetime.combine(ASCENSION, time(10), PARIS))
    entry = await add_scodoc(hass_paris, scodoc_url)
    coordinator = entry.runtime_data
    planned = coordinator.next_refresh
    assert planned is not None
    assert planned.reason is RefreshReason.NO_SCHOOL
    assert planned.at >= datetime.combine(ASCENSION, time(14), PARIS)

    # The next day is an ordinary school day of the same semester.
    freezer.move_to(datetime.combine(ASCENSION + timedelta(days=1), time(10), PARIS))
    await coordinator.async_refresh()
    planned = coordinator.next_refresh
    assert planned is not None
    assert planned.reason is RefreshReason.SCHOOL_HOURS
