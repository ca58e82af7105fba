"""The schoolbag actions."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest

from custom_components.schoolbag.const import DOMAIN
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, PARENT, add_account


async def test_mark_homework_done_and_undo(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, PARENT)
    child = entry.runtime_data.data.students["3457"]
    work = next(w for w in child.homework if not w.done)

    await hass.services.async_call(
        DOMAIN,
        "mark_homework_done",
        {"config_entry": entry.entry_id, "homework_id": work.id},
        blocking=True,
    )
    assert ed_simulator.homework_done(3457, int(work.id)) is True

    await hass.services.async_call(
        DOMAIN,
        "mark_homework_done",
        {"config_entry": entry.entry_id, "homework_id": work.id, "done": False},
        blocking=True,
    )
    assert ed_simulator.homework_done(3457, int(work.id)) is False


async def test_mark_unknown_homework(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "mark_homework_done",
            {"config_entry": entry.entry_id, "homework_id": "999999999"},
            blocking=True,
        )
    assert raised.value.translation_key == "homework_not_found"


async def test_actions_refuse_unknown_or_unloaded_entries(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "get_grades",
            {"config_entry": "nope"},
            blocking=True,
            return_response=True,
        )
    assert raised.value.translation_key == "entry_not_found"

    assert await hass.config_entries.async_unload(entry.entry_id)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "get_grades",
            {"config_entry": entry.entry_id},
            blocking=True,
            return_response=True,
        )
    assert raised.value.translation_key == "entry_not_loaded"


async def test_get_timetable_and_homework_for_one_child(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    entry = await add_account(hass, ed_url, ed_simulator, PARENT)
    today = dt_util.now().date()
    end = today + timedelta(days=6)

    timetable = await hass.services.async_call(
        DOMAIN,
        "get_timetable",
        {"config_entry": entry.entry_id, "student": "Emma", "end": end.isoformat()},
        blocking=True,
        return_response=True,
    )
    assert list(timetable) == ["3456"]
    expected = [
        lesson
        for lesson in ed_simulator.student(3456).lessons
        if today <= lesson.start.date() <= end
    ]
    assert len(timetable["3456"]["lessons"]) == len(expected)  # type: ignore[arg-type,index]

    homework = await hass.services.async_call(
        DOMAIN,
        "get_homework",
        {"config_entry": entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert set(homework) == {"3456", "3457"}
    first = homework["3457"]["homework"][0]  # type: ignore[index]
    assert set(first) >= {"id", "subject", "due", "text", "done"}


async def test_get_grades(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    response = await hass.services.async_call(
        DOMAIN,
        "get_grades",
        {"config_entry": entry.entry_id, "student": "2400"},
        blocking=True,
        return_response=True,
    )
    book = response["2400"]
    assert book["name"] == "Inès BERNARD"  # type: ignore[index]
    assert len(book["grades"]) == len(ed_simulator.student(2400).grades)  # type: ignore[index,arg-type]
    assert any(period["yearly"] for period in book["periods"])  # type: ignore[index,union-attr]
    marks = {grade["mark"] for grade in book["grades"]}  # type: ignore[index,union-attr]
    assert {"absent", "exempt", "not_graded"} <= marks


async def test_bad_student_and_range(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "get_homework",
            {"config_entry": entry.entry_id, "student": "Nobody"},
            blocking=True,
            return_response=True,
        )
    assert raised.value.translation_key == "student_not_found"
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "get_homework",
            {"config_entry": entry.entry_id, "start": "2026-12-10", "end": "2026-12-01"},
            blocking=True,
            return_response=True,
        )
    assert raised.value.translation_key == "invalid_range"
