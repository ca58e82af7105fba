"""Timetable sensors: the next lesson and tomorrow's first lesson."""

from __future__ import annotations

from datetime import datetime

from homeassistant.components.sensor import SensorDeviceClass

from .client.models import Capability, Lesson
from .data import StudentData
from .sensor_description import SchoolbagSensorDescription, next_midnight, tomorrow
from .summaries import lesson_attributes


def _next_lesson_change(data: StudentData, now: datetime) -> datetime | None:
    lesson = data.next_lesson(now)
    return lesson.end if lesson else None


def _first_lesson_tomorrow(data: StudentData, now: datetime) -> Lesson | None:
    lessons = data.lessons_on(tomorrow(now))
    return lessons[0] if lessons else None


TIMETABLE_SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    SchoolbagSensorDescription(
        key="next_lesson",
        translation_key="next_lesson",
        capability=Capability.TIMETABLE,
        value_fn=lambda data, now: (lesson.subject if (lesson := data.next_lesson(now)) else None),
        attributes_fn=lambda data, now: lesson_attributes(data.next_lesson(now)),
        next_change_fn=_next_lesson_change,
    ),
    SchoolbagSensorDescription(
        key="first_lesson_tomorrow",
        translation_key="first_lesson_tomorrow",
        capability=Capability.TIMETABLE,
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda data, now: (
            lesson.start if (lesson := _first_lesson_tomorrow(data, now)) else None
        ),
        attributes_fn=lambda data, now: lesson_attributes(_first_lesson_tomorrow(data, now)),
        next_change_fn=next_midnight,
    ),
)
