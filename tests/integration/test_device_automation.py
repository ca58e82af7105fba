"""Device triggers and conditions of a student's device, through automations.

The simulated EcoleDirecte is pinned to SCHOOL_DAY (a Tuesday) and time is frozen, so
lessons and homework fall on known days whatever the day the tests run.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from unittest.mock import AsyncMock

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.device_automation import DeviceAutomationType
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import (
    condition,
    device_registry as dr,
    entity_registry as er,
    restore_state,
)
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    async_get_device_automations,
    async_mock_service,
)
import voluptuous as vol

from custom_components.schoolbag import device_condition, device_trigger
from custom_components.schoolbag.const import DOMAIN
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.fixtures.models import Lesson, LifeEvent, Message
from simulator.scodoc import ScoDocSimulator

from .conftest import NO_QCM_STUDENT, PARIS, SCHOOL_DAY, add_account, entity_id_for
from .test_scodoc import ALICE, add_scodoc

STUDENT_ID = 2400
TRIGGERS = (
    "new_grade",
    "new_homework",
    "new_absence",
    "new_late_arrival",
    "lesson_cancelled",
    "lesson_changed",
    "timetable_changed",
    "new_message",
    "upcoming_test",
)
CONDITIONS = (
    "has_lessons_today",
    "has_lessons_tomorrow",
    "first_lesson_tomorrow_after",
    "homework_due_tomorrow",
)
THURSDAY = SCHOOL_DAY + timedelta(days=2)


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """The demo school, its data dated from SCHOOL_DAY."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


def _device_id(hass: HomeAssistant, entry: ConfigEntry) -> str:
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return device.id


async def _automations(hass: HomeAssistant, entry: ConfigEntry) -> list[ServiceCall]:
    """One automation per trigger type, each calling test.automation with what fired."""
    calls = async_mock_service(hass, "test", "automation")
    device_id = _device_id(hass, entry)
    news = er.async_get(hass).async_get(entity_id_for(hass, "event", "_school_news"))
    assert news is not None
    automations = [
        {
            "triggers": [
                {
                    "trigger": "device",
                    "domain": DOMAIN,
                    "device_id": device_id,
                    "entity_id": news.id,
                    "type": trigger_type,
                }
            ],
            "actions": [
                {
                    "action": "test.automation",
                    "data": {
                        "type": "{{ trigger.type }}",
                        "id": "{{ trigger.event.get('id', '') }}",
                        "dates": "{{ trigger.event.get('dates', []) | join(',') }}",
                    },
                }
            ],
        }
        for trigger_type in TRIGGERS
    ]
    assert await async_setup_component(hass, "automation", {"automation": automations})
    await hass.async_block_till_done()
    return calls


def _fired(calls: list[ServiceCall]) -> list[tuple[str, str]]:
    return sorted((call.data["type"], str(call.data["id"] or call.data["dates"])) for call in calls)


async def _refresh(hass: HomeAssistant, entry: ConfigEntry) -> None:
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


def _lessons_on(simulator: EcoleDirecteSimulator, day: date) -> list[Lesson]:
    return sorted(
        (
            lesson
            for lesson in simulator.student(STUDENT_ID).lessons
            if lesson.start.date() == day and not lesson.cancelled and not lesson.modified
        ),
        key=lambda lesson: lesson.start,
    )


def _add_news(simulator: EcoleDirecteSimulator) -> dict[str, str]:
    """Add one of everything the triggers watch; return the ids expected per trigger."""
    student = simulator.student(STUDENT_ID)
    grade = simulator.add_grade(STUDENT_ID, "MATHEMATIQUES", "14")
    homework = simulator.add_homework(STUDENT_ID, THURSDAY, "FRANCAIS", "<p>Lire</p>")
    test = simulator.add_homework(STUDENT_ID, THURSDAY, "ANGLAIS", "<p>Contrôle</p>")
    student.homework[-1].exam = True
    for event_id, kind in ((999001, "Absence"), (999002, "Retard")):
        student.absences.append(
            LifeEvent(id=event_id, kind=kind, day=SCHOOL_DAY, display_date="", label=kind)
        )
    cancelled, changed = _lessons_on(simulator, THURSDAY)[:2]
    cancelled.cancelled = True
    changed.modified, changed.room = True, "CDI"
    message = simulator.world.new_id("message")
    student.messages.append(
        Message(
            id=message,
            folder="received",
            sent_at=datetime.combine(SCHOOL_DAY, time(9, 30)),
            subject="Sortie annulée",
            html="<p>La sortie est annulée.</p>",
            sender=student.messages[0].sender,
            read=False,
        )
    )
    return {
        "new_grade": str(grade),
        "new_homework": f"{homework},{test}",
        "new_absence": "999001",
        "new_late_arrival": "999002",
        "lesson_cancelled": str(cancelled.id),
        "lesson_changed": str(changed.id),
        "timetable_changed": THURSDAY.isoformat(),
        "new_message": str(message),
        "upcoming_test": str(test),
    }


def _expected(ids: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(
        (trigger_type, one)
        for trigger_type, all_ids in ids.items()
        for one in (all_ids.split(",") if trigger_type != "timetable_changed" else [all_ids])
    )


async def test_a_student_device_lists_its_triggers_and_conditions(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    device_id = _device_id(hass, entry)
    news = er.async_get(hass).async_get(entity_id_for(hass, "event", "_school_news"))
    assert news is not None

    # The device's sensors bring Home Assistant's own sensor triggers and conditions too.
    triggers = [
        trigger
        for trigger in await async_get_device_automations(
            hass, DeviceAutomationType.TRIGGER, device_id
        )
        if trigger["domain"] == DOMAIN
    ]
    conditions = [
        item
        for item in await async_get_device_automations(
            hass, DeviceAutomationType.CONDITION, device_id
        )
        if item["domain"] == DOMAIN
    ]

    assert sorted(trigger["type"] for trigger in triggers) == sorted(TRIGGERS)
    assert {(t["domain"], t["device_id"], t["entity_id"]) for t in triggers} == {
        (DOMAIN, device_id, news.id)
    }
    assert sorted(item["type"] for item in conditions) == sorted(CONDITIONS)
    assert {(c["condition"], c["domain"], c["device_id"]) for c in conditions} == {
        ("device", DOMAIN, device_id)
    }


async def test_each_trigger_fires_once_for_what_the_school_adds(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = await _automations(hass, entry)
    await _refresh(hass, entry)
    assert calls == []  # what was there at setup is old news

    expected = _expected(_add_news(ed_simulator))
    await _refresh(hass, entry)
    assert _fired(calls) == expected

    await _refresh(hass, entry)
    assert _fired(calls) == expected  # nothing twice


async def test_a_lesson_cancelled_again_after_being_restored_fires_again(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = await _automations(hass, entry)
    lesson = _lessons_on(ed_simulator, THURSDAY)[0]
    for cancelled in (True, False, True):
        lesson.cancelled = cancelled
        freezer.tick(timedelta(minutes=1))  # two events at one instant would be one state
        await _refresh(hass, entry)

    assert [str(c.data["id"]) for c in calls if c.data["type"] == "lesson_cancelled"] == [
        str(lesson.id),
        str(lesson.id),
    ]
    # Cancelled, back, cancelled again: the day changed three times.
    assert [c.data["dates"] for c in calls if c.data["type"] == "timetable_changed"] == [
        THURSDAY.isoformat()
    ] * 3


async def test_past_lessons_and_days_coming_into_view_are_no_news(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = await _automations(hass, entry)
    # Yesterday's lesson is over, a lesson in two weeks is out of the watched week.
    _lessons_on(ed_simulator, SCHOOL_DAY - timedelta(days=1))[0].cancelled = True
    _lessons_on(ed_simulator, SCHOOL_DAY + timedelta(days=14))[0].modified = True
    await _refresh(hass, entry)
    lesson_calls = [c.data["type"] for c in calls]
    assert lesson_calls == ["lesson_changed"]  # changed ahead: news; the timetable seen: not

    # A day later the watched week moves on by a day: no change announced for it.
    freezer.move_to(datetime.combine(SCHOOL_DAY + timedelta(days=1), time(10), PARIS))
    await _refresh(hass, entry)
    assert [c.data["type"] for c in calls] == ["lesson_changed"]


async def test_after_a_restart_only_what_arrived_meanwhile_fires(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = await _automations(hass, entry)
    assert await hass.config_entries.async_unload(entry.entry_id)
    expected = _expected(_add_news(ed_simulator))

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert _fired(calls) == expected


async def test_an_older_version_s_memory_fires_nothing_for_the_new_kinds(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = await _automations(hass, entry)
    news = entity_id_for(hass, "event", "_school_news")
    assert await hass.config_entries.async_unload(entry.entry_id)
    restored = restore_state.async_get(hass).last_states[news]
    seen = restored.extra_data.as_dict()["seen"] if restored.extra_data else {}
    # What versions with three event types stored: no timetable, lessons or messages.
    old = {key: seen[key] for key in ("grades", "homework", "absences")}
    restore_state.async_get(hass).last_states[news] = restore_state.StoredState(
        restored.state,
        restore_state.RestoredExtraData({"last_event_type": None, "seen": old}),
        restored.last_seen,
    )

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert calls == []


async def _check(
    hass: HomeAssistant, entry: ConfigEntry, condition_type: str, **extra: Any
) -> bool:
    config = await condition.async_validate_condition_config(
        hass,
        {
            "condition": "device",
            "domain": DOMAIN,
            "device_id": _device_id(hass, entry),
            "type": condition_type,
            **extra,
        },
    )
    checker = await condition.async_from_config(hass, config)
    return bool(checker(hass, {}))


async def test_lesson_conditions_follow_the_frozen_clock(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    wednesday = SCHOOL_DAY + timedelta(days=1)
    first = _lessons_on(ed_simulator, wednesday)[0].start.time()
    later = (datetime.combine(wednesday, first) + timedelta(minutes=1)).time()

    # Tuesday 10:00: lessons today and tomorrow.
    assert await _check(hass, entry, "has_lessons_today")
    assert await _check(hass, entry, "has_lessons_tomorrow")
    assert await _check(hass, entry, "first_lesson_tomorrow_after", time=first.isoformat())
    assert not await _check(hass, entry, "first_lesson_tomorrow_after", time=later.isoformat())

    # Friday evening: lessons today, none on Saturday.
    freezer.move_to(datetime.combine(SCHOOL_DAY + timedelta(days=3), time(19), PARIS))
    assert await _check(hass, entry, "has_lessons_today")
    assert not await _check(hass, entry, "has_lessons_tomorrow")
    assert not await _check(hass, entry, "first_lesson_tomorrow_after", time="00:00")

    # Sunday: none today, Monday's lessons tomorrow.
    freezer.move_to(datetime.combine(SCHOOL_DAY + timedelta(days=5), time(12), PARIS))
    assert not await _check(hass, entry, "has_lessons_today")
    assert await _check(hass, entry, "has_lessons_tomorrow")


async def test_a_cancelled_first_lesson_moves_the_first_lesson_later(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    first, second = _lessons_on(ed_simulator, SCHOOL_DAY + timedelta(days=1))[:2]
    assert second.start > first.start
    at_second = {"time": second.start.time().isoformat()}
    assert not await _check(hass, entry, "first_lesson_tomorrow_after", **at_second)

    first.cancelled = True
    await _refresh(hass, entry)

    assert await _check(hass, entry, "first_lesson_tomorrow_after", **at_second)


async def test_homework_due_tomorrow_until_it_is_done(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    wednesday = SCHOOL_DAY + timedelta(days=1)
    for work in ed_simulator.student(STUDENT_ID).homework:
        if work.due == wednesday:
            work.done = True
    await _refresh(hass, entry)
    assert not await _check(hass, entry, "homework_due_tomorrow")

    homework_id = ed_simulator.add_homework(STUDENT_ID, wednesday, "FRANCAIS", "<p>Lire</p>")
    await _refresh(hass, entry)
    assert await _check(hass, entry, "homework_due_tomorrow")

    await hass.services.async_call(
        DOMAIN,
        "mark_homework_done",
        {"config_entry": entry.entry_id, "homework_id": str(homework_id)},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert ed_simulator.homework_done(STUDENT_ID, homework_id)
    assert not await _check(hass, entry, "homework_due_tomorrow")


async def test_conditions_are_false_once_the_account_is_unloaded(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert await _check(hass, entry, "has_lessons_today")
    assert await hass.config_entries.async_unload(entry.entry_id)
    assert not await _check(hass, entry, "has_lessons_today")
    device_id = _device_id(hass, entry)
    conditions = await async_get_device_automations(hass, DeviceAutomationType.CONDITION, device_id)
    assert [item for item in conditions if item["domain"] == DOMAIN] == []


async def test_a_scodoc_student_offers_what_scodoc_gives(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    device = dr.async_get(hass).async_get_device({(DOMAIN, f"{entry.unique_id}_{ALICE}")})
    assert device is not None

    triggers = await async_get_device_automations(hass, DeviceAutomationType.TRIGGER, device.id)
    conditions = await async_get_device_automations(hass, DeviceAutomationType.CONDITION, device.id)

    # No timetable, homework or mailbox; evaluations still to come are announced.
    assert sorted(t["type"] for t in triggers if t["domain"] == DOMAIN) == sorted(
        ["new_grade", "new_absence", "new_late_arrival", "upcoming_test"]
    )
    assert [c for c in conditions if c["domain"] == DOMAIN] == []


async def test_only_the_first_lesson_condition_asks_for_a_time(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    device_id = _device_id(hass, entry)
    asked: dict[str, list[str]] = {}
    for condition_type in CONDITIONS:
        capabilities = await device_condition.async_get_condition_capabilities(
            hass, {"domain": DOMAIN, "device_id": device_id, "type": condition_type}
        )
        fields = capabilities.get("extra_fields")
        asked[condition_type] = [str(key) for key in fields.schema] if fields else []
    assert asked == {
        "has_lessons_today": [],
        "has_lessons_tomorrow": [],
        "first_lesson_tomorrow_after": ["time"],
        "homework_due_tomorrow": [],
    }


async def test_a_condition_on_a_device_that_is_gone_is_false(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    checker = device_condition.async_condition_from_config(
        hass,
        {"condition": "device", "domain": DOMAIN, "device_id": "gone", "type": "has_lessons_today"},
    )
    assert not checker(hass, {})


async def test_a_trigger_on_an_unknown_entity_is_refused(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    config = {
        "platform": "device",
        "domain": DOMAIN,
        "device_id": _device_id(hass, entry),
        "entity_id": "0123456789abcdef0123456789abcdef",
        "type": "new_grade",
    }
    with pytest.raises(vol.Invalid, match="Unknown entity"):
        await device_trigger.async_attach_trigger(
            hass,
            config,
            AsyncMock(),
            {"trigger_data": {}},  # type: ignore[typeddict-item]
        )


async def test_an_availability_flicker_fires_nothing(
    hass: HomeAssistant, school_morning: date, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = await _automations(hass, entry)
    news = entity_id_for(hass, "event", "_school_news")
    ed_simulator.add_grade(STUDENT_ID, "MATHEMATIQUES", "14")
    await _refresh(hass, entry)
    fired = len(calls)
    assert fired == 1
    before = hass.states.get(news)
    assert before is not None
    # Unavailable, then the same event again: no new event, no new run.
    hass.states.async_set(news, "unavailable", before.attributes)
    await hass.async_block_till_done()
    hass.states.async_set(news, before.state, before.attributes)
    await hass.async_block_till_done()
    assert len(calls) == fired
    # An event dated before the automations started (restored at a restart) is old news.
    restored = {**before.attributes, "id": "restored"}
    hass.states.async_set(news, "2026-03-09T08:00:00.000+00:00", restored)
    await hass.async_block_till_done()
    assert len(calls) == fired
