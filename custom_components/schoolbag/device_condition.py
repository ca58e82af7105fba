"""Device conditions about a student's day: lessons today or tomorrow, homework due.

Computed from the account's latest data (the last good data through an outage), at
the time the condition is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_CONDITION, CONF_DEVICE_ID, CONF_DOMAIN, CONF_TYPE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import (
    condition,
    config_validation as cv,
    device_registry as dr,
    selector,
)
from homeassistant.helpers.typing import ConfigType, TemplateVarsType
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .client.models import Capability
from .const import DOMAIN
from .coordinator import SchoolbagConfigEntry
from .data import StudentData
from .sensor_description import tomorrow

CONF_TIME = "time"

HAS_LESSONS_TODAY = "has_lessons_today"
HAS_LESSONS_TOMORROW = "has_lessons_tomorrow"
FIRST_LESSON_TOMORROW_AFTER = "first_lesson_tomorrow_after"
HOMEWORK_DUE_TOMORROW = "homework_due_tomorrow"

# Each condition type and the capability the platform must offer for it.
CONDITION_CAPABILITIES: dict[str, Capability] = {
    HAS_LESSONS_TODAY: Capability.TIMETABLE,
    HAS_LESSONS_TOMORROW: Capability.TIMETABLE,
    FIRST_LESSON_TOMORROW_AFTER: Capability.TIMETABLE,
    HOMEWORK_DUE_TOMORROW: Capability.HOMEWORK,
}

CONDITION_SCHEMA = vol.Any(
    cv.DEVICE_CONDITION_BASE_SCHEMA.extend(
        {
            vol.Required(CONF_TYPE): vol.In(
                [HAS_LESSONS_TODAY, HAS_LESSONS_TOMORROW, HOMEWORK_DUE_TOMORROW]
            )
        }
    ),
    cv.DEVICE_CONDITION_BASE_SCHEMA.extend(
        {
            vol.Required(CONF_TYPE): FIRST_LESSON_TOMORROW_AFTER,
            vol.Required(CONF_TIME): cv.time,
        }
    ),
)


def _first_lesson_at_or_after(at: time) -> Callable[[StudentData, datetime], bool]:
    """Tomorrow has lessons and the first one attended starts at ``at`` or later."""

    def check(data: StudentData, now: datetime) -> bool:
        lessons = data.lessons_on(tomorrow(now))
        return bool(lessons) and dt_util.as_local(lessons[0].start).time() >= at

    return check


def _test(config: ConfigType) -> Callable[[StudentData, datetime], bool]:
    """What the condition of ``config`` checks in a student's data at a time."""
    match config[CONF_TYPE]:
        case "has_lessons_today":
            return lambda data, now: bool(data.lessons_on(now.date()))
        case "has_lessons_tomorrow":
            return lambda data, now: bool(data.lessons_on(tomorrow(now)))
        case "first_lesson_tomorrow_after":
            return _first_lesson_at_or_after(config[CONF_TIME])
    return lambda data, now: any(
        work.due == tomorrow(now) and not work.done for work in data.homework
    )


def _student_of(hass: HomeAssistant, device_id: str) -> tuple[SchoolbagConfigEntry, str] | None:
    """The loaded entry following the device's student, and the student's id."""
    device = dr.async_get(hass).async_get(device_id)
    if device is None:
        return None
    for entry_id in device.config_entries:
        entry: SchoolbagConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
            continue
        prefix = f"{entry.unique_id}_"
        for domain, identifier in device.identifiers:
            if domain == DOMAIN and identifier.startswith(prefix):
                return entry, identifier.removeprefix(prefix)
    return None


@callback
def async_condition_from_config(
    hass: HomeAssistant, config: ConfigType
) -> condition.ConditionCheckerType:
    """Check the student's latest data when the condition is evaluated."""
    test = _test(config)
    device_id: str = config[CONF_DEVICE_ID]

    @callback
    def check(hass: HomeAssistant, variables: TemplateVarsType = None) -> bool:
        # Looked up each time: a reload gives the entry a new coordinator.
        if (found := _student_of(hass, device_id)) is None:
            return False
        entry, student_id = found
        data = entry.runtime_data.data.students.get(student_id)
        return data is not None and test(data, dt_util.now())

    return check


async def async_get_conditions(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """The conditions the student's platform can answer."""
    if (found := _student_of(hass, device_id)) is None:
        return []
    offered = found[0].runtime_data.client.capabilities
    return [
        {
            CONF_CONDITION: "device",
            CONF_DEVICE_ID: device_id,
            CONF_DOMAIN: DOMAIN,
            CONF_TYPE: condition_type,
        }
        for condition_type, needs in CONDITION_CAPABILITIES.items()
        if needs in offered
    ]


async def async_get_condition_capabilities(
    hass: HomeAssistant, config: ConfigType
) -> dict[str, vol.Schema]:
    """The time asked by "first lesson tomorrow at or after"."""
    if config[CONF_TYPE] != FIRST_LESSON_TOMORROW_AFTER:
        return {}
    return {"extra_fields": vol.Schema({vol.Required(CONF_TIME): selector.TimeSelector()})}
