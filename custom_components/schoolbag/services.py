"""Actions: mark homework done, and read timetable, homework and grades."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import (
    ATTR_CONFIG_ENTRY,
    ATTR_DONE,
    ATTR_END,
    ATTR_HOMEWORK_ID,
    ATTR_START,
    ATTR_STUDENT,
    DOMAIN,
    SERVICE_GET_GRADES,
    SERVICE_GET_HOMEWORK,
    SERVICE_GET_TIMETABLE,
    SERVICE_MARK_HOMEWORK_DONE,
)
from .coordinator import SchoolbagConfigEntry
from .data import StudentData
from .summaries import grade_book_dict, homework_dict, lesson_dict

ENTRY_SCHEMA: dict[vol.Marker, Any] = {vol.Required(ATTR_CONFIG_ENTRY): cv.string}
STUDENT_FIELD: dict[vol.Marker, Any] = {vol.Optional(ATTR_STUDENT): cv.string}

MARK_DONE_SCHEMA = vol.Schema(
    {
        **ENTRY_SCHEMA,
        vol.Required(ATTR_HOMEWORK_ID): cv.string,
        vol.Optional(ATTR_DONE, default=True): cv.boolean,
    }
)
RANGE_SCHEMA = vol.Schema(
    {
        **ENTRY_SCHEMA,
        **STUDENT_FIELD,
        vol.Optional(ATTR_START): cv.date,
        vol.Optional(ATTR_END): cv.date,
    }
)
GRADES_SCHEMA = vol.Schema({**ENTRY_SCHEMA, **STUDENT_FIELD})


def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions (once, for every account)."""

    async def mark_homework_done(call: ServiceCall) -> None:
        entry = _loaded_entry(hass, call)
        homework_id = call.data[ATTR_HOMEWORK_ID]
        for data in entry.runtime_data.data.students.values():
            if any(work.id == homework_id for work in data.homework):
                await entry.runtime_data.async_set_homework_done(
                    data.student.id, homework_id, call.data[ATTR_DONE]
                )
                return
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="homework_not_found",
            translation_placeholders={"homework_id": homework_id},
        )

    async def get_timetable(call: ServiceCall) -> ServiceResponse:
        start, end = _range(call, default_days=7)
        return {
            student_id: {
                "name": data.student.full_name,
                "lessons": [
                    lesson_dict(lesson)
                    for lesson in data.lessons
                    if start <= lesson.start.date() <= end
                ],
            }
            for student_id, data in _students(hass, call).items()
        }

    async def get_homework(call: ServiceCall) -> ServiceResponse:
        start, end = _range(call, default_days=14)
        return {
            student_id: {
                "name": data.student.full_name,
                "homework": [
                    homework_dict(work) for work in data.homework if start <= work.due <= end
                ],
            }
            for student_id, data in _students(hass, call).items()
        }

    async def get_grades(call: ServiceCall) -> ServiceResponse:
        today = dt_util.now().date()
        return {
            student_id: {
                "name": data.student.full_name,
                **(grade_book_dict(data.grades, today) if data.grades else {}),
            }
            for student_id, data in _students(hass, call).items()
        }

    hass.services.async_register(
        DOMAIN,
        SERVICE_MARK_HOMEWORK_DONE,
        mark_homework_done,
        schema=MARK_DONE_SCHEMA,
        supports_response=SupportsResponse.NONE,
    )
    for name, handler, schema in (
        (SERVICE_GET_TIMETABLE, get_timetable, RANGE_SCHEMA),
        (SERVICE_GET_HOMEWORK, get_homework, RANGE_SCHEMA),
        (SERVICE_GET_GRADES, get_grades, GRADES_SCHEMA),
    ):
        hass.services.async_register(
            DOMAIN, name, handler, schema=schema, supports_response=SupportsResponse.ONLY
        )


def _loaded_entry(hass: HomeAssistant, call: ServiceCall) -> SchoolbagConfigEntry:
    entry_id = call.data[ATTR_CONFIG_ENTRY]
    entry: SchoolbagConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": entry_id},
        )
    if entry.state is not ConfigEntryState.LOADED:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_loaded",
            translation_placeholders={"entry": entry.title},
        )
    return entry


def _students(hass: HomeAssistant, call: ServiceCall) -> dict[str, StudentData]:
    entry = _loaded_entry(hass, call)
    students = entry.runtime_data.data.students
    wanted = call.data.get(ATTR_STUDENT)
    if wanted is None:
        return dict(students)
    matching = {
        student_id: data
        for student_id, data in students.items()
        if wanted in (student_id, data.student.full_name, data.student.first_name)
    }
    if not matching:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="student_not_found",
            translation_placeholders={"student": wanted},
        )
    return matching


def _range(call: ServiceCall, default_days: int) -> tuple[date, date]:
    start: date = call.data.get(ATTR_START) or dt_util.now().date()
    end: date = call.data.get(ATTR_END) or start + timedelta(days=default_days)
    if end < start:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="invalid_range")
    return start, end
