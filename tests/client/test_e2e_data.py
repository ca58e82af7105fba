"""Every data kind for a student and a parent, against the simulated server."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import aiohttp
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import NotSupportedError
from custom_components.schoolbag.client.models import GradeMark, LessonStatus, Meal
from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import logged_in, make_client, paths

STUDENTS = [
    ("simple.eleve", "2400"),
    ("demo.eleve", "2345"),
    ("demo.parent", "3456"),
    ("demo.parent", "3457"),
]


def _week(sim: EcoleDirecteSimulator) -> tuple[date, date]:
    monday = sim.today - timedelta(days=sim.today.weekday())
    return monday, monday + timedelta(days=6)


async def _client(
    http_session: aiohttp.ClientSession, sim_url: str, sim: EcoleDirecteSimulator, username: str
) -> EcoleDirecteClient:
    return await logged_in(http_session, sim_url, sim, username)


@pytest.mark.parametrize(("username", "student_id"), STUDENTS)
async def test_timetable(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    start, end = _week(sim)
    lessons = await client.timetable(student_id, start, end)
    assert lessons
    assert [lesson.start for lesson in lessons] == sorted(lesson.start for lesson in lessons)
    assert all(start <= lesson.start.date() <= end for lesson in lessons)
    assert all(lesson.start.tzinfo is not None and lesson.end > lesson.start for lesson in lessons)
    assert all(str(lesson.start.tzinfo) == "Europe/Paris" for lesson in lessons)
    statuses = {lesson.status for lesson in lessons}
    assert {LessonStatus.CANCELLED, LessonStatus.CHANGED} <= statuses
    assert any(lesson.teachers and lesson.rooms for lesson in lessons)


@pytest.mark.parametrize(("username", "student_id"), STUDENTS)
async def test_homework(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    start, end = sim.today, sim.today + timedelta(days=14)
    before = len(sim.requests)
    homework = await client.homework(student_id, start, end)
    assert homework
    assert [item.due for item in homework] == sorted(item.due for item in homework)
    assert all(start <= item.due <= end for item in homework)
    assert all(item.text and item.html and item.subject for item in homework)
    assert all("<" not in item.text for item in homework)
    assert any(item.attachments for item in homework)
    # One list call, then one detail call per day with homework.
    requested = paths(sim, before)
    days = {item.due for item in homework}
    assert requested[0] == f"Eleves/{student_id}/cahierdetexte.awp"
    assert sorted(requested[1:]) == sorted(
        f"Eleves/{student_id}/cahierdetexte/{day.isoformat()}.awp" for day in days
    )


async def test_homework_detail_only_for_days_in_range(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await _client(http_session, sim_url, sim, "simple.eleve")
    everything = await client.homework("2400", sim.today, sim.today + timedelta(days=30))
    first_day = everything[0].due
    before = len(sim.requests)
    only_first = await client.homework("2400", first_day, first_day)
    assert {item.due for item in only_first} == {first_day}
    assert len(paths(sim, before)) == 1  # the list; the day's details are kept
    before = len(sim.requests)
    assert await client.homework("2400", date(2000, 1, 1), date(2000, 1, 2)) == []
    assert len(paths(sim, before)) == 1


async def test_homework_details_fetched_again_only_for_changed_days(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await _client(http_session, sim_url, sim, "simple.eleve")
    start, end = sim.today, sim.today + timedelta(days=30)
    first = await client.homework("2400", start, end)
    target = next(item for item in first if not item.done)
    sim_work = next(w for w in sim.student(2400).homework if w.id == int(target.id))
    sim_work.done = True  # ticked on the school's own site
    new_id = sim.add_homework(2400, target.due, "FRANCAIS", "<p>Apprendre la poésie</p>")

    before = len(sim.requests)
    second = await client.homework("2400", start, end)

    fetched = paths(sim, before)
    assert fetched == [
        "Eleves/2400/cahierdetexte.awp",
        f"Eleves/2400/cahierdetexte/{target.due.isoformat()}.awp",
    ]
    by_id = {item.id: item for item in second}
    assert by_id[target.id].done is True
    assert by_id[str(new_id)].text == "Apprendre la poésie"
    assert {item.id for item in second} == {item.id for item in first} | {str(new_id)}


async def test_done_flag_comes_from_the_list_for_kept_days(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await _client(http_session, sim_url, sim, "simple.eleve")
    start, end = sim.today, sim.today + timedelta(days=30)
    target = next(item for item in await client.homework("2400", start, end) if not item.done)
    await client.set_homework_done("2400", target.id, True)

    before = len(sim.requests)
    again = {item.id: item for item in await client.homework("2400", start, end)}

    assert again[target.id].done is True
    assert paths(sim, before) == ["Eleves/2400/cahierdetexte.awp"]


@pytest.mark.parametrize(
    ("username", "student_id"), [("simple.eleve", "2400"), ("demo.parent", "3457")]
)
async def test_homework_done_round_trip(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    start, end = sim.today, sim.today + timedelta(days=14)
    todo = next(item for item in await client.homework(student_id, start, end) if not item.done)
    await client.set_homework_done(student_id, todo.id, True)
    assert sim.homework_done(int(student_id), int(todo.id)) is True
    assert sim.requests[-1] == (f"/v3/Eleves/{student_id}/cahierdetexte.awp", "put")
    reread = {item.id: item for item in await client.homework(student_id, start, end)}
    assert reread[todo.id].done is True
    await client.set_homework_done(student_id, todo.id, False)
    assert sim.homework_done(int(student_id), int(todo.id)) is False
    with pytest.raises(ValueError, match="numbers"):
        await client.set_homework_done(student_id, "not-a-number", True)


@pytest.mark.parametrize(("username", "student_id"), STUDENTS)
async def test_grades(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    book = await client.grades(student_id)
    assert book.current_period(sim.today) is not None
    assert any(period.yearly for period in book.periods)
    marks = {grade.mark for grade in book.grades}
    assert {GradeMark.ABSENT, GradeMark.EXEMPT, GradeMark.NOT_GRADED} <= marks
    numeric = [grade for grade in book.grades if grade.value is not None]
    assert numeric
    assert all(grade.out_of and 0 <= grade.value <= grade.out_of for grade in numeric)  # type: ignore[operator]
    assert any(grade.value != int(grade.value) for grade in numeric if grade.value is not None)
    assert all(grade.mark is None for grade in numeric)
    competence = [grade for grade in book.grades if grade.out_of is None and grade.mark is None]
    assert competence
    assert all(grade.value is None for grade in competence)
    assert any(not grade.significant for grade in book.grades)
    assert any(grade.class_average is not None for grade in book.grades)
    overall = [average for average in book.averages if average.subject is None]
    assert any(average.value is not None for average in overall)
    assert any(average.subject for average in book.averages)


async def test_new_grade_appears(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await _client(http_session, sim_url, sim, "simple.eleve")
    before = await client.grades("2400")
    subject_code = "MATHS"
    grade_id = sim.add_grade(2400, subject_code, "12,5")
    after = await client.grades("2400")
    new = next(grade for grade in after.grades if grade.id == str(grade_id))
    assert new.value == 12.5
    assert new.entered == sim.today
    assert len(after.grades) == len(before.grades) + 1


@pytest.mark.parametrize(("username", "student_id"), STUDENTS)
async def test_school_life(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    life = await client.school_life(student_id)
    assert life.absences
    assert {absence.justified for absence in life.absences} == {True, False}
    assert life.delays
    assert life.punishments
    assert all(punishment.label for punishment in life.punishments)


@pytest.mark.parametrize(("username", "student_id"), STUDENTS)
async def test_mailbox(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    before = len(sim.requests)
    mailbox = await client.mailbox(student_id)
    assert mailbox.messages
    assert mailbox.unread == sum(not message.read for message in mailbox.messages)
    assert mailbox.unread >= 1
    assert all(message.subject and message.sender for message in mailbox.messages)
    assert all(message.sent.tzinfo is not None for message in mailbox.messages)
    # Only the list is read: bodies are never fetched (that would mark them read).
    expected = "familles/9001" if username == "demo.parent" else f"eleves/{student_id}"
    assert paths(sim, before) == [f"{expected}/messages.awp"]


@pytest.mark.parametrize(("username", "student_id"), STUDENTS)
async def test_canteen_without_request(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    student_id: str,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    before = len(sim.requests)
    canteen = await client.canteen(student_id)
    assert len(sim.requests) == before
    assert canteen is not None
    assert canteen.badge
    assert canteen.badge.isdigit()
    assert canteen.regime
    weekdays = {item.weekday for item in canteen.reservations if item.meal is Meal.LUNCH}
    assert {1, 2, 3, 4, 5} <= weekdays
    assert any(item.booked for item in canteen.reservations)


@pytest.mark.parametrize(("username", "count"), [("simple.eleve", 2), ("demo.parent", 4)])
async def test_wallets(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    username: str,
    count: int,
) -> None:
    client = await _client(http_session, sim_url, sim, username)
    wallets = await client.wallets()
    assert len(wallets) == count
    assert all(wallet.label and wallet.currency == "EUR" for wallet in wallets)
    assert len({(wallet.id, wallet.student_id) for wallet in wallets}) == count


async def test_unknown_student(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await _client(http_session, sim_url, sim, "demo.parent")
    with pytest.raises(NotSupportedError):
        await client.grades("2345")


async def test_data_call_logs_in_lazily(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "simple.eleve")
    assert (await client.grades("2400")).grades
    assert paths(sim) == ["login.awp", "login.awp", "eleves/2400/notes.awp"]
    assert client.account is not None


async def test_concurrent_calls_are_serialised(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await _client(http_session, sim_url, sim, "demo.parent")
    sim.faults.latency = 0.01
    start, end = _week(sim)
    results = await asyncio.gather(
        client.grades("3456"),
        client.timetable("3457", start, end),
        client.school_life("3456"),
        client.mailbox("3457"),
        client.wallets(),
    )
    assert all(results)
    assert "renewtoken.awp" not in paths(sim)  # both children belong to the main account
