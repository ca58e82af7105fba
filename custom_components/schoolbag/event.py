"""Event entity: fires when a new grade, homework or absence appears."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Self

from homeassistant.components.event import EventEntity, EventExtraStoredData
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData
from .entity import SchoolbagEntity, add_student_entities
from .summaries import grade_dict, homework_dict

PARALLEL_UPDATES = 0

EVENT_NEW_GRADE = "new_grade"
EVENT_NEW_HOMEWORK = "new_homework"
EVENT_NEW_ABSENCE = "new_absence"


def _student_news(coordinator: SchoolbagCoordinator, data: StudentData) -> list[EventEntity]:
    return [SchoolNewsEvent(coordinator, data)]


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the event entities of every followed student."""
    add_student_entities(entry, async_add_entities, _student_news)


@dataclass(slots=True)
class SeenItems:
    """Ids already announced, kept across restarts so nothing fires twice."""

    grades: set[str]
    homework: set[str]
    absences: set[str]

    def as_dict(self) -> dict[str, Any]:
        """Serialise for the restore-state store."""
        return {
            "grades": sorted(self.grades),
            "homework": sorted(self.homework),
            "absences": sorted(self.absences),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Read back what as_dict stored."""
        return cls(
            grades=set(data.get("grades", [])),
            homework=set(data.get("homework", [])),
            absences=set(data.get("absences", [])),
        )

    @classmethod
    def of(cls, data: StudentData) -> Self:
        """Everything currently known for a student."""
        return cls(
            grades=_grade_ids(data),
            homework={work.id for work in data.homework},
            absences=_absence_ids(data),
        )


def _grade_ids(data: StudentData) -> set[str]:
    # An evaluation still to come is announced once graded.
    return {grade.id for grade in data.given_grades()}


def _absence_ids(data: StudentData) -> set[str]:
    return {absence.id for absence in data.school_life.absences} if data.school_life else set()


@dataclass
class NewsStoredData(EventExtraStoredData):
    """The last event (as EventEntity stores it) plus the ids already announced."""

    seen: SeenItems

    def as_dict(self) -> dict[str, Any]:
        """Serialise for the restore-state store."""
        return {
            "last_event_type": self.last_event_type,
            "last_event_attributes": self.last_event_attributes,
            "seen": self.seen.as_dict(),
        }


class SchoolNewsEvent(SchoolbagEntity, EventEntity):
    """New grades, homework and absences of one student."""

    _attr_translation_key = "school_news"
    _attr_event_types = [EVENT_NEW_GRADE, EVENT_NEW_HOMEWORK, EVENT_NEW_ABSENCE]

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Start with what is known now: only later arrivals fire."""
        super().__init__(coordinator, data.student, "school_news")
        self._seen = SeenItems.of(data)

    async def async_added_to_hass(self) -> None:
        """Merge ids seen before a restart, then announce what arrived meanwhile."""
        await super().async_added_to_hass()
        stored = await self.async_get_last_extra_data()
        if stored is not None and isinstance(seen := stored.as_dict().get("seen"), dict):
            self._seen = SeenItems.from_dict(seen)
            self._forget_grades_without_value()
            if self._announce_new():
                self.async_write_ha_state()

    @callback
    def _forget_grades_without_value(self) -> None:
        """Evaluations not graded yet are announced once graded.

        Older versions stored them as seen already; they would never fire.
        """
        data = self.student_data
        if data is not None and data.grades is not None:
            self._seen.grades -= {grade.id for grade in data.grades.grades if grade.value is None}

    @property
    def extra_restore_state_data(self) -> NewsStoredData:
        """What is stored for the next start."""
        last = super().extra_restore_state_data
        return NewsStoredData(last.last_event_type, last.last_event_attributes, self._seen)

    @callback
    def _handle_coordinator_update(self) -> None:
        self._announce_new()
        super()._handle_coordinator_update()

    @callback
    def _announce_new(self) -> bool:
        """Fire an event per item not seen before; return whether any fired."""
        data = self.student_data
        if data is None:
            return False
        fired = False
        fired |= self._fire_each(
            EVENT_NEW_GRADE,
            self._seen.grades,
            ((grade.id, grade_dict(grade)) for grade in data.given_grades()),
        )
        fired |= self._fire_each(
            EVENT_NEW_HOMEWORK,
            self._seen.homework,
            ((work.id, homework_dict(work)) for work in data.homework),
        )
        if data.school_life is not None:
            fired |= self._fire_each(
                EVENT_NEW_ABSENCE,
                self._seen.absences,
                (
                    (
                        absence.id,
                        {
                            "id": absence.id,
                            "date": absence.date.isoformat(),
                            "label": absence.label,
                            "justified": absence.justified,
                            "reason": absence.reason,
                        },
                    )
                    for absence in data.school_life.absences
                ),
            )
        return fired

    def _fire_each(
        self, event_type: str, seen: set[str], items: Iterable[tuple[str, dict[str, Any]]]
    ) -> bool:
        fired = False
        for item_id, attributes in items:
            if item_id in seen:
                continue
            seen.add(item_id)
            self._trigger_event(event_type, {"student": self.student_id, **attributes})
            fired = True
        return fired
