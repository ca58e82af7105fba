"""The latest-grade sensor lists the recent grades for the cards, out of the recorder."""

from __future__ import annotations

from datetime import date
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder, get_instance, history
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import RecorderInstanceContextManager

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.fixtures.grades import parse_number
from simulator.pronote import PronoteSimulator

from .conftest import NO_QCM_STUDENT, SCHOOL_DAY, add_account, attributes, entity_id_for
from .test_pronote_grade_cases import SCHOOL_DAY as PRONOTE_DAY, _grades_of_chloe

STUDENT_ID = 2400  # the student of NO_QCM_STUDENT
RECENT_KEYS = {
    "subject",
    "title",
    "date",
    "value",
    "out_of",
    "mark",
    "class_average",
    "coefficient",
}
OPTIONAL_KEYS = {"subject_code", "counted_out_of"}
# Wire values of evaluations not graded yet: never listed.
NOT_GRADED_YET = {"NE", "EA", ""}


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """EcoleDirecte data dated from the school day the clock is frozen on."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """The simulated Pronote on a school day of the second term."""
    return PronoteSimulator(today=date.fromisoformat(PRONOTE_DAY))


def _recent(hass: HomeAssistant) -> list[dict[str, Any]]:
    recent = attributes(hass, entity_id_for(hass, "sensor", "_latest_grade"))["recent"]
    assert isinstance(recent, list)
    return recent


async def test_recent_grades_newest_first_with_special_marks(
    hass_paris: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    # Entered today, in this order: the last one is the newest.
    ed_simulator.add_grade(STUDENT_ID, "MATHS", "15,5")
    ed_simulator.add_grade(STUDENT_ID, "SVT", "Abs")
    ed_simulator.add_grade(STUDENT_ID, "PH-CH", "NE")
    ed_simulator.add_grade(STUDENT_ID, "EPS", "Disp")
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)

    latest_id = entity_id_for(hass, "sensor", "_latest_grade")
    state = hass.states.get(latest_id)
    assert state is not None
    # The state and the other attributes still tell the latest grade that has a value.
    assert float(state.state) == 15.5
    assert state.attributes["value"] == 15.5
    assert state.attributes["title"] == "Interrogation surprise"
    assert state.attributes["raw"] == "15,5"

    recent = _recent(hass)
    assert len(recent) == 10
    assert all(set(grade) == RECENT_KEYS for grade in recent)
    # Exempt and absent are listed by their mark; "not graded yet" is left out.
    exempt, absent, newest_value = recent[:3]
    assert (exempt["mark"], exempt["value"]) == ("exempt", None)
    assert (absent["mark"], absent["value"]) == ("absent", None)
    assert {key: newest_value[key] for key in ("title", "value", "out_of", "mark")} == {
        "title": "Interrogation surprise",
        "value": 15.5,
        "out_of": 20.0,
        "mark": None,
    }
    assert newest_value["subject"] == state.attributes["subject"]
    assert newest_value["date"] == state.attributes["date"]

    # The rest follow the school's grades, newest entered first, with their figures.
    given = sorted(
        (
            grade
            for grade in ed_simulator.student(STUDENT_ID).grades
            if grade.value not in NOT_GRADED_YET
        ),
        key=lambda grade: (grade.entered, str(grade.id)),
        reverse=True,
    )
    assert [grade["title"] for grade in recent] == [grade.title for grade in given[:10]]
    for listed, grade in zip(recent[3:], given[3:10], strict=True):
        assert listed["date"] == grade.date.isoformat()
        assert listed["value"] == parse_number(grade.value)
        assert listed["out_of"] == float(grade.out_of)
        assert listed["coefficient"] == float(grade.coef)
        assert listed["class_average"] == parse_number(grade.class_avg)


async def test_recent_grades_keep_pronote_subject_codes_and_counted_scales(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
) -> None:
    freezer.move_to(f"{PRONOTE_DAY} 10:00:00+01:00")
    student = await _grades_of_chloe(hass, pronote_origin)

    recent = _recent(hass)
    assert len(recent) == 10
    # The same figures as the grades action gives, only fewer of them.
    shown = [
        {key: grade[key] for key in RECENT_KEYS | OPTIONAL_KEYS if key in grade}
        for grade in student["grades"]
    ]
    assert all(listed in shown for listed in recent)
    assert all("subject_code" in listed for listed in recent)
    assert any(listed.get("counted_out_of") == 20.0 for listed in recent)


async def test_overall_average_gives_its_scale(
    hass_paris: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    hass = hass_paris
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    overall = entity_id_for(hass, "sensor", "_overall_average")
    assert float(hass.states.get(overall).state) > 0
    assert attributes(hass, overall)["out_of"] == 20.0


class TestRecorder:
    """With the recorder, which must start before Home Assistant does."""

    @pytest.fixture
    def mock_recorder_before_hass(
        self, async_test_recorder: RecorderInstanceContextManager
    ) -> None:
        """Let ``recorder_mock`` set the recorder up before the ``hass`` fixture."""

    async def test_recent_grades_are_not_recorded(
        self,
        recorder_mock: Recorder,
        hass_paris: HomeAssistant,
        school_morning: date,
        ed_url: str,
        ed_simulator: EcoleDirecteSimulator,
    ) -> None:
        hass = hass_paris
        await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
        latest_id = entity_id_for(hass, "sensor", "_latest_grade")
        assert _recent(hass)
        await async_wait_recording_done(hass)

        recorded = await get_instance(hass).async_add_executor_job(
            history.get_last_state_changes, hass, 1, latest_id
        )
        (state,) = recorded[latest_id]
        assert state.state == hass.states.get(latest_id).state
        # The latest grade's own details are kept, the list of recent grades is not.
        assert state.attributes["title"] == attributes(hass, latest_id)["title"]
        assert "recent" not in state.attributes
