"""How the flows offer an account's students, and the options form its ScoDoc semesters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest

from custom_components.schoolbag.const import CONF_SEMESTER, CONF_STUDENTS, SEMESTER_CURRENT
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.scodoc import ScoDocSimulator

from .conftest import PARENT, answer_value, select_options, start_login
from .test_scodoc import ALICE, add_scodoc

SCHOOL_DAY = date(2026, 12, 3)
# Both in the INFO BUT semester of SCHOOL_DAY.
MARTIN = "31020001"
EMMA, HUGO = 3456, 3457


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """EcoleDirecte data dated from a fixed school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def scodoc_simulator() -> ScoDocSimulator:
    """ScoDoc data dated from a fixed school day."""
    return ScoDocSimulator(today=SCHOOL_DAY)


@pytest.fixture(autouse=True)
def _school_day(freezer: FrozenDateTimeFactory) -> None:
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")


async def test_a_child_without_a_class_is_offered_by_name_alone(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hugo = ed_simulator.student(HUGO)
    hugo.school_class = replace(hugo.school_class, code="", label="")
    emma = ed_simulator.student(EMMA)
    result = await start_login(hass, ed_url, *PARENT)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"answer": answer_value(result, ed_simulator.qcm_answer(PARENT[0]))}
    )

    assert result["step_id"] == "students"
    assert select_options(result, CONF_STUDENTS) == {
        str(EMMA): f"{emma.first_name} {emma.last_name} ({emma.school_class.label})",
        str(HUGO): f"{hugo.first_name} {hugo.last_name}",
    }


async def test_a_semester_two_students_share_is_offered_once(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    entry = await add_scodoc(hass, scodoc_url, query=f"{ALICE}, {MARTIN}")
    books = [data.grades for data in entry.runtime_data.data.students.values()]
    shared = {p.id for p in books[0].periods} & {p.id for p in books[1].periods}
    assert shared

    result = await hass.config_entries.options.async_init(entry.entry_id)

    schema = result["data_schema"].schema
    marker = next(key for key in schema if str(key) == CONF_SEMESTER)
    values = [option["value"] for option in schema[marker].config["options"]]
    assert values[0] == SEMESTER_CURRENT
    assert len(values) == len(set(values))
    assert shared <= set(values)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_STUDENTS: [ALICE, MARTIN], CONF_SEMESTER: SEMESTER_CURRENT}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
