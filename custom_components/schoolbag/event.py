"""Event entity: fires when something new about a student appears, never twice.

Ids announced are kept across restarts: nothing fires on the first refresh or a restart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Self

from homeassistant.components.event import EventEntity, EventExtraStoredData
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData
from .entity import SchoolbagEntity, add_student_entities
from .event_news import (
    EVENT_CAPABILITIES,
    EVENT_NEW_ABSENCE,
    EVENT_NEW_GRADE,
    EVENT_NEW_HOMEWORK,
    EVENT_TIMETABLE_CHANGED,
    LESSON_STATUS_EVENTS,
    NEWS_SOURCES,
    WATCHED_DAYS,
    News,
    timetable_days,
)

PARALLEL_UPDATES = 0

# The store keys of the first versions, which had only these three.
_STORED_AS = {
    EVENT_NEW_GRADE: "grades",
    EVENT_NEW_HOMEWORK: "homework",
    EVENT_NEW_ABSENCE: "absences",
}


@dataclass(slots=True)
class SeenItems:
    """Ids already announced per event type, and the timetable last seen."""

    ids: dict[str, set[str]]
    days: dict[str, str]
    day: str

    def as_dict(self) -> dict[str, Any]:
        """Serialise for the restore-state store."""
        return {_STORED_AS.get(kind, kind): sorted(ids) for kind, ids in self.ids.items()} | {
            "timetable": {"day": self.day, "days": self.days}
        }

    def restored(self, stored: dict[str, Any]) -> Self:
        """What ``stored`` kept; kinds it lacks (stored by an older version) start from self."""
        ids = {
            kind: set(kept)
            if isinstance(kept := stored.get(_STORED_AS.get(kind, kind)), list)
            else now
            for kind, now in self.ids.items()
        }
        timetable = stored.get("timetable")
        if not isinstance(timetable, dict) or not isinstance(timetable.get("days"), dict):
            return type(self)(ids, self.days, self.day)
        return type(self)(ids, dict(timetable["days"]), str(timetable.get("day", self.day)))

    @classmethod
    def of(cls, data: StudentData, event_types: Iterable[str], now: datetime) -> Self:
        """Everything currently known for a student."""
        ids = {
            kind: {item_id for item_id, _ in NEWS_SOURCES[kind](data, now)}
            for kind in event_types
            if kind in NEWS_SOURCES
        }
        return cls(ids, timetable_days(data, now.date()), now.date().isoformat())


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


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the event entities of every followed student."""
    add_student_entities(entry, async_add_entities, lambda co, data: [SchoolNewsEvent(co, data)])


class SchoolNewsEvent(SchoolbagEntity, EventEntity):
    """New grades, homework, absences, lesson changes, messages and tests of one student."""

    _attr_translation_key = "school_news"

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Start with what is known now: only later arrivals fire."""
        super().__init__(coordinator, data.student, "school_news")
        offered = coordinator.client.capabilities
        self._attr_event_types = [
            kind for kind, needs in EVENT_CAPABILITIES.items() if needs & set(offered)
        ]
        self._seen = SeenItems.of(data, self._attr_event_types, dt_util.now())

    async def async_added_to_hass(self) -> None:
        """Merge ids seen before a restart, then announce what arrived meanwhile."""
        await super().async_added_to_hass()
        stored = await self.async_get_last_extra_data()
        if stored is not None and isinstance(seen := stored.as_dict().get("seen"), dict):
            self._seen = self._seen.restored(seen)
            self._forget_grades_without_value()
            # States written before the entity is added are dropped: announce right after.
            self.hass.async_create_task(self._async_announce(), eager_start=False)

    async def _async_announce(self) -> None:
        self._announce_new()

    @callback
    def _forget_grades_without_value(self) -> None:
        """Ungraded evaluations older versions stored as seen fire once graded."""
        data = self.student_data
        grades = self._seen.ids.get(EVENT_NEW_GRADE)
        if data is not None and data.grades is not None and grades is not None:
            grades -= {grade.id for grade in data.grades.grades if grade.value is None}

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
    def _announce_new(self) -> None:
        """Fire an event per item not seen before (the state is written after each)."""
        if (data := self.student_data) is None:
            return
        now = dt_util.now()
        for kind, seen in self._seen.ids.items():
            self._fire_each(kind, seen, NEWS_SOURCES[kind](data, now))
            if (status := LESSON_STATUS_EVENTS.get(kind)) is not None:
                # A lesson back to normal fires again if it is cancelled (changed) again.
                seen.difference_update(x.id for x in data.lessons if x.status is not status)
        if EVENT_TIMETABLE_CHANGED in self.event_types:
            self._announce_timetable_change(data, now.date())

    @callback
    def _announce_timetable_change(self, data: StudentData, today: date) -> None:
        """Fire once for the watched days whose lessons differ from what was seen.

        Only days both readings watched are compared: a day coming into view is no change.
        """
        days = timetable_days(data, today)
        last_watched = date.fromisoformat(self._seen.day) + timedelta(days=WATCHED_DAYS - 1)
        changed = sorted(
            day
            for day in set(days) | set(self._seen.days)
            if today <= date.fromisoformat(day) <= last_watched
            and days.get(day) != self._seen.days.get(day)
        )
        self._seen.days, self._seen.day = days, today.isoformat()
        if changed:
            self._trigger_event(
                EVENT_TIMETABLE_CHANGED, {"student": self.student_id, "dates": changed}
            )
            self.async_write_ha_state()

    def _fire_each(self, event_type: str, seen: set[str], items: News) -> None:
        offered: set[str] = set()
        for item_id, attributes in items:
            offered.add(item_id)
            if item_id not in seen:
                seen.add(item_id)
                self._trigger_event(event_type, {"student": self.student_id, **attributes()})
                self.async_write_ha_state()
        seen.intersection_update(offered)  # what left the data is never new again: forgotten
