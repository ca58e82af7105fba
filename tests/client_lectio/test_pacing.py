"""Lectio's etiquette: one page at a time and a second between pages (protocol notes §10)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from custom_components.schoolbag.client.errors import RateLimitedError
from custom_components.schoolbag.client.lectio import LectioClient
from simulator.lectio import LectioSimulator

from ..fake_time import FakeClock
from .conftest import DEMO_ELEVID, TODAY, MakeClient


async def _refresh(client: LectioClient, monday: date) -> None:
    await client.login()
    await client.timetable(DEMO_ELEVID, monday, monday + timedelta(days=13))
    await client.homework(DEMO_ELEVID, monday, monday + timedelta(days=13))
    await client.grades(DEMO_ELEVID)
    await client.school_life(DEMO_ELEVID)
    await client.mailbox(DEMO_ELEVID)


@pytest.fixture
def fake_time(sim: LectioSimulator) -> FakeClock:
    """A server that answers an error page past one request a second, on a shared clock."""
    time = FakeClock()
    sim.clock = time  # type: ignore[method-assign]
    sim.faults.rate_limit = 1
    return time


async def test_a_refresh_keeps_to_one_page_a_second(
    make_client: MakeClient, sim: LectioSimulator, fake_time: FakeClock
) -> None:
    client = make_client(clock=fake_time, sleep=fake_time.sleep, request_gap=1.0)
    monday = TODAY - timedelta(days=TODAY.weekday())
    await _refresh(client, monday)
    assert len(sim.requests) > 6
    # Every page after the first waited a full second (the fake answers take no time).
    assert fake_time.pauses
    assert all(pause == pytest.approx(1.0) for pause in fake_time.pauses)


async def test_without_the_pause_the_server_refuses(
    make_client: MakeClient, fake_time: FakeClock
) -> None:
    client = make_client(clock=fake_time, sleep=fake_time.sleep, request_gap=0.0)
    monday = TODAY - timedelta(days=TODAY.weekday())
    with pytest.raises(RateLimitedError):
        await _refresh(client, monday)
