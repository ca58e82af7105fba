"""Weeks that are over are read once; the current and later weeks at every call."""

from __future__ import annotations

from datetime import date, timedelta

import aiohttp
import pytest

from simulator.pronote import PronoteSimulator

from .helpers import functions, make_client

# A Thursday in term: the week before and this week both have lessons, whatever
# day the suite runs (on a real weekend, "7 days ago" falls after last week's lessons).
TERM_THURSDAY = date(2026, 12, 3)


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulated Pronote on a fixed school day."""
    return PronoteSimulator(today=TERM_THURSDAY)


async def test_past_week_read_once(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
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
