"""Absence rate sensors of a student whose school counts no rate of that kind."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.models import (
    AbsenceRate,
    AbsenceRateKind,
    SchoolLife,
    Student,
)
from custom_components.schoolbag.data import StudentData
from custom_components.schoolbag.sensor_description import SchoolbagSensorDescription
from custom_components.schoolbag.sensor_school_life import SCHOOL_LIFE_SENSORS

NOW = datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))
STUDENT = Student("1", "Ida", "HANSEN")
ONLY_LESSONS = SchoolLife(
    absence_rates=(AbsenceRate(None, AbsenceRateKind.PHYSICAL, 4.5, 3.0, 6, 133),)
)


def _sensor(key: str) -> SchoolbagSensorDescription:
    return next(description for description in SCHOOL_LIFE_SENSORS if description.key == key)


@pytest.mark.parametrize("school_life", [None, ONLY_LESSONS])
def test_a_rate_the_school_does_not_count_has_no_sensor_nor_value(
    school_life: SchoolLife | None,
) -> None:
    data = StudentData(student=STUDENT, school_life=school_life)
    written = _sensor("written_absence_rate")

    assert not written.exists_fn(data)
    assert written.value_fn(data, NOW) is None
    assert written.attributes_fn is not None
    assert written.attributes_fn(data, NOW) == {}


def test_the_counted_rate_comes_with_the_year_figures() -> None:
    data = StudentData(student=STUDENT, school_life=ONLY_LESSONS)
    rate = _sensor("absence_rate")

    assert rate.exists_fn(data)
    assert rate.value_fn(data, NOW) == 4.5
    assert rate.attributes_fn is not None
    assert rate.attributes_fn(data, NOW) == {
        "percent_year": 3.0,
        "absent": 6,
        "total": 133,
        "subjects": {},
    }
