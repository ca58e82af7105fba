"""Sensor states follow the school's data."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.fixtures.models import LifeEvent

from .conftest import NO_QCM_STUDENT, add_account, attributes, entity_id_for, paris

STUDENT_ID = 2400


async def test_homework_counts(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    today = dt_util.now().date()
    homework = ed_simulator.student(STUDENT_ID).homework
    pending = [w for w in homework if not w.done and w.due >= today]
    tomorrow = [w for w in homework if not w.done and w.due == today + timedelta(days=1)]
    assert pending, "the demo should have pending homework"

    pending_id = entity_id_for(hass, "sensor", "_pending_homework")
    assert hass.states.get(pending_id).state == str(len(pending))
    listed = {item["id"] for item in attributes(hass, pending_id)["homework"]}
    assert listed == {str(w.id) for w in pending}
    due_tomorrow = entity_id_for(hass, "sensor", "_homework_due_tomorrow")
    assert hass.states.get(due_tomorrow).state == str(len(tomorrow))


async def test_first_lesson_tomorrow(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    tomorrow = dt_util.now().date() + timedelta(days=1)
    lessons = [
        lesson
        for lesson in ed_simulator.student(STUDENT_ID).lessons
        if lesson.start.date() == tomorrow and not lesson.cancelled
    ]
    state = hass.states.get(entity_id_for(hass, "sensor", "_first_lesson_tomorrow"))
    if not lessons:
        assert state.state == STATE_UNKNOWN
        return
    first = min(lessons, key=lambda lesson: lesson.start)
    assert dt_util.parse_datetime(state.state) == paris(first.start)
    assert state.attributes["subject"] == first.subject.label


async def test_school_life_messages_and_wallets(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    student = ed_simulator.student(STUDENT_ID)
    absences = [event for event in student.absences if event.kind == "Absence"]
    delays = [event for event in student.absences if event.kind == "Retard"]
    unread = [m for m in student.messages if m.folder == "received" and not m.read]

    absences_id = entity_id_for(hass, "sensor", "_absences")
    assert hass.states.get(absences_id).state == str(len(absences))
    assert attributes(hass, absences_id)["unjustified"] == sum(
        1 for event in absences if not event.justified
    )
    assert hass.states.get(entity_id_for(hass, "sensor", "_delays")).state == str(len(delays))
    unread_id = entity_id_for(hass, "sensor", "_unread_messages")
    assert hass.states.get(unread_id).state == str(len(unread))
    for wallet in student.wallets:
        state = hass.states.get(entity_id_for(hass, "sensor", f"_wallet_{wallet.id}"))
        assert float(state.state) == wallet.balance
        assert state.attributes["unit_of_measurement"] == "EUR"


async def test_new_grade_updates_latest_grade_and_fires_event(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    event_id = entity_id_for(hass, "event", "_school_news")
    assert hass.states.get(event_id).state == STATE_UNKNOWN  # nothing fires at setup

    grade_id = ed_simulator.add_grade(STUDENT_ID, "MATHEMATIQUES", "17,5")
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    latest = hass.states.get(entity_id_for(hass, "sensor", "_latest_grade"))
    assert latest.state == "17.5"
    assert latest.attributes["id"] == str(grade_id)
    assert latest.attributes["out_of"] == 20
    event = hass.states.get(event_id)
    assert event.attributes["event_type"] == "new_grade"
    assert event.attributes["value"] == 17.5
    assert event.attributes["student"] == str(STUDENT_ID)


async def test_new_homework_fires_event_once(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    event_id = entity_id_for(hass, "event", "_school_news")
    due = dt_util.now().date() + timedelta(days=2)
    homework_id = ed_simulator.add_homework(
        STUDENT_ID, due, "FRANCAIS", "<p>Lire le chapitre 4</p>"
    )

    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    fired = hass.states.get(event_id)
    assert fired.attributes["event_type"] == "new_homework"
    assert fired.attributes["id"] == str(homework_id)
    assert fired.attributes["text"] == "Lire le chapitre 4"

    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert hass.states.get(event_id).state == fired.state


async def test_new_absence_fires_event(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    event_id = entity_id_for(hass, "event", "_school_news")
    today = dt_util.now().date()
    ed_simulator.student(STUDENT_ID).absences.append(
        LifeEvent(
            id=999001,
            kind="Absence",
            day=today,
            display_date="le mardi de 08:00 à 12:00",
            label="1 demi-journée",
            reason="Rendez-vous médical",
        )
    )

    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    fired = hass.states.get(event_id)
    assert fired.attributes["event_type"] == "new_absence"
    assert fired.attributes["id"] == "999001"
    assert fired.attributes["justified"] is False
    absences = hass.states.get(entity_id_for(hass, "sensor", "_absences"))
    assert absences.attributes["unjustified"] >= 1


async def test_after_a_restart_only_what_arrived_meanwhile_fires(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    event_id = entity_id_for(hass, "event", "_school_news")
    fired: list[str] = []
    hass.bus.async_listen(
        "state_changed",
        lambda event: fired.append(event.data["new_state"].attributes.get("id"))
        if event.data["entity_id"] == event_id and event.data["new_state"] is not None
        else None,
    )
    assert await hass.config_entries.async_unload(entry.entry_id)
    grade_id = ed_simulator.add_grade(STUDENT_ID, "ANGLAIS LV1", "15")

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    state = hass.states.get(event_id)
    assert state.attributes["event_type"] == "new_grade"
    assert state.attributes["id"] == str(grade_id)
    announced = {item for item in fired if item is not None}
    assert announced == {str(grade_id)}


async def test_lunch_tomorrow_follows_the_canteen_booking(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    tomorrow = dt_util.now().date() + timedelta(days=1)
    booked = ed_simulator.student(STUDENT_ID).canteen_lunches[tomorrow.isoweekday() - 1]

    state = hass.states.get(entity_id_for(hass, "sensor", "_lunch_tomorrow"))

    assert state.state == ("booked" if booked else "not_booked")
    assert state.attributes["options"] == ["booked", "not_booked"]
    assert state.attributes["regime"] == ed_simulator.student(STUDENT_ID).canteen_regime
