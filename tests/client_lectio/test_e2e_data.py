"""Client against the simulator: every data kind, special weeks and error pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from custom_components.schoolbag.client.errors import (
    NotSupportedError,
    ProtocolChangedError,
    RateLimitedError,
    ServerUnavailableError,
)
from custom_components.schoolbag.client.lectio import CAPABILITIES
from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.models import (
    AbsenceRateKind,
    Capability,
    HomeworkKind,
    LessonStatus,
)
from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.assignments import build_assignments
from simulator.lectio.fixtures.grades import GRADE_ROWS

from .conftest import DEMO_ELEVID, TODAY, MakeClient

MONDAY = TODAY - timedelta(days=TODAY.weekday())
SUNDAY = MONDAY + timedelta(days=6)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=COPENHAGEN)


async def test_capabilities_and_empty_extras(make_client: MakeClient) -> None:
    client = make_client()
    assert client.capabilities == CAPABILITIES
    assert Capability.HOMEWORK_DONE not in client.capabilities
    assert await client.canteen(DEMO_ELEVID) is None
    assert await client.wallets() == []
    assert await client.menus(DEMO_ELEVID, TODAY, TODAY) == []
    assert await client.information(DEMO_ELEVID) == []


async def test_timetable_of_the_current_week(make_client: MakeClient) -> None:
    lessons = await make_client().timetable(DEMO_ELEVID, MONDAY, SUNDAY)
    assert lessons == sorted(lessons, key=lambda lesson: (lesson.start, lesson.end, lesson.id))
    by_status = {lesson.status for lesson in lessons}
    assert by_status == {LessonStatus.NORMAL, LessonStatus.CHANGED, LessonStatus.CANCELLED}
    first = lessons[0]
    assert (first.start, first.end) == (at(MONDAY, 8, 10), at(MONDAY, 9, 40))
    assert first.subject == first.group == "2b ma"
    assert first.teachers == ("Karen Eksempel",)
    assert first.rooms == ("214",)
    assert first.note == "Brøker & procent\nHusk lommeregner"
    changed = next(lesson for lesson in lessons if lesson.status is LessonStatus.CHANGED)
    assert changed.rooms == ("Aula",)
    shared = next(lesson for lesson in lessons if len(lesson.teachers) == 2)
    assert shared.teachers == ("Jens Jensen", "Mette Larsen")
    assert shared.rooms == ("108", "Bio 2")
    assert shared.group == "2b da, 2b bi"


async def test_whole_day_and_multi_day_events(make_client: MakeClient) -> None:
    lessons = await make_client().timetable(DEMO_ELEVID, MONDAY, SUNDAY)
    sports = next(lesson for lesson in lessons if lesson.subject == "Idrætsdag")
    wednesday = MONDAY + timedelta(days=2)
    assert sports.all_day
    assert (sports.start, sports.end) == (at(wednesday, 0), at(wednesday + timedelta(days=1), 0))
    note = next(lesson for lesson in lessons if lesson.subject == "Aflevering: Dansk stil")
    assert note.all_day
    assert note.start.date() == MONDAY + timedelta(days=3)
    trips = [lesson for lesson in lessons if lesson.subject == "Studietur til Berlin"]
    # Drawn on Friday, Saturday and Sunday: one event.
    assert len(trips) == 1
    trip = trips[0]
    assert not trip.all_day
    assert trip.start == at(MONDAY + timedelta(days=4), 17)
    assert trip.end == at(SUNDAY, 17)
    # Summer time starts on that Sunday: the trip lasts one hour less than two days.
    assert trip.end.astimezone(UTC) - trip.start.astimezone(UTC) == timedelta(hours=47)
    assert trip.start.utcoffset() == timedelta(hours=1)
    assert trip.end.utcoffset() == timedelta(hours=2)


async def test_week_53_is_asked_with_its_iso_code(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    start, end = date(2026, 12, 28), date(2027, 1, 3)
    lessons = await make_client().timetable(DEMO_ELEVID, start, end)
    assert {lesson.start.date() for lesson in lessons} == {
        start + timedelta(days=n) for n in range(5)
    }
    weeks = [path for method, path in sim.requests if path.endswith("SkemaNy.aspx")]
    assert len(weeks) == 1


async def test_range_spanning_two_weeks_asks_both_and_trims(make_client: MakeClient) -> None:
    client = make_client()
    start, end = SUNDAY, SUNDAY + timedelta(days=1)
    lessons = await client.timetable(DEMO_ELEVID, start, end)
    # The weekend trip overlaps Sunday; Monday brings four lessons.
    assert lessons[0].subject == "Studietur til Berlin"
    assert len(lessons) == 5
    # Weeks are cached: asking again sends no request.
    count = client.request_count
    await client.timetable(DEMO_ELEVID, start, end)
    assert client.request_count == count


async def test_legacy_tooltip_attribute_gives_the_same_lessons(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    current = await make_client().timetable(DEMO_ELEVID, MONDAY, SUNDAY)
    sim.legacy_tooltips = True
    legacy = await make_client().timetable(DEMO_ELEVID, MONDAY, SUNDAY)
    assert legacy == current


async def test_changed_schedule_layout_is_protocol_changed(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    sim.malformed_schedule = True
    with pytest.raises(ProtocolChangedError):
        await make_client().timetable(DEMO_ELEVID, MONDAY, SUNDAY)


async def test_homework_overview_past_lessons_and_assignments(make_client: MakeClient) -> None:
    start, end = MONDAY, MONDAY + timedelta(days=20)
    items = await make_client().homework(DEMO_ELEVID, start, end)
    assert items == sorted(items, key=lambda item: (item.due, item.subject, item.id))
    homework = [item for item in items if item.kind is HomeworkKind.HOMEWORK]
    # Monday's homework is in the past: it comes from the schedule tooltip.
    monday = next(item for item in homework if item.due == MONDAY)
    assert monday.subject == "2b ma"
    assert monday.text == "Læs side 10-14 i grundbogen\nRegn opgave 3.1-3.4"
    # Next week's come from the overview, with the full (untruncated) text.
    physics = next(item for item in homework if "Klassisk fysik" in item.text)
    assert "[...]" not in physics.text
    assert physics.text.endswith("forsøget med faldlod")
    assert len({item.id for item in homework}) == len(homework) == 3
    assignments = {item.id: item for item in items if item.kind is HomeworkKind.ASSIGNMENT}
    expected = {
        f"exercise-{a.exercise_id}": a
        for a in build_assignments(TODAY)
        if a.this_term and start <= a.deadline.date() <= end
    }
    assert set(assignments) == set(expected)
    for key, item in assignments.items():
        source = expected[key]
        assert item.status == source.status
        assert item.done == (source.status == "Afleveret")
        assert item.deadline == source.deadline.replace(tzinfo=COPENHAGEN)
        assert item.due == source.deadline.date()


async def test_homework_of_an_upcoming_range_only(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    start = MONDAY + timedelta(days=7)
    items = await make_client().homework(DEMO_ELEVID, start, start + timedelta(days=6))
    assert all(start <= item.due <= start + timedelta(days=6) for item in items)
    assert not any(path.endswith("SkemaNy.aspx") for _, path in sim.requests)


async def test_marking_homework_done_is_not_supported(make_client: MakeClient) -> None:
    with pytest.raises(NotSupportedError, match="not supported by Lectio"):
        await make_client().set_homework_done(DEMO_ELEVID, "72026032300", True)


async def test_school_life(make_client: MakeClient) -> None:
    life = await make_client().school_life(DEMO_ELEVID)
    overall = {rate.kind: rate for rate in life.absence_rates if rate.subject is None}
    assert set(overall) == {AbsenceRateKind.PHYSICAL, AbsenceRateKind.WRITTEN}
    assert overall[AbsenceRateKind.PHYSICAL].absent == 6
    assert overall[AbsenceRateKind.PHYSICAL].total == 192
    maths = next(
        rate
        for rate in life.absence_rates
        if rate.subject == "2b ma" and rate.kind is AbsenceRateKind.WRITTEN
    )
    assert (maths.percent, maths.percent_year, maths.absent, maths.total) == (12.5, 6.25, 2.5, 20)
    assert len(life.absences) == 2
    justified = [absence.justified for absence in life.absences]
    assert justified == [True, False]
    assert life.absences[0].reason == "Sygdom"
    assert life.absences[0].start is not None
    assert life.absences[0].date == MONDAY - timedelta(weeks=3) + timedelta(days=1)


async def test_mailbox(make_client: MakeClient) -> None:
    mailbox = await make_client().mailbox(DEMO_ELEVID)
    assert mailbox.unread == 2
    subjects = [message.subject for message in mailbox.messages]
    assert subjects == ["Ændret skema i uge 12 & 13", "Idrætsdag", "Studietur"]
    first = mailbox.messages[0]
    assert first.sent == at(TODAY, 7, 45)
    assert not first.read
    assert first.sender == "Karen Eksempel (KE)"
    assert mailbox.messages[2].read


async def test_grades(make_client: MakeClient) -> None:
    book = await make_client().grades(DEMO_ELEVID)
    expected = {(row.subject, kind): raw for row in GRADE_ROWS for kind, raw in row.grades.items()}
    assert {(grade.subject, grade.title): grade.raw for grade in book.grades} == expected
    danish = next(grade for grade in book.grades if grade.raw == "02")
    assert danish.value == 2.0
    assert danish.out_of is None
    assert danish.comment == "Arbejd med kommasætning"
    assert next(grade for grade in book.grades if grade.raw == "-3").value == -3.0


async def test_other_student_is_refused(make_client: MakeClient) -> None:
    with pytest.raises(NotSupportedError):
        await make_client().grades("60000000002")


async def test_error_page_is_rate_limited(make_client: MakeClient, sim: LectioSimulator) -> None:
    client = make_client()
    await client.login()
    sim.faults.next_errors.append("unknown_error")
    with pytest.raises(RateLimitedError):
        await client.grades(DEMO_ELEVID)
    sim.faults.rate_limit = 1
    with pytest.raises(RateLimitedError):
        await client.mailbox(DEMO_ELEVID)


@pytest.mark.parametrize("fault", ["http_500", "http_503", "server_error"])
async def test_server_errors(make_client: MakeClient, sim: LectioSimulator, fault: str) -> None:
    client = make_client()
    await client.login()
    sim.faults.next_errors.append(fault)
    with pytest.raises(ServerUnavailableError):
        await client.school_life(DEMO_ELEVID)


async def test_unreachable_server(socket_enabled: None, http_session: object) -> None:
    from custom_components.schoolbag.client.lectio import LectioClient
    from custom_components.schoolbag.client.protocol import Credentials

    assert http_session is not None
    client = LectioClient(
        http_session,  # type: ignore[arg-type]
        Credentials("demo", "demo"),
        school_id="680",
        base_url="http://127.0.0.1:9",
    )
    with pytest.raises(ServerUnavailableError):
        await client.login()
