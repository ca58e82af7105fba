"""School life sensors: absences, delays and absence rates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import SensorStateClass
from homeassistant.const import PERCENTAGE

from .client.models import AbsenceRate, AbsenceRateKind, SchoolLife
from .data import StudentData
from .sensor_description import SchoolbagSensorDescription


def _unjustified(life: SchoolLife) -> int:
    return sum(1 for item in life.absences if not item.justified)


def _school_life_count(
    key: str,
    translation_key: str,
    count: Callable[[SchoolLife], int],
    attributes_fn: Callable[[StudentData, datetime], dict[str, Any]] | None = None,
) -> SchoolbagSensorDescription:
    """A number read from the school life record, on platforms that keep one."""
    return SchoolbagSensorDescription(
        key=key,
        translation_key=translation_key,
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.school_life is not None,
        value_fn=lambda data, now: count(data.school_life) if data.school_life else None,
        attributes_fn=attributes_fn,
    )


def _overall_rate(data: StudentData, kind: AbsenceRateKind) -> AbsenceRate | None:
    if data.school_life is None:
        return None
    return next(
        (r for r in data.school_life.absence_rates if r.kind is kind and r.subject is None), None
    )


def _rate_value(data: StudentData, kind: AbsenceRateKind) -> float | None:
    rate = _overall_rate(data, kind)
    return rate.percent if rate else None


def _rate_attributes(data: StudentData, kind: AbsenceRateKind) -> dict[str, Any]:
    """The whole-year figure and each subject's (team's) rate."""
    overall = _overall_rate(data, kind)
    if overall is None or data.school_life is None:
        return {}
    return {
        "percent_year": overall.percent_year,
        "absent": overall.absent,
        "total": overall.total,
        "subjects": {
            rate.subject: rate.percent
            for rate in data.school_life.absence_rates
            if rate.kind is kind and rate.subject is not None
        },
    }


def _absence_rate(
    key: str, kind: AbsenceRateKind, *, enabled_default: bool
) -> SchoolbagSensorDescription:
    """The share of lessons missed, for the kinds of absence the school counts."""
    return SchoolbagSensorDescription(
        key=key,
        translation_key=key,
        entity_registry_enabled_default=enabled_default,
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        exists_fn=lambda data: _overall_rate(data, kind) is not None,
        value_fn=lambda data, now: _rate_value(data, kind),
        attributes_fn=lambda data, now: _rate_attributes(data, kind),
    )


SCHOOL_LIFE_SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    _school_life_count("absences_unjustified", "unjustified_absences", _unjustified),
    _school_life_count(
        "absences",
        "absences",
        lambda life: len(life.absences),
        attributes_fn=lambda data, now: {
            "unjustified": _unjustified(data.school_life) if data.school_life else 0
        },
    ),
    _school_life_count("delays", "delays", lambda life: len(life.delays)),
    _absence_rate("absence_rate", AbsenceRateKind.PHYSICAL, enabled_default=True),
    # Lectio counts missed written work apart from missed lessons.
    _absence_rate("written_absence_rate", AbsenceRateKind.WRITTEN, enabled_default=False),
)
