"""Sensors of the day ahead when there is nothing to show: no lunch, no lesson."""

from __future__ import annotations

from datetime import date, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.fixtures.people import student_modules
from simulator.pronote import PronoteSimulator

from .conftest import NO_QCM_STUDENT, add_account, attributes, entity_id_for
from .test_pronote import _created, _password_login

FRIDAY = date(2026, 12, 4)
ED_STUDENT_ID = 2400  # the student of NO_QCM_STUDENT
PRONOTE_LUNCH, PRONOTE_MAIN_COURSE = 0, 1


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """EcoleDirecte data dated from a Friday."""
    return EcoleDirecteSimulator(today=FRIDAY)


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """Pronote data dated from a Friday."""
    return PronoteSimulator(today=FRIDAY)


def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, day: date, hour: int) -> None:
    """Move Paris wall-clock time to ``day`` at ``hour`` and run what became due."""
    freezer.move_to(f"{day.isoformat()} {hour:02d}:00:00+01:00")
    async_fire_time_changed(hass)


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


async def test_lunch_tomorrow_is_unknown_without_a_reservation_day_or_a_canteen(
    hass_paris: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    student = ed_simulator.student(ED_STUDENT_ID)
    # The school takes reservations on school days only (Monday to Friday).
    student.canteen_lunches = (True, True, False, True, True)
    student.modules = student_modules(student)
    _at(hass, freezer, FRIDAY, 10)
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    sensor = entity_id_for(hass, "sensor", "_lunch_tomorrow")

    # Friday: tomorrow is a Saturday, a day without reservations.
    assert _state(hass, sensor) == STATE_UNKNOWN
    assert attributes(hass, sensor)["regime"] == "Demi-pensionnaire"

    # The clock alone moves it on to Monday's reservation.
    _at(hass, freezer, FRIDAY + timedelta(days=2), 10)
    await hass.async_block_till_done()
    assert _state(hass, sensor) == "booked"

    # The school stops offering its canteen: nothing is known about tomorrow any more.
    for module in student.modules:
        if module["code"] in ("RESERVATIONS", "CANTINE_BARCODE"):
            module["enable"] = False
    ed_simulator.expire_tokens()  # the modules are read at login
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert entry.runtime_data.data.students[str(ED_STUDENT_ID)].canteen is None
    assert _state(hass, sensor) == STATE_UNKNOWN
    assert attributes(hass, sensor)["regime"] is None


async def test_lunch_menu_is_unknown_after_the_last_published_lunch(
    hass_paris: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
) -> None:
    hass = hass_paris
    world = pronote_simulator.world
    # The canteen has published nothing after this Friday.
    world.menus = [meal for meal in world.menus if meal.day <= FRIDAY]
    friday = next(m for m in world.menus if m.day == FRIDAY and m.kind == PRONOTE_LUNCH)
    main = ", ".join(
        food.name for kind, foods in friday.dishes if kind == PRONOTE_MAIN_COURSE for food in foods
    )
    _at(hass, freezer, FRIDAY, 10)
    await _created(hass, await _password_login(hass, f"{pronote_origin}/pronote/eleve.html"))
    sensor = entity_id_for(hass, "sensor", "_lunch_menu")
    assert _state(hass, sensor) == main
    assert attributes(hass, sensor)["date"] == FRIDAY.isoformat()

    # Lunch is over at 14:00: no lunch is left to show.
    _at(hass, freezer, FRIDAY, 15)
    await hass.async_block_till_done()

    assert _state(hass, sensor) == STATE_UNKNOWN
    assert "date" not in attributes(hass, sensor)


async def test_next_lesson_is_unknown_without_any_lesson_ahead(
    hass_paris: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    ed_simulator.student(ED_STUDENT_ID).lessons.clear()
    _at(hass, freezer, FRIDAY, 10)
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    sensor = entity_id_for(hass, "sensor", "_next_lesson")

    assert _state(hass, sensor) == STATE_UNKNOWN
    assert attributes(hass, sensor).keys() <= {"friendly_name", "icon"}
    _at(hass, freezer, FRIDAY + timedelta(days=3), 10)
    await hass.async_block_till_done()
    assert _state(hass, sensor) == STATE_UNKNOWN
