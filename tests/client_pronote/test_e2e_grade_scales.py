"""Real-server shapes in grades: marks counted out of 20, two subjects under one name."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import aiohttp
from freezegun.api import FrozenDateTimeFactory
import pytest

from custom_components.schoolbag.client.models import Grade, GradeBook
from simulator.pronote import PronoteSimulator
from simulator.pronote.fixtures.grades import subject_averages
from simulator.pronote.fixtures.logins import QR_DEMO_USERNAME
from simulator.pronote.fixtures.people import SECOND_PHYSICS

from .helpers import make_client

SCHOOL_DAY = date(2026, 12, 3)
ROUNDING = 0.006  # the server rounds its averages to two decimals


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulated Pronote on a fixed school day."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture(autouse=True)
def on_the_school_day(freezer: FrozenDateTimeFactory) -> None:
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")


def _average_of(grades: list[Grade], *, as_counted: bool) -> float | None:
    """Pronote's average out of 20: each mark weighs its coefficient times its scale."""
    points = scale = 0.0
    for grade in grades:
        if grade.value is None or not grade.significant or not grade.out_of:
            continue
        counted = (grade.counted_out_of if as_counted else None) or grade.out_of
        points += grade.value * counted / grade.out_of * grade.coefficient
        scale += counted * grade.coefficient
    return points / scale * 20 if scale else None


def _grades_by_subject(book: GradeBook) -> dict[str, list[Grade]]:
    by_subject: dict[str, list[Grade]] = defaultdict(list)
    for grade in book.grades:
        by_subject[grade.subject].append(grade)
    return by_subject


async def test_marks_counted_out_of_20_keep_their_own_scale(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    (student,) = (await client.login()).students
    book = await client.grades(student.id)
    flagged = [grade for grade in book.grades if grade.counted_out_of is not None]
    sim_pupil = next(iter(sim.world.students.values()))
    period = sim.world.year.current_trimester(SCHOOL_DAY)
    expected = [g for g in sim_pupil.grades if g.out_of_20 and period.contains(g.day)]
    assert len(flagged) == len(expected) > 0
    assert all(grade.out_of == 10 and grade.counted_out_of == 20 for grade in flagged)
    assert all(grade.value is None or grade.value <= 10 for grade in flagged)

    # Optional marks count only when they help: the client cannot tell them, so skip them.
    with_optional = {g.subject.label for g in sim_pupil.grades if g.optional}
    averages = {a.subject: a.value for a in book.averages if a.subject}
    differs = False
    for subject, grades in _grades_by_subject(book).items():
        if subject in with_optional or averages.get(subject) is None:
            continue
        counted = _average_of(grades, as_counted=True)
        assert counted == pytest.approx(averages[subject], abs=ROUNDING), subject
        naive = _average_of(grades, as_counted=False)
        differs |= naive is not None and abs(naive - counted) > ROUNDING
    assert differs, "no subject average depends on the marks counted out of 20"


async def test_two_subjects_of_one_name_keep_their_averages_apart(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root, username=QR_DEMO_USERNAME)
    (student,) = (await client.login()).students
    book = await client.grades(student.id)
    namesakes = [a for a in book.averages if a.subject == SECOND_PHYSICS.label]
    pupil = next(p for p in sim.world.students.values() if SECOND_PHYSICS.code in p.subjects)
    term = sim.world.year.current_trimester(SCHOOL_DAY)
    services = {pupil.subjects["PC"].id, SECOND_PHYSICS.id}
    assert {average.code for average in namesakes} == services
    assert len(namesakes) == 2
    by_service = {a.subject.id: a.student for a in subject_averages(pupil.grades, term)}
    assert {a.code: a.value for a in namesakes} == {code: by_service[code] for code in services}
