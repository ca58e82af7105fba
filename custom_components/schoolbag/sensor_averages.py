"""Average sensors that come and go with the data: one per term, one per teaching unit (UE).

Which terms a school year has and which UEs a BUT semester counts are only
known from the grade book, so these sensors are added when they appear and
removed from the entity registry when they are gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from homeassistant.components.sensor import (
    DOMAIN as SENSOR_DOMAIN,
    SensorEntity,
    SensorStateClass,
)
from homeassistant.core import callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .client.models import Average, AverageKind, GradeBook, Period
from .coordinator import SchoolbagCoordinator
from .data import StudentData
from .entity import SchoolbagEntity

type AveragePicker = Callable[[GradeBook, date], Average | None]

# Unique id parts of the sensors managed here.
_DYNAMIC_MARKERS = ("_period_average_", "_ue_average_")


@dataclass(frozen=True, slots=True)
class AverageSlot:
    """One average sensor of a student: its key, name and how to find its average."""

    key: str
    translation_key: str
    placeholders: dict[str, str]
    pick: AveragePicker


def _overall_of(period_id: str) -> AveragePicker:
    return lambda book, _today: book.overall_average(period_id)


def semester_of(book: GradeBook, today: date) -> Period | None:
    """The current term, else the latest one that has UE averages."""
    current = book.current_period(today)
    if current is not None:
        return current
    with_units = {a.period_id for a in book.averages if a.kind is AverageKind.UE}
    ended = [p for p in book.periods if p.id in with_units and p.start <= today]
    return max(ended, key=lambda period: period.start, default=None)


def _unit_of(code: str) -> AveragePicker:
    def pick(book: GradeBook, today: date) -> Average | None:
        semester = semester_of(book, today)
        if semester is None:
            return None
        return next(
            (
                a
                for a in book.averages
                if a.kind is AverageKind.UE and a.code == code and a.period_id == semester.id
            ),
            None,
        )

    return pick


def average_slots(data: StudentData, today: date) -> list[AverageSlot]:
    """The average sensors a student's grade book calls for today."""
    book = data.grades
    if book is None:
        return []
    slots: list[AverageSlot] = []
    with_overall = {a.period_id for a in book.averages if a.subject is None}
    slots.extend(
        AverageSlot(
            f"period_average_{period.id}",
            "period_average",
            {"period": period.name},
            _overall_of(period.id),
        )
        for period in book.periods
        if period.id in with_overall
    )
    semester = semester_of(book, today)
    if semester is not None:
        slots.extend(
            AverageSlot(
                f"ue_average_{average.code}",
                "ue_average",
                {"unit": _unit_name(average)},
                _unit_of(average.code),
            )
            for average in book.averages
            if average.kind is AverageKind.UE and average.code and average.period_id == semester.id
        )
    return slots


def _unit_name(average: Average) -> str:
    if average.subject and average.code and average.code not in average.subject:
        return f"{average.code} {average.subject}"
    return average.subject or average.code or "?"


class AverageSensor(SchoolbagEntity, SensorEntity):
    """An average picked from the student's grade book (a term's, or a UE's)."""

    _attr_state_class = SensorStateClass.MEASUREMENT
    _attr_suggested_display_precision = 2

    def __init__(
        self, coordinator: SchoolbagCoordinator, data: StudentData, slot: AverageSlot
    ) -> None:
        """Bind the slot to the student's device."""
        super().__init__(coordinator, data.student, slot.key)
        self.slot = slot
        self._attr_translation_key = slot.translation_key
        self._attr_translation_placeholders = slot.placeholders

    def _average(self) -> Average | None:
        data = self.student_data
        if data is None or data.grades is None:
            return None
        return self.slot.pick(data.grades, dt_util.now().date())

    @property
    def native_value(self) -> float | None:
        """The average, None while nothing is graded."""
        average = self._average()
        return average.value if average else None

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """The term or UE, and scale, class figures, rank and credits when the school gives them."""
        average = self._average()
        if average is None:
            return None
        details = {
            "out_of": average.out_of,
            "class_average": average.class_average,
            "class_min": average.class_min,
            "class_max": average.class_max,
            "rank": average.rank,
            "rank_total": average.rank_total,
            "ects": average.ects,
            "ects_total": average.ects_total,
        }
        # The term's or UE's name, for the cards to name the average in the user's language.
        shown = {**self.slot.placeholders, **details}
        return {name: value for name, value in shown.items() if value is not None}


class AverageSensors:
    """Adds and removes a config entry's average sensors as its grade books change."""

    def __init__(
        self, coordinator: SchoolbagCoordinator, add_entities: AddConfigEntryEntitiesCallback
    ) -> None:
        """Start with no sensor; ``async_update`` adds the first ones."""
        self._coordinator = coordinator
        self._add_entities = add_entities
        self._sensors: dict[str, AverageSensor] = {}

    @callback
    def async_update(self) -> None:
        """Match the sensors to the latest data (kept as they are after a failed refresh)."""
        coordinator = self._coordinator
        if not coordinator.last_update_success and self._sensors:
            return
        today = dt_util.now().date()
        prefix = coordinator.config_entry.unique_id
        wanted: dict[str, tuple[StudentData, AverageSlot]] = {}
        for data in coordinator.data.students.values():
            for slot in average_slots(data, today):
                wanted[f"{prefix}_{data.student.id}_{slot.key}"] = (data, slot)
        self._remove_unwanted(set(wanted))
        added = [
            AverageSensor(coordinator, data, slot)
            for unique_id, (data, slot) in wanted.items()
            if unique_id not in self._sensors
        ]
        for sensor in added:
            self._sensors[str(sensor.unique_id)] = sensor
        if added:
            self._add_entities(added)

    @callback
    def _remove_unwanted(self, wanted: set[str]) -> None:
        """Drop the sensors (also those left from an earlier run) whose average is gone."""
        coordinator = self._coordinator
        registry = er.async_get(coordinator.hass)
        for entry in er.async_entries_for_config_entry(registry, coordinator.config_entry.entry_id):
            if (
                entry.domain == SENSOR_DOMAIN
                and any(marker in entry.unique_id for marker in _DYNAMIC_MARKERS)
                and entry.unique_id not in wanted
            ):
                registry.async_remove(entry.entity_id)
        for unique_id in set(self._sensors) - wanted:
            del self._sensors[unique_id]
