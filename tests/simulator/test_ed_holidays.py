"""``holidays``: the timetable has no lesson on a day off, through the real client."""

from __future__ import annotations

from datetime import date, timedelta

import aiohttp

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.protocol import Credentials
from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator

from ..servers import ServeApp

TODAY = date(2026, 3, 25)  # a Wednesday
HOLIDAY = date(2026, 3, 26)  # the Thursday after
EVE = HOLIDAY - timedelta(days=1)
STUDENT = "2400"  # simple.eleve, no QCM


async def _client(
    serve_app: ServeApp, http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator
) -> EcoleDirecteClient:
    url = f"{await serve_app(build_app(ecoledirecte=sim))}/v3"
    client = EcoleDirecteClient(
        http_session, Credentials("simple.eleve", "motdepasse+&%"), base_url=url
    )
    await client.login()
    return client


async def test_a_holiday_has_no_lesson_and_the_eve_keeps_them(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    sim = EcoleDirecteSimulator(today=TODAY, holidays=[HOLIDAY])
    client = await _client(serve_app, http_session, sim)
    lessons = await client.timetable(STUDENT, EVE, HOLIDAY + timedelta(days=1))
    days = {lesson.start.date() for lesson in lessons}
    assert EVE in days
    assert HOLIDAY not in days
    assert HOLIDAY + timedelta(days=1) in days
    assert await client.timetable(STUDENT, HOLIDAY, HOLIDAY) == []


async def test_only_the_timetable_changes(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    usual = EcoleDirecteSimulator(today=TODAY)
    sim = EcoleDirecteSimulator(today=TODAY, holidays=[HOLIDAY])
    student, before = sim.student(int(STUDENT)), usual.student(int(STUDENT))
    assert [h.id for h in student.homework] == [h.id for h in before.homework]
    assert [g.id for g in student.grades] == [g.id for g in before.grades]
    kept = [lesson.id for lesson in before.lessons if lesson.start.date() != HOLIDAY]
    assert [lesson.id for lesson in student.lessons] == kept
    client = await _client(serve_app, http_session, sim)
    assert len(await client.homework(STUDENT, TODAY, TODAY + timedelta(days=14))) > 0


def test_reset_keeps_the_holidays() -> None:
    sim = EcoleDirecteSimulator(today=TODAY, holidays=(HOLIDAY,))
    sim.reset()
    assert sim.holidays == {HOLIDAY}
    assert all(lesson.start.date() != HOLIDAY for lesson in sim.student(int(STUDENT)).lessons)
