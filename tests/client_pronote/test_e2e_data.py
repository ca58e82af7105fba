"""Data of student and parent accounts against the simulated server's fixtures."""

from __future__ import annotations

from datetime import date, timedelta

import aiohttp
from freezegun.api import FrozenDateTimeFactory
import pytest

from custom_components.schoolbag.client.errors import NotSupportedError
from custom_components.schoolbag.client.models import (
    Capability,
    GradeMark,
    LessonStatus,
    Mailbox,
    SchoolLife,
    Student,
)
from custom_components.schoolbag.client.pronote import PronoteClient
from custom_components.schoolbag.client.pronote.const import (
    INFORMATION_MAX_AGE,
    MENU_WEEK_MAX_AGE,
    SCHOOL_LIFE_MAX_AGE,
    SKILLS_MAX_AGE,
)
from simulator.pronote import PronoteSimulator
from simulator.pronote.functions import parametres

from ..fake_time import FakeClock
from .helpers import functions, make_client, sim_homework_id, sim_student_id

# A Thursday of the second trimester: its grades include the special marks tested here.
SCHOOL_DAY = date(2026, 12, 3)


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulated Pronote on a fixed school day."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture(autouse=True)
def on_the_school_day(freezer: FrozenDateTimeFactory) -> None:
    """The client lives on the server's day: which weeks and terms are over depends on it."""
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")


def _weeks(sim: PronoteSimulator) -> tuple[date, date]:
    monday = sim.today - timedelta(days=sim.today.weekday())
    return monday, monday + timedelta(days=13)


async def _logged_in(
    session: aiohttp.ClientSession, root: str, space: str = "eleve"
) -> tuple[PronoteClient, tuple[Student, ...]]:
    client = make_client(session, root, space)
    account = await client.login()
    return client, account.students


@pytest.mark.parametrize("space", ["eleve", "parent"])
async def test_timetable_matches_each_child(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, space: str
) -> None:
    client, students = await _logged_in(http_session, root, space)
    start, end = _weeks(sim)
    for student in students:
        lessons = await client.timetable(student.id, start, end)
        expected = [
            lesson
            for lesson in sim.student(sim_student_id(sim, space, student)).lessons
            if start <= lesson.start.date() <= end
        ]
        assert len(lessons) == len(expected)
        assert [lesson.start for lesson in lessons] == sorted(lesson.start for lesson in lessons)
        assert all(lesson.start.tzinfo is not None for lesson in lessons)
        assert {lesson.subject for lesson in lessons} == {
            lesson.subject.label for lesson in expected
        }
        statuses = {lesson.status for lesson in lessons}
        assert {LessonStatus.CANCELLED, LessonStatus.EXAM, LessonStatus.EXEMPTED} <= statuses
        assert LessonStatus.CHANGED in statuses
    # This week and the next: one call for both (a date interval).
    assert functions(sim).count("PageEmploiDuTemps") == len(students)


async def test_lesson_details(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client, (student,) = await _logged_in(http_session, root)
    start, end = _weeks(sim)
    lessons = await client.timetable(student.id, start, end)
    moved = [lesson for lesson in lessons if "CDI" in lesson.rooms]
    assert moved
    assert moved[0].status is LessonStatus.CHANGED
    assert moved[0].note == "Changement de salle"
    assert moved[0].teachers
    cancelled = [lesson for lesson in lessons if lesson.status is LessonStatus.CANCELLED]
    assert any(lesson.note == "Prof. absent" for lesson in cancelled)
    grouped = [lesson for lesson in lessons if lesson.group]
    assert grouped
    # Ids survive a new server session.
    sim.expire_sessions()
    again = await client.timetable(student.id, start, end)
    assert [lesson.id for lesson in again] == [lesson.id for lesson in lessons]


async def test_homework_and_done_round_trip(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client, (student,) = await _logged_in(http_session, root)
    sim_id = sim_student_id(sim, "eleve", student)
    start, end = sim.today, sim.today + timedelta(days=14)
    works = await client.homework(student.id, start, end)
    expected = [w for w in sim.student(sim_id).homework if start <= w.due <= end]
    assert len(works) == len(expected)
    assert [w.due for w in works] == sorted(w.due for w in works)
    work = next(w for w in works if not w.done)
    assert work.text
    target = sim_homework_id(sim, sim_id, work)
    await client.set_homework_done(student.id, work.id, True)
    assert sim.homework_done(sim_id, target)
    again = {w.id: w for w in await client.homework(student.id, start, end)}
    assert again[work.id].done
    await client.set_homework_done(student.id, work.id, False)
    assert not sim.homework_done(sim_id, target)
    assert Capability.HOMEWORK_DONE in client.capabilities


async def test_homework_done_in_a_new_session(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client, (student,) = await _logged_in(http_session, root)
    sim_id = sim_student_id(sim, "eleve", student)
    works = await client.homework(student.id, sim.today, sim.today + timedelta(days=14))
    work = next(w for w in works if not w.done)
    # A fresh client (ids of the old session unknown) and an expired session.
    other, _ = await _logged_in(http_session, root)
    sim.expire_sessions()
    await other.set_homework_done(student.id, work.id, True)
    assert sim.homework_done(sim_id, sim_homework_id(sim, sim_id, work))
    with pytest.raises(NotSupportedError):
        await other.set_homework_done(student.id, f"h{work.due:%Y%m%d}-gone", True)
    with pytest.raises(ValueError):  # noqa: PT011
        await other.set_homework_done(student.id, "nonsense", True)


async def test_parent_cannot_mark_homework_done(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client, students = await _logged_in(http_session, root, "parent")
    assert Capability.HOMEWORK_DONE not in client.capabilities
    works = await client.homework(students[1].id, sim.today, sim.today + timedelta(days=14))
    assert works
    with pytest.raises(NotSupportedError):
        await client.set_homework_done(students[1].id, works[0].id, True)


@pytest.mark.parametrize("space", ["eleve", "parent"])
async def test_grades_and_averages(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, space: str
) -> None:
    client, students = await _logged_in(http_session, root, space)
    for student in students:
        book = await client.grades(student.id)
        current = book.current_period(sim.today)
        assert current is not None
        assert {grade.period_id for grade in book.grades} == {current.id}
        assert any(grade.value is not None for grade in book.grades)
        assert any(period.yearly for period in book.periods)
        subjects = [average for average in book.averages if average.subject]
        assert subjects
        assert all(average.class_average is not None for average in subjects)
        overall = [average for average in book.averages if average.subject is None]
        assert len(overall) == 1
    marks = {grade.mark for grade in (await client.grades(students[0].id)).grades}
    assert GradeMark.ABSENT in marks


async def test_other_period_and_hidden_averages(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.hide_averages = True
    client, (student,) = await _logged_in(http_session, root)
    book = await client.grades(student.id)
    assert all(average.value is None for average in book.averages)
    yearly = next(period for period in book.periods if period.yearly)
    whole_year = await client.grades(student.id, yearly.id)
    assert {grade.period_id for grade in whole_year.grades} == {yearly.id}
    assert len(whole_year.grades) >= len(book.grades)
    with pytest.raises(NotSupportedError):
        await client.grades(student.id, "trimestre-9")


@pytest.mark.parametrize("space", ["eleve", "parent"])
async def test_school_life(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, space: str
) -> None:
    client, students = await _logged_in(http_session, root, space)
    for student in students:
        life = await client.school_life(student.id)
        fixture = sim.student(sim_student_id(sim, space, student))
        assert len(life.absences) == len(fixture.absences)
        assert len(life.delays) == len(fixture.delays)
        assert len(life.punishments) == len(fixture.punishments)


@pytest.mark.parametrize("space", ["eleve", "parent"])
async def test_mailbox_and_extras(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, space: str
) -> None:
    client, students = await _logged_in(http_session, root, space)
    student = students[0]
    mailbox = await client.mailbox(student.id)
    assert mailbox.unread > 0
    assert mailbox.messages
    assert await client.canteen(student.id) is None
    assert await client.wallets() == []
    assert await client.evaluations(student.id)
    menus = await client.menus(student.id, sim.today, sim.today + timedelta(days=9))
    assert all(sim.today <= day.date <= sim.today + timedelta(days=9) for day in menus)
    assert await client.menus(student.id, sim.today, sim.today - timedelta(days=1)) == []
    news = await client.information(student.id)
    assert news
    assert any(item.text for item in news)


async def test_unknown_student(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client, _ = await _logged_in(http_session, root)
    with pytest.raises(NotSupportedError):
        await client.timetable("s-nobody", sim.today, sim.today)


async def test_outside_the_school_year(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client, (student,) = await _logged_in(http_session, root)
    far = sim.today + timedelta(days=800)
    start = len(sim.requests)
    assert await client.timetable(student.id, far, far) == []
    assert await client.homework(student.id, far, far) == []
    assert sim.requests[start:] == []


async def test_tabs_the_account_lacks_are_not_called(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parametres, "TAB_TREE", [{"G": 7}])
    client, (student,) = await _logged_in(http_session, root)
    start = len(sim.requests)
    week = sim.today + timedelta(days=7)
    assert await client.timetable(student.id, sim.today, week) == []
    assert await client.homework(student.id, sim.today, week) == []
    book = await client.grades(student.id)
    assert book.periods
    assert not book.grades
    assert await client.school_life(student.id) == SchoolLife()
    assert await client.mailbox(student.id) == Mailbox(unread=0)
    assert await client.evaluations(student.id) == []
    assert await client.menus(student.id, sim.today, week) == []
    assert await client.information(student.id) == []
    assert sim.requests[start:] == []


async def test_grade_book_carries_skills_read_again_only_when_old(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0]
    book = await client.grades(student.id)
    assert book.skills
    assert {skill.id for skill in book.skills} == {
        skill.id for skill in await client.evaluations(student.id)
    }
    reads = functions(sim).count("DernieresEvaluations")
    clock.now += 60
    assert (await client.grades(student.id)).skills == book.skills
    assert functions(sim).count("DernieresEvaluations") == reads

    clock.now += SKILLS_MAX_AGE
    await client.grades(student.id)
    assert functions(sim).count("DernieresEvaluations") == reads + 1

    # Periods read long ago are not kept: only what could still be served stays.
    (_, current), *_ = client._skills
    other = next(p.id for p in book.periods if p.id != current and not p.yearly)
    clock.now += SKILLS_MAX_AGE
    await client.grades(student.id, other)
    assert [period for _, period in client._skills] == [other]


async def test_menu_weeks_are_read_again_only_when_old(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0]
    monday = sim.today - timedelta(days=sim.today.weekday())
    # Thursday to next Tuesday: two weeks, one request each.
    start, end = monday + timedelta(days=3), monday + timedelta(days=8)
    menus = await client.menus(student.id, start, end)
    assert functions(sim).count("PageMenus") == 2

    clock.now += 60
    # The next day's window: the weeks are still young, no request.
    later = await client.menus(student.id, start + timedelta(days=1), end + timedelta(days=1))
    assert functions(sim).count("PageMenus") == 2
    assert [day for day in menus if day.date > start] == [day for day in later if day.date <= end]

    clock.now += MENU_WEEK_MAX_AGE
    assert await client.menus(student.id, start, end) == menus
    assert functions(sim).count("PageMenus") == 4


HALF_HOUR = 30 * 60.0


async def test_news_are_read_again_after_about_three_hours(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0]
    news = await client.information(student.id)
    assert news
    assert functions(sim).count("PageActualites") == 1

    clock.now += HALF_HOUR
    assert await client.information(student.id) == news
    assert functions(sim).count("PageActualites") == 1

    clock.now += INFORMATION_MAX_AGE - HALF_HOUR
    assert await client.information(student.id) == news
    assert functions(sim).count("PageActualites") == 2


async def test_school_life_is_read_at_every_other_half_hourly_refresh(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0]
    life = await client.school_life(student.id)
    assert life.absences
    before = len(sim.requests)

    clock.now += HALF_HOUR
    assert await client.school_life(student.id) == life
    assert functions(sim, before) == []

    clock.now += HALF_HOUR
    assert SCHOOL_LIFE_MAX_AGE <= 2 * HALF_HOUR
    assert await client.school_life(student.id) == life
    assert functions(sim, before).count("PagePresence") == 1


async def test_homework_references_follow_the_window(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    student = (await client.login()).students[0]
    today = sim.today
    wide = await client.homework(student.id, today - timedelta(days=7), today + timedelta(days=21))
    narrow = await client.homework(student.id, today, today + timedelta(days=21))
    assert len(narrow) < len(wide)
    assert {homework_id for _, homework_id in client._homework_refs} == {h.id for h in narrow}
