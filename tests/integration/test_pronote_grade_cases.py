"""The grades action keeps real-server cases apart: namesake subjects, marks counted out of 20."""

from __future__ import annotations

from datetime import date
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

from custom_components.schoolbag.const import DOMAIN
from simulator.pronote import PronoteSimulator
from simulator.pronote.fixtures.logins import DEMO_PASSWORD, QR_DEMO_USERNAME
from simulator.pronote.fixtures.people import SECOND_PHYSICS

from .test_pronote import _created, _open

SCHOOL_DAY = "2026-12-03"


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """The simulated Pronote on a school day of the second term."""
    return PronoteSimulator(today=date.fromisoformat(SCHOOL_DAY))


async def _grades_of_chloe(hass: HomeAssistant, origin: str) -> dict[str, Any]:
    result = await _open(hass, "pronote_password")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "server_url": f"{origin}/pronote/eleve.html",
            "username": QR_DEMO_USERNAME,
            "password": DEMO_PASSWORD,
            "device_name": "Maison",
        },
    )
    entry = await _created(hass, result)
    response = await hass.services.async_call(
        DOMAIN, "get_grades", {"config_entry": entry.entry_id}, blocking=True, return_response=True
    )
    assert response is not None
    (student,) = response.values()
    assert isinstance(student, dict)
    return student


async def test_grades_action_keeps_namesakes_and_counted_scales(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
) -> None:
    freezer.move_to(f"{SCHOOL_DAY} 10:00:00+01:00")
    student = await _grades_of_chloe(hass, pronote_origin)
    namesakes = [
        average
        for average in student["averages"]
        if average.get("subject") == SECOND_PHYSICS.label
        and average["period"] == student["current_period"]
    ]
    assert len(namesakes) == 2
    assert len({average["code"] for average in namesakes}) == 2
    assert SECOND_PHYSICS.id in {average["code"] for average in namesakes}
    # Each grade names its own namesake subject, by the code of that subject's averages.
    namesake_grades = [g for g in student["grades"] if g["subject"] == SECOND_PHYSICS.label]
    assert {grade["subject_code"] for grade in namesake_grades} == {
        average["code"] for average in namesakes
    }

    counted = [grade for grade in student["grades"] if "counted_out_of" in grade]
    assert counted
    assert all(grade["counted_out_of"] == 20.0 for grade in counted)
    assert all(grade["out_of"] == 10.0 for grade in counted)
    out_of_20 = [grade for grade in student["grades"] if grade["out_of"] == 20]
    assert all("counted_out_of" not in grade for grade in out_of_20)
