"""Weeks that are over are read once; the current and later weeks at every call."""

from __future__ import annotations

from datetime import date, timedelta

import aiohttp
from freezegun.api import FrozenDateTimeFactory
import pytest

from simulator.pronote import PronoteSimulator

from .helpers import functions, make_client

# A Thursday in term: the week before and this week both have lessons. The server and
# the client (which decides which weeks are over) both live on that day.
TERM_THURSDAY = date(2026, 12, 3)


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulated Pronote on a fixed school day."""
    return PronoteSimulator(today=TERM_THURSDAY)


async def test_past_week_read_once(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    freezer: FrozenDateTimeFactory,
) -> None:
    freezer.move_to(f"{TERM_THURSDAY.isoformat()} 10:00:00+01:00")
    client = make_client(http_session, root)
    student = (await client.login()).students[0]
    start, end = sim.today - timedelta(days=7), sim.today + timedelta(days=14)

    before = len(sim.requests)
    first = await client.timetable(student.id, start, end)
    first_calls = functions(sim, before).count("PageEmploiDuTemps")
    before = len(sim.requests)
    second = await client.timetable(student.id, start, end)
    second_calls = functions(sim, before).count("PageEmploiDuTemps")

    assert second == first
    assert any(
        lesson.start.date() < sim.today - timedelta(days=sim.today.weekday()) for lesson in first
    )
    assert second_calls == first_calls - 1
