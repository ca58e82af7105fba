"""Each student's semester list is read once a day (the login's reading included)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from custom_components.schoolbag.client.errors import NotFoundError
from custom_components.schoolbag.client.scodoc import ScoDocClient
from simulator.scodoc import ScoDocSimulator

from .conftest import ALICE, HUGO, MakeClient

TODAY = date(2026, 11, 17)


@pytest.fixture
def sim() -> ScoDocSimulator:
    """The simulated ScoDoc on a fixed day."""
    return ScoDocSimulator(today=TODAY)


def _semester_queries(sim: ScoDocSimulator, since: int) -> dict[str, int]:
    """Semester queries sent since request ``since``, by NIP as sent."""
    counts: dict[str, int] = {}
    for _, path in sim.requests[since:]:
        if "/formsemestres/query?nip=" in path:
            nip = path.rsplit("=", 1)[1]
            counts[nip] = counts.get(nip, 0) + 1
    return counts


async def _refresh(client: ScoDocClient) -> None:
    """What the coordinator reads: current grades, ended semesters' grades, attendance."""
    account = await client.login()
    for student in account.students:
        book = await client.grades(student.id)
        for period in book.periods:
            if period.closed:
                await client.grades(student.id, period.id)
        await client.school_life(student.id)


async def test_one_semester_query_per_student_per_day(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    today = TODAY
    client = make_client(today=lambda: today)
    before = len(sim.requests)
    await _refresh(client)
    first = _semester_queries(sim, before)
    before = len(sim.requests)
    await _refresh(client)
    later = _semester_queries(sim, before)
    today = TODAY + timedelta(days=1)
    before = len(sim.requests)
    await _refresh(client)
    next_day = _semester_queries(sim, before)

    # Alice has an ended semester: its grades reuse the list read at login.
    assert first == {ALICE: 1, f"{HUGO}.0": 1}
    # The day's later refreshes reuse the list; the next day reads it again.
    assert later == {}
    assert next_day == first


async def test_unknown_semester_reads_the_list_again(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client(student_ids=(ALICE,), today=lambda: TODAY)
    book = await client.grades(ALICE)
    before = len(sim.requests)
    again = await client.grades(ALICE, book.periods[0].id)
    assert _semester_queries(sim, before) == {}
    with pytest.raises(NotFoundError, match="not enrolled"):
        await client.grades(ALICE, "999999")
    assert _semester_queries(sim, before) == {ALICE: 1}
    assert again.periods == book.periods


async def test_the_login_looks_up_the_department_and_each_student_at_once(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client(today=lambda: TODAY)
    sim.faults.latency = 0.02
    sim.most_in_flight = 0

    account = await client.login()

    assert [student.id for student in account.students] == [ALICE, HUGO]
    assert all(student.class_name for student in account.students)
    assert account.school_name
    # The department, then each student's record and semesters: three at once.
    assert sim.most_in_flight == 3


async def test_reads_at_once_look_a_student_up_once(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client(today=lambda: TODAY)
    sim.faults.latency = 0.02

    # No login first: both reads need the student's record.
    await asyncio.gather(client.grades(ALICE), client.school_life(ALICE))

    lookups = [path for _, path in sim.requests if path.endswith(f"/etudiant/nip/{ALICE}")]
    assert len(lookups) == 1
