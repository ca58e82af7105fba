"""School news and school life change less often than the half-hourly refresh: a later call
within their age sends no request; after it, one (the login is not repeated for them)."""

from __future__ import annotations

from datetime import date

import aiohttp
from freezegun.api import FrozenDateTimeFactory
import pytest

from custom_components.schoolbag.client.pronote.const import (
    INFORMATION_MAX_AGE,
    SCHOOL_LIFE_MAX_AGE,
)
from simulator.pronote import PronoteSimulator

from ..fake_time import FakeClock
from .helpers import functions, make_client

HALF_HOUR = 30 * 60.0
# A Thursday of the second trimester, with news and absences.
SCHOOL_DAY = date(2026, 12, 3)


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulated Pronote on a fixed school day."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture(autouse=True)
def on_the_school_day(freezer: FrozenDateTimeFactory) -> None:
    """The client lives on the server's day."""
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")


async def test_news_are_read_again_after_about_three_hours(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0]
    news = await client.information(student.id)
    assert news
    assert functions(sim).count("PageActualites") == 1

    clock.now += HALF_HOUR
    assert await client.information(student.id) == news
    assert functions(sim).count("PageActualites") == 1

    clock.now += INFORMATION_MAX_AGE - HALF_HOUR
    assert await client.information(student.id) == news
    assert functions(sim).count("PageActualites") == 2


async def test_school_life_is_read_at_every_other_half_hourly_refresh(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0]
    life = await client.school_life(student.id)
    assert life.absences
    before = len(sim.requests)

    clock.now += HALF_HOUR
    assert await client.school_life(student.id) == life
    assert functions(sim, before) == []

    clock.now += HALF_HOUR
    assert SCHOOL_LIFE_MAX_AGE <= 2 * HALF_HOUR
    assert await client.school_life(student.id) == life
    assert functions(sim, before).count("PagePresence") == 1
