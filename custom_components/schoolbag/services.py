"""Actions: mark homework done, read timetable, homework and grades, record a capture."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .capture_action import SERVICE_RECORD_CAPTURE, async_record_capture
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

# A student's items dated from start to end, included, as an action returns them.
type ItemsBetween = Callable[[StudentData, date, date], list[dict[str, Any]]]


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

    get_timetable = _dated_action(hass, "lessons", 7, _lessons_between)
    get_homework = _dated_action(hass, "homework", 14, _homework_between)

    async def get_grades(call: ServiceCall) -> ServiceResponse:
        today = dt_util.now().date()
        return _per_student(
            hass,
            call,
            lambda data: grade_book_dict(data.grades, today) if data.grades else {},
        )

    async def record_capture(call: ServiceCall) -> ServiceResponse:
        return await async_record_capture(hass, _loaded_entry(hass, call))

    hass.services.async_register(
        DOMAIN,
        SERVICE_RECORD_CAPTURE,
        record_capture,
        schema=vol.Schema(ENTRY_SCHEMA),
        supports_response=SupportsResponse.OPTIONAL,
    )
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


def _dated_action(
    hass: HomeAssistant, key: str, default_days: int, items_between: ItemsBetween
) -> Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]:
    """An action listing each student's ``key`` items dated within the asked range."""

    async def list_items(call: ServiceCall) -> ServiceResponse:
        start, end = _range(call, default_days)
        return _per_student(hass, call, lambda data: {key: items_between(data, start, end)})

    return list_items


def _lessons_between(data: StudentData, start: date, end: date) -> list[dict[str, Any]]:
    return [lesson_dict(lesson) for lesson in data.lessons if start <= lesson.start.date() <= end]


def _homework_between(data: StudentData, start: date, end: date) -> list[dict[str, Any]]:
    return [homework_dict(work) for work in data.homework if start <= work.due <= end]


def _per_student(
    hass: HomeAssistant, call: ServiceCall, details: Callable[[StudentData], dict[str, Any]]
) -> ServiceResponse:
    """Each asked-for student's name and ``details``, by student id."""
    return {
        student_id: {"name": data.student.full_name, **details(data)}
        for student_id, data in _students(hass, call).items()
    }


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
