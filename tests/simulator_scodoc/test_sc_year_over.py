"""``year_over``: every semester ended before today, their grades still readable."""

from __future__ import annotations

from datetime import date, timedelta

import aiohttp

from custom_components.schoolbag.client.protocol import Credentials
from custom_components.schoolbag.client.scodoc import ScoDocClient
from simulator.app import build_app
from simulator.scodoc import ScoDocSimulator
from simulator.scodoc.fixtures.dates import school_year

from ..servers import AppClient, ServeApp, ServeAppClient
from .helpers import Api

TODAY = date(2026, 7, 20)  # summer holidays
ALICE = "31024587"
HUGO = "31029911"


def _semester_ends(sim: ScoDocSimulator) -> list[date]:
    return [date.fromisoformat(s["date_fin_iso"]) for s in sim.world.semesters]


def test_every_semester_ends_before_today_and_reset_keeps_it() -> None:
    sim = ScoDocSimulator(today=TODAY, year_over=True)
    sim.reset()
    assert sim.today == TODAY
    ends = _semester_ends(sim)
    assert all(end < TODAY for end in ends)
    assert max(ends) == TODAY - timedelta(days=14)
    # The last semesters belong to the school year that just ended.
    latest = max(sim.world.semesters, key=lambda s: s["date_fin_iso"])
    assert latest["annee_scolaire"] == school_year(TODAY)


def test_without_the_option_a_semester_is_current() -> None:
    sim = ScoDocSimulator(today=TODAY)
    assert any(end >= TODAY for end in _semester_ends(sim))


async def test_no_semester_is_current_on_the_wire(serve_app_client: ServeAppClient) -> None:
    sim = ScoDocSimulator(today=TODAY, year_over=True)
    client: AppClient = await serve_app_client(build_app(scodoc=sim))
    api = Api(client)
    current = await api.get("/ScoDoc/api/departement/INFO/formsemestres_courants")
    assert (current.status, current.body) == (200, [])
    students = await api.get("/ScoDoc/api/etudiants/courants")
    assert (students.status, students.body) == (200, [])


async def test_grades_of_the_ended_semester_are_readable(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    sim = ScoDocSimulator(today=TODAY, year_over=True)
    origin = await serve_app(build_app(scodoc=sim))
    client = ScoDocClient(
        http_session,
        Credentials("demo", "demo"),
        base_url=f"{origin}/ScoDoc",
        department="INFO",
        student_ids=(ALICE, HUGO),
        today=lambda: TODAY,
    )
    account = await client.login()
    for student in account.students:
        book = await client.grades(student.id)
        assert book.periods
        assert all(period.end < TODAY and period.closed for period in book.periods)
        assert book.selected_period_id is not None
        assert book.grades
        assert any(grade.value is not None for grade in book.grades)
