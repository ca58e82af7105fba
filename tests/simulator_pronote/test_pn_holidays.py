"""``holidays``: no lesson on a day off (through the real client), listed as a holiday."""

from __future__ import annotations

from datetime import date, timedelta

import aiohttp

from custom_components.schoolbag.client.pronote import PronoteClient
from custom_components.schoolbag.client.protocol import Credentials
from simulator.app import build_app
from simulator.pronote import PronoteSimulator
from simulator.pronote.auth import general_parameters
from simulator.pronote.fixtures.logins import DEMO_PASSWORD, DEMO_USERNAME

from ..servers import ServeApp

TODAY = date(2026, 3, 25)  # a Wednesday
HOLIDAY = date(2026, 3, 26)  # the Thursday after
EVE = HOLIDAY - timedelta(days=1)
MONDAY = TODAY - timedelta(days=TODAY.weekday())


async def _client(
    serve_app: ServeApp, http_session: aiohttp.ClientSession, sim: PronoteSimulator
) -> tuple[PronoteClient, str]:
    sim.base_url = await serve_app(build_app(pronote=sim))
    client = PronoteClient(
        http_session,
        Credentials(DEMO_USERNAME, DEMO_PASSWORD),
        url=f"{sim.base_url}/pronote/eleve.html",
    )
    account = await client.login()
    return client, account.students[0].id


async def test_a_holiday_has_no_lesson_and_the_eve_keeps_them(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    sim = PronoteSimulator(today=TODAY, holidays=[HOLIDAY])
    client, student = await _client(serve_app, http_session, sim)
    lessons = await client.timetable(student, EVE, HOLIDAY + timedelta(days=1))
    days = {lesson.start.date() for lesson in lessons}
    assert EVE in days
    assert HOLIDAY not in days
    assert HOLIDAY + timedelta(days=1) in days
    assert await client.timetable(student, HOLIDAY, HOLIDAY) == []


async def test_a_week_off_is_an_empty_list_of_lessons(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    week = [MONDAY + timedelta(days=n) for n in range(7)]
    sim = PronoteSimulator(today=TODAY, holidays=week)
    client, student = await _client(serve_app, http_session, sim)
    assert await client.timetable(student, MONDAY, week[-1]) == []
    later = await client.timetable(student, MONDAY + timedelta(days=7), MONDAY + timedelta(13))
    assert later
    # Homework is unchanged: the lessons it was built from are only left out of the timetable.
    usual = PronoteSimulator(today=TODAY)
    for student_id, pupil in sim.world.students.items():
        assert [w.id for w in pupil.homework] == [
            w.id for w in usual.world.students[student_id].homework
        ]


def test_holidays_are_listed_with_the_usual_ones_and_kept_by_reset() -> None:
    sim = PronoteSimulator(today=TODAY, holidays=[HOLIDAY, HOLIDAY + timedelta(days=1)])
    sim.reset()
    holidays = sim.world.year.holidays
    added = [h for h in holidays if h.start <= HOLIDAY <= h.end]
    assert [(h.start, h.end) for h in added] == [(HOLIDAY, HOLIDAY + timedelta(days=1))]
    usual = PronoteSimulator(today=TODAY).world.year.holidays
    assert set(holidays) - set(added) == set(usual)
    assert [h.start for h in holidays] == sorted(h.start for h in holidays)
    listed = general_parameters(sim.world.year, sim.version)["listeJoursFeries"]["V"]
    assert {"N": added[0].id, "L": "Congé"} | {
        "dateDebut": {"_T": 7, "V": "26/03/2026"},
        "dateFin": {"_T": 7, "V": "27/03/2026"},
    } in listed
