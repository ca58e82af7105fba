"""Homework sensors: how much is due tomorrow, and how much is still to do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from homeassistant.components.sensor import SensorStateClass

from .client.models import Capability, Homework
from .data import StudentData
from .sensor_description import SchoolbagSensorDescription, next_midnight, tomorrow
from .summaries import homework_attributes


def _due_tomorrow(data: StudentData, now: datetime) -> list[Homework]:
    day = tomorrow(now)
    return [work for work in data.homework if work.due == day and not work.done]


def _pending(data: StudentData, now: datetime) -> list[Homework]:
    return data.pending_homework(now.date())


def _homework_count(
    key: str, pick: Callable[[StudentData, datetime], list[Homework]]
) -> SchoolbagSensorDescription:
    """A count of the homework ``pick`` selects, listed in the attributes."""
    return SchoolbagSensorDescription(
        key=key,
        translation_key=key,
        capability=Capability.HOMEWORK,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda data, now: len(pick(data, now)),
        attributes_fn=lambda data, now: homework_attributes(pick(data, now)),
        next_change_fn=next_midnight,
    )


HOMEWORK_SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    _homework_count("homework_due_tomorrow", _due_tomorrow),
    _homework_count("pending_homework", _pending),
)
