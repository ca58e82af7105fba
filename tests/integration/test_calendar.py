"""Timetable and homework calendars."""

from __future__ import annotations

from datetime import date, timedelta
from http import HTTPStatus

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, add_account, entity_id_for, paris

STUDENT_ID = 2400


async def _events(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, entity_id: str, days: int
) -> list[dict[str, object]]:
    start = dt_util.start_of_local_day()
    end = start + timedelta(days=days)
    client = await hass_client()
    response = await client.get(
        f"/api/calendars/{entity_id}", params={"start": start.isoformat(), "end": end.isoformat()}
    )
    assert response.status == HTTPStatus.OK
    events: list[dict[str, object]] = await response.json()
    return events


async def test_timetable_events_in_range(
    hass_paris: HomeAssistant,
    hass_client: ClientSessionGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calendar = entity_id_for(hass, "calendar", "_timetable")
    start = dt_util.start_of_local_day()
    end = start + timedelta(days=7)
    expected = [
        lesson
        for lesson in ed_simulator.student(STUDENT_ID).lessons
        if paris(lesson.end) > start and paris(lesson.start) < end
    ]
    assert expected, "the demo should have lessons this week"

    events = await _events(hass, hass_client, calendar, 7)

    assert len(events) == len(expected)
    by_uid = {event["uid"]: event for event in events}
    for lesson in expected:
        event = by_uid[f"lesson-{lesson.id}"]
        assert dt_util.parse_datetime(str(event["start"]["dateTime"])) == paris(lesson.start)  # type: ignore[index]
        assert str(event["summary"]).startswith(lesson.subject.label)
        if lesson.cancelled:
            assert str(event["summary"]).endswith("(cancelled)")


async def test_timetable_gives_the_cards_each_unusual_lesson_status_by_event_uid(
    hass_paris: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calendar = entity_id_for(hass, "calendar", "_timetable")
    cancelled = {
        f"lesson-{lesson.id}"
        for lesson in ed_simulator.student(STUDENT_ID).lessons
        if lesson.cancelled
    }
    assert cancelled, "the demo should have a cancelled lesson"

    statuses = hass.states.get(calendar).attributes["lesson_status"]

    assert {uid for uid, status in statuses.items() if status == "cancelled"} == cancelled
    assert "normal" not in statuses.values()
    # The keys are the uids of the calendar's events (lesson-<id>).
    lesson_uids = {f"lesson-{lesson.id}" for lesson in ed_simulator.student(STUDENT_ID).lessons}
    assert set(statuses) <= lesson_uids


async def test_homework_events_on_due_dates(
    hass_paris: HomeAssistant,
    hass_client: ClientSessionGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calendar = entity_id_for(hass, "calendar", "_homework_calendar")
    today = dt_util.now().date()
    expected = {
        f"homework-{work.id}": work.due
        for work in ed_simulator.student(STUDENT_ID).homework
        if today <= work.due < today + timedelta(days=14)
    }
    assert expected

    events = await _events(hass, hass_client, calendar, 14)

    assert {event["uid"]: event["start"]["date"] for event in events} == {  # type: ignore[index]
        uid: due.isoformat() for uid, due in expected.items()
    }
    state = hass.states.get(calendar)
    assert state.attributes["start_time"].startswith(min(expected.values()).isoformat())


async def test_a_tick_shows_in_the_homework_calendar_at_once(
    hass_paris: HomeAssistant,
    hass_client: ClientSessionGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calendar = entity_id_for(hass, "calendar", "_homework_calendar")
    todo = entity_id_for(hass, "todo", "_homework_todo")
    before = await _events(hass, hass_client, calendar, 14)
    undone = next(event for event in before if not str(event["summary"]).startswith("✔"))
    homework_id = str(undone["uid"]).removeprefix("homework-")

    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": homework_id, "status": "completed"},
        target={"entity_id": todo},
        blocking=True,
    )
    await hass.async_block_till_done()

    after = {event["uid"]: event for event in await _events(hass, hass_client, calendar, 14)}
    assert str(after[undone["uid"]]["summary"]).startswith("✔ ")


async def test_the_timetable_state_follows_the_lesson_running_or_next(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calendar = entity_id_for(hass, "calendar", "_timetable")
    lessons = sorted(ed_simulator.student(STUDENT_ID).lessons, key=lambda item: item.start)

    def running_or_next() -> str:
        now = dt_util.now()
        lesson = next(item for item in lessons if paris(item.end) > now)
        return paris(lesson.start).strftime("%Y-%m-%d %H:%M:%S")

    assert hass.states.get(calendar).attributes["start_time"] == running_or_next()
    shown = running_or_next()
    # Past the end of that lesson, the calendar moves on by itself.
    end = next(paris(item.end) for item in lessons if paris(item.end) > dt_util.now())
    freezer.move_to(end + timedelta(minutes=1))
    async_fire_time_changed(hass, dt_util.utcnow())
    await hass.async_block_till_done()
    assert hass.states.get(calendar).attributes["start_time"] == running_or_next() != shown


async def test_the_timetable_state_follows_a_refresh_that_drops_the_next_lesson(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calendar = entity_id_for(hass, "calendar", "_timetable")
    lessons = ed_simulator.student(STUDENT_ID).lessons
    coming = sorted(
        (item for item in lessons if paris(item.end) > dt_util.now()), key=lambda item: item.start
    )
    shown = hass.states.get(calendar).attributes["start_time"]
    assert shown == paris(coming[0].start).strftime("%Y-%m-%d %H:%M:%S")

    lessons.remove(coming[0])
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    expected = paris(coming[1].start).strftime("%Y-%m-%d %H:%M:%S")
    assert hass.states.get(calendar).attributes["start_time"] == expected
