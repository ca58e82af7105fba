"""Departments, student search, grade books and absences against the simulator."""

from __future__ import annotations

from datetime import date

import pytest

from custom_components.schoolbag.client.errors import NotFoundError, NotSupportedError
from custom_components.schoolbag.client.models import AverageKind, GradeMark
from simulator.scodoc import ScoDocSimulator

from .conftest import ALICE, HUGO, MakeClient


async def test_departments(make_client: MakeClient) -> None:
    client = make_client(department=None)
    visible = await client.departments()
    assert [(d.acronym, d.name) for d in visible] == [
        ("INFO", "Informatique"),
        ("RT", "Réseaux et Télécommunications"),
    ]
    every = await client.departments(include_hidden=True)
    assert [d.acronym for d in every if not d.visible] == ["ARCHIVES"]


async def test_find_students_by_nip_and_by_name(make_client: MakeClient) -> None:
    client = make_client()
    by_nip = await client.find_students(ALICE)
    assert [(s.etudid, s.department) for s in by_nip] == [(90417, "INFO")]
    # Without a department both records of the NIP come back.
    everywhere = await make_client(department=None).find_students(ALICE)
    assert {s.department for s in everywhere} == {"INFO", "RT"}
    suffixed = await client.find_students(HUGO)
    assert [(s.nip, s.full_name) for s in suffixed] == [("31029911.0", "Hugo Lambert")]
    by_name = await client.find_students("  martin ")
    assert [s.full_name for s in by_name] == ["Lucas Martin", "Emma Petit-Martin"]
    assert await client.find_students("") == []
    assert await client.find_students("00000000") == []


async def test_name_search_falls_back_to_the_department_list(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client()
    sim.faults.next_errors.append("not_found:etudiants/name")
    assert [s.etudid for s in await client.find_students("verneuil")] == [90417]
    sim.faults.next_errors.append("not_found:etudiants/name")
    assert await make_client(department=None).find_students("verneuil") == []


async def test_semesters(make_client: MakeClient) -> None:
    semesters = await make_client().semesters(ALICE)
    assert [s.id for s in semesters] == [4021, 4102]
    assert semesters[1].number == 3


async def test_but_grade_book(make_client: MakeClient, sim: ScoDocSimulator) -> None:
    book = await make_client().grades(ALICE)
    assert [(p.id, p.closed) for p in book.periods] == [("4021", True), ("4102", False)]
    assert book.current_period(sim.today) is not None
    overall = next(a for a in book.averages if a.subject is None)
    assert (overall.value, overall.rank, overall.rank_total) == (11.75, 7, 48)
    assert (overall.ects, overall.ects_total) == (20.0, 30.0)
    kinds = {a.kind for a in book.averages if a.subject is not None}
    assert kinds == {AverageKind.UE, AverageKind.RESOURCE, AverageKind.SAE}
    assert {a.code for a in book.averages if a.kind is AverageKind.UE} == {
        "UE3.1",
        "UE3.2",
        "UE3.3",
    }
    grades = {g.id: g for g in book.grades}
    assert (grades["51020"].subject, grades["51020"].value) == ("Développement web", 13.5)
    assert grades["51021"].mark is GradeMark.ABSENT
    assert grades["51031"].mark is GradeMark.EXEMPT
    assert grades["51050"].mark is GradeMark.PENDING  # ATT
    upcoming = grades["51022"]
    assert (upcoming.value, upcoming.mark) == (None, GradeMark.PENDING)
    assert upcoming.date > sim.today
    assert all(g.period_id == "4102" for g in book.grades)


async def test_new_grade_appears_on_the_next_poll(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client()
    before = {g.id: g for g in (await client.grades(ALICE)).grades}
    assert before["51022"].value is None
    sim.set_grade(90417, 51022, "16.25")
    after = {g.id: g for g in (await client.grades(ALICE)).grades}
    assert (after["51022"].value, after["51022"].mark) == (16.25, None)


async def test_past_semester_by_period_id_and_hidden_ranks(make_client: MakeClient) -> None:
    book = await make_client().grades(ALICE, "4021")
    overall = next(a for a in book.averages if a.subject is None)
    assert (overall.value, overall.rank) == (12.6, None)  # show_rangs is off
    assert {a.code: a.value for a in book.averages if a.kind is AverageKind.UE} == {
        "UE2.1": 12.6,
        "UE2.2": None,
    }
    assert {g.period_id for g in book.grades} == {"4021"}
    with pytest.raises(NotFoundError, match="semester 1234"):
        await make_client().grades(ALICE, "1234")


async def test_semester_chosen_at_construction(make_client: MakeClient) -> None:
    book = await make_client(semester_id=4021).grades(ALICE)
    assert {g.period_id for g in book.grades} == {"4021"}


async def test_classic_grade_book(make_client: MakeClient) -> None:
    book = await make_client().grades(HUGO)
    assert [p.id for p in book.periods] == ["4150"]
    overall = next(a for a in book.averages if a.subject is None)
    assert (overall.value, overall.rank, overall.rank_total) == (12.84, 5, 22)
    grades = {g.id: g for g in book.grades}
    assert grades["61010"].value == 12.83
    assert grades["61011"].mark is GradeMark.ABSENT
    assert grades["61012"].mark is GradeMark.PENDING
    assert grades["61020"].mark is GradeMark.NOT_GRADED


async def test_unpublished_bulletin_gives_periods_only(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    sim.unpublished.add(4150)
    book = await make_client().grades(HUGO)
    assert [p.id for p in book.periods] == ["4150"]
    assert (book.grades, book.averages) == ((), ())


async def test_absences_and_delays(make_client: MakeClient) -> None:
    client = make_client()
    await client.grades(ALICE)  # teaches the client the module titles
    life = await client.school_life(ALICE)
    absences = {a.id: a for a in life.absences}
    assert set(absences) == {"120455", "120460", "120480", "119002"}
    justified = absences["120455"]
    assert (justified.justified, justified.reason, justified.label) == (
        True,
        "Rendez-vous médical",
        "Développement web",
    )
    assert justified.start is not None
    assert justified.end is not None
    assert (justified.end - justified.start).total_seconds() == 7200
    assert absences["120480"].justified is False  # justificatif still waiting
    assert absences["120480"].reason == "Panne de train"
    assert [(d.id, d.justified, d.reason) for d in life.delays] == [("120470", False, "Réveil")]


async def test_school_life_before_assiduites_existed(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    sim.version = "9.5"
    client = make_client()
    life = await client.school_life(HUGO)
    assert (life.absences, life.delays) == ((), ())
    assert (await client.grades(HUGO)).grades


async def test_platform_features_scodoc_does_not_have(make_client: MakeClient) -> None:
    client = make_client()
    day = date(2025, 10, 1)
    assert await client.timetable(ALICE, day, day) == []
    assert await client.homework(ALICE, day, day) == []
    assert await client.menus(ALICE, day, day) == []
    assert await client.information(ALICE) == []
    assert await client.wallets() == []
    assert await client.canteen(ALICE) is None
    assert (await client.mailbox(ALICE)).unread == 0
    with pytest.raises(NotSupportedError):
        await client.set_homework_done(ALICE, "1", True)
    with pytest.raises(NotSupportedError):
        await client.answer_challenge("x")
