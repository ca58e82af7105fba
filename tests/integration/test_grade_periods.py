"""Grades per term, term and UE average sensors, skills evaluations: through the real setup."""

from __future__ import annotations

from datetime import date

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.schoolbag.const import DOMAIN
from simulator.pronote import PronoteSimulator

from .conftest import attributes, entity_id_for
from .test_pronote import _created, _password_login

# A day of the second term of the simulated school year (terms start Sept 1, Dec 1, Mar 1).
SECOND_TERM_DAY = date(2027, 1, 12)
GRADES_CALL = "DernieresNotes"


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """A Pronote whose school year is in its second term."""
    return PronoteSimulator(today=SECOND_TERM_DAY)


async def _setup(hass: HomeAssistant, freezer: FrozenDateTimeFactory, origin: str) -> ConfigEntry:
    freezer.move_to(f"{SECOND_TERM_DAY.isoformat()} 10:00:00+01:00")
    return await _created(hass, await _password_login(hass, f"{origin}/pronote/eleve.html"))


def _grade_calls(simulator: PronoteSimulator) -> int:
    return sum(1 for _, name in simulator.requests if name == GRADES_CALL)


async def test_ended_term_is_read_once_and_gets_its_average_sensor(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
) -> None:
    entry = await _setup(hass, freezer, pronote_origin)
    book = next(iter(entry.runtime_data.data.students.values())).grades
    assert book is not None
    first_term = next(p for p in book.periods if p.name == "Trimestre 1")
    second_term = next(p for p in book.periods if p.name == "Trimestre 2")
    graded_terms = {grade.period_id for grade in book.grades}
    assert graded_terms == {first_term.id, second_term.id}
    calls = _grade_calls(pronote_simulator)

    await entry.runtime_data.async_refresh()
    # The ended first term is not asked again: one call, for the current term.
    assert _grade_calls(pronote_simulator) == calls + 1

    for term in (first_term, second_term):
        sensor = entity_id_for(hass, "sensor", f"_period_average_{term.id}")
        overall = next(a for a in book.averages if a.subject is None and a.period_id == term.id)
        assert float(hass.states.get(sensor).state) == pytest.approx(overall.value)
        assert attributes(hass, sensor)["out_of"] == overall.out_of
    current = entity_id_for(hass, "sensor", "_overall_average")
    second = next(a for a in book.averages if a.subject is None and a.period_id == second_term.id)
    assert float(hass.states.get(current).state) == pytest.approx(second.value)


async def test_skills_evaluations_sensor_and_grades_action(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
) -> None:
    entry = await _setup(hass, freezer, pronote_origin)
    book = next(iter(entry.runtime_data.data.students.values())).grades
    assert book is not None
    assert book.skills
    latest = max(book.skills, key=lambda skill: (skill.date, skill.id))
    sensor = entity_id_for(hass, "sensor", "_latest_skill_evaluation")
    assert hass.states.get(sensor).state == latest.title
    details = attributes(hass, sensor)
    assert details["subject"] == latest.subject
    assert [item["level"] for item in details["acquisitions"]] == [
        item.level for item in latest.acquisitions
    ]

    response = await hass.services.async_call(
        DOMAIN,
        "get_grades",
        {"config_entry": entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    (student,) = response.values()
    assert isinstance(student, dict)
    assert {skill["id"] for skill in student["skills"]} == {skill.id for skill in book.skills}
    assert any(average.get("kind") == "subject" for average in student["averages"])


async def test_average_sensors_of_vanished_terms_are_removed(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
) -> None:
    entry = await _setup(hass, freezer, pronote_origin)
    registry = er.async_get(hass)
    student_id = next(iter(entry.runtime_data.data.students))
    stale = registry.async_get_or_create(
        "sensor",
        DOMAIN,
        f"{entry.unique_id}_{student_id}_period_average_last-year",
        config_entry=entry,
    )
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert registry.async_get(stale.entity_id) is None
    assert entity_id_for(hass, "sensor", "_overall_average")
