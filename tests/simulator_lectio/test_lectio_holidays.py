"""``holidays``: the week page keeps its table but draws no brick on a day off."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import aiohttp

from custom_components.schoolbag.client.lectio import LectioClient
from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.protocol import Credentials
from simulator.app import build_app
from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.people import SCHOOLS, STUDENTS
from simulator.lectio.pages.schedule import render
from simulator.lectio.pages.view import View

from ..servers import ServeApp
from .conftest import TODAY

HOLIDAY = TODAY + timedelta(days=1)  # the Thursday after a Wednesday
EVE = HOLIDAY - timedelta(days=1)
MONDAY = TODAY - timedelta(days=TODAY.weekday())
ELEVID = "60000000001"


async def _client(
    serve_app: ServeApp, http_session: aiohttp.ClientSession, sim: LectioSimulator
) -> LectioClient:
    origin = await serve_app(build_app(lectio=sim))
    return LectioClient(
        http_session,
        Credentials("demo", "demo"),
        school_id="680",
        base_url=origin,
        now=lambda: datetime.combine(TODAY, time(10), tzinfo=COPENHAGEN),
    )


async def test_a_holiday_has_no_lesson_and_the_eve_keeps_them(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    sim = LectioSimulator(today=TODAY, holidays=[HOLIDAY])
    client = await _client(serve_app, http_session, sim)
    lessons = await client.timetable(ELEVID, EVE, HOLIDAY + timedelta(days=1))
    days = {lesson.start.date() for lesson in lessons}
    assert EVE in days
    assert HOLIDAY + timedelta(days=1) in days
    assert all(not (lesson.start.date() <= HOLIDAY < lesson.end.date()) for lesson in lessons)
    assert HOLIDAY not in days
    assert await client.timetable(ELEVID, HOLIDAY, HOLIDAY) == []


async def test_a_week_off_is_a_schedule_table_without_bricks(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    week = [MONDAY + timedelta(days=n) for n in range(7)]
    sim = LectioSimulator(today=TODAY, holidays=week)
    page = render(View(SCHOOLS[0], STUDENTS[0], sim.now(), holidays=sim.holidays), MONDAY)
    assert 'class="s2skema"' in page
    assert f'data-date="{MONDAY.isoformat()}"' in page
    assert "s2skemabrik" not in page.replace("s2skemabrikcontainer", "")
    client = await _client(serve_app, http_session, sim)
    assert await client.timetable(ELEVID, MONDAY, week[-1]) == []
    assert await client.timetable(ELEVID, MONDAY + timedelta(days=7), MONDAY + timedelta(13))
    # Homework still comes from the lessons it was given in.
    assert await client.homework(ELEVID, MONDAY, MONDAY + timedelta(days=13))


def test_reset_keeps_the_holidays() -> None:
    sim = LectioSimulator(today=TODAY, holidays=(HOLIDAY,))
    sim.reset()
    assert sim.holidays == {HOLIDAY}
