"""What a newcomer sees first: the latest grade (ScoDoc) and the next lessons (Lectio).

Both platforms' simulators are pinned to fixed days and Home Assistant's clock is frozen.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import restore_state
from homeassistant.util import dt as dt_util
import pytest

from custom_components.schoolbag.data import SchoolbagData
from simulator.lectio import LectioSimulator
from simulator.scodoc import ScoDocSimulator

from .conftest import attributes, entity_id_for
from .test_lectio import _password_entry
from .test_scodoc import HUGO, add_scodoc

SCODOC_TODAY = date(2026, 11, 25)
HUGO_ETUDID = 90533
# Hugo's most recent evaluation (yesterday), not graded yet ("-").
RATTRAPAGE = 61021
# His most recent evaluation with a value: "DS SQL", 33 days ago, 12.83.
LATEST_VALUE = 12.83

# The Monday of the simulated Lectio week: a whole-day "Idrætsdag" on Wednesday, a
# "Studietur til Berlin" from Friday 17:00 to Sunday 17:00, lessons at 08:10 on weekdays.
LECTIO_MONDAY = date(2026, 11, 23)
WEDNESDAY_LESSON = ("2b en", "2026-11-25T08:10:00+01:00")
NEXT_MONDAY_LESSON = ("2b ma", "2026-11-30T08:10:00+01:00")


@pytest.fixture
def scodoc_simulator() -> ScoDocSimulator:
    """ScoDoc data dated from a fixed day."""
    return ScoDocSimulator(today=SCODOC_TODAY)


@pytest.fixture
def lectio_simulator() -> LectioSimulator:
    """Lectio data whose current week is a fixed one."""
    return LectioSimulator(today=LECTIO_MONDAY)


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


async def _hugo(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, scodoc_url: str
) -> ConfigEntry:
    await hass.config.async_set_time_zone("Europe/Paris")
    freezer.move_to(f"{SCODOC_TODAY.isoformat()} 10:00:00+01:00")
    return await add_scodoc(hass, scodoc_url, HUGO)


async def test_latest_grade_skips_an_evaluation_not_graded_yet(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, scodoc_url: str
) -> None:
    await _hugo(hass, freezer, scodoc_url)
    latest = entity_id_for(hass, "sensor", f"{HUGO}_latest_grade")
    assert float(_state(hass, latest)) == pytest.approx(LATEST_VALUE)
    assert attributes(hass, latest)["title"] == "DS SQL"


async def test_evaluation_graded_later_becomes_the_latest_and_a_new_grade(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    scodoc_url: str,
    scodoc_simulator: ScoDocSimulator,
) -> None:
    entry = await _hugo(hass, freezer, scodoc_url)
    news = entity_id_for(hass, "event", f"{HUGO}_school_news")
    before = _state(hass, news)

    scodoc_simulator.set_grade(HUGO_ETUDID, RATTRAPAGE, "11.50")
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert _state(hass, news) != before
    event = attributes(hass, news)
    assert event["event_type"] == "new_grade"
    assert event["id"] == str(RATTRAPAGE)
    assert event["value"] == 11.5
    latest = entity_id_for(hass, "sensor", f"{HUGO}_latest_grade")
    assert float(_state(hass, latest)) == 11.5


async def _lectio_at(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, origin: str, moment: str
) -> str:
    """Add the Lectio demo account at ``moment`` (Copenhagen); the student's id."""
    await hass.config.async_set_time_zone("Europe/Copenhagen")
    freezer.move_to(moment)
    entry = await _password_entry(hass, origin)
    data: SchoolbagData = entry.runtime_data.data
    (student,) = data.students
    return student


def _subject_and_start(hass: HomeAssistant, entity_id: str) -> tuple[str, str]:
    lesson = attributes(hass, entity_id)
    return lesson["subject"], lesson["start"]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # During the whole-day sports day: the timed lesson running now.
        ("2026-11-25 09:00:00+01:00", WEDNESDAY_LESSON),
        # After Friday's lessons, before the study trip leaves.
        ("2026-11-27 16:00:00+01:00", NEXT_MONDAY_LESSON),
        # During the study trip.
        ("2026-11-28 12:00:00+01:00", NEXT_MONDAY_LESSON),
    ],
)
async def test_next_lesson_ignores_whole_day_and_multi_day_entries(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    lectio_origin: str,
    moment: str,
    expected: tuple[str, str],
) -> None:
    student = await _lectio_at(hass, freezer, lectio_origin, moment)
    sensor = entity_id_for(hass, "sensor", f"{student}_next_lesson")
    assert _state(hass, sensor) == expected[0]
    assert _subject_and_start(hass, sensor) == expected


async def test_first_lesson_tomorrow_ignores_a_whole_day_entry(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, lectio_origin: str
) -> None:
    student = await _lectio_at(hass, freezer, lectio_origin, "2026-11-24 12:00:00+01:00")
    sensor = entity_id_for(hass, "sensor", f"{student}_first_lesson_tomorrow")
    subject, start = WEDNESDAY_LESSON
    assert dt_util.parse_datetime(_state(hass, sensor)) == datetime.fromisoformat(start)
    assert attributes(hass, sensor)["subject"] == subject


async def test_whole_day_and_multi_day_entries_stay_in_the_calendar(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, lectio_origin: str
) -> None:
    student = await _lectio_at(hass, freezer, lectio_origin, "2026-11-24 12:00:00+01:00")
    calendar = entity_id_for(hass, "calendar", f"{student}_timetable")
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"start_date_time": "2026-11-25T00:00:00", "end_date_time": "2026-11-29T23:59:59"},
        target={"entity_id": calendar},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    listed = cast("dict[str, Any]", response[calendar])["events"]
    events = {event["summary"]: event for event in listed}
    assert events["Idrætsdag"]["start"] == "2026-11-25"
    assert events["Studietur til Berlin"]["start"] == "2026-11-27T17:00:00+01:00"
    assert events["Studietur til Berlin"]["end"] == "2026-11-29T17:00:00+01:00"


async def test_evaluation_stored_as_seen_by_older_versions_still_fires_once_graded(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    scodoc_url: str,
    scodoc_simulator: ScoDocSimulator,
) -> None:
    """Older versions stored ungraded evaluations as announced: they must not stay silent."""
    entry = await _hugo(hass, freezer, scodoc_url)
    news = entity_id_for(hass, "event", f"{HUGO}_school_news")
    assert await hass.config_entries.async_unload(entry.entry_id)
    restored = restore_state.async_get(hass).last_states[news]
    stored = cast(dict[str, Any], restored.extra_data.as_dict())  # type: ignore[union-attr]
    stored["seen"]["grades"].append(str(RATTRAPAGE))
    restore_state.async_get(hass).last_states[news] = restore_state.StoredState(
        restored.state, restore_state.RestoredExtraData(stored), restored.last_seen
    )

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    scodoc_simulator.set_grade(HUGO_ETUDID, RATTRAPAGE, "11.50")
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert attributes(hass, news)["id"] == str(RATTRAPAGE)


def _stored_seen(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    restored = restore_state.async_get(hass).last_states[entity_id]
    stored = cast(dict[str, Any], restored.extra_data.as_dict())  # type: ignore[union-attr]
    return cast(dict[str, Any], stored["seen"])


async def test_ids_announced_are_forgotten_once_the_data_no_longer_holds_them(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, scodoc_url: str
) -> None:
    entry = await _hugo(hass, freezer, scodoc_url)
    news = entity_id_for(hass, "event", f"{HUGO}_school_news")
    assert await hass.config_entries.async_unload(entry.entry_id)
    upcoming = _stored_seen(hass, news)["upcoming_test"]
    assert upcoming
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    # Months later every evaluation has passed: none is an upcoming test any more.
    freezer.move_to(f"{SCODOC_TODAY.replace(year=SCODOC_TODAY.year + 1)} 10:00:00+01:00")
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(entry.entry_id)

    seen = _stored_seen(hass, news)
    assert seen["upcoming_test"] == []
    # Grades stay in the data, so they stay announced.
    assert seen["grades"]
