"""Calendars: the timetable, homework on its due dates, dated evaluations (ScoDoc)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .calendar_events import (
    STATUS_LABELS,
    When,
    evaluation_event,
    homework_event,
    homework_times,
    lesson_event,
    lesson_times,
    lesson_uid,
)
from .client.models import Capability, Grade, Homework, Lesson, LessonStatus
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData
from .entity import LastGoodDataEntity, add_student_entities

PARALLEL_UPDATES = 0


def _student_calendars(
    coordinator: SchoolbagCoordinator, data: StudentData
) -> Iterator[CalendarEntity]:
    """The calendars of one student that the platform has data for."""
    capabilities = coordinator.client.capabilities
    if Capability.TIMETABLE in capabilities:
        yield TimetableCalendar(coordinator, data)
    if Capability.HOMEWORK in capabilities:
        yield HomeworkCalendar(coordinator, data)
    if Capability.EVALUATIONS in capabilities:
        yield EvaluationsCalendar(coordinator, data)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the calendars of every followed student."""
    add_student_entities(entry, async_add_entities, _student_calendars)


class SchoolbagCalendar[Item](LastGoodDataEntity, CalendarEntity):
    """A calendar built from the last good data, kept through outages."""

    # The events built from one student data, in one language: building every item's event
    # at each state write stalled the loop.
    _built: tuple[StudentData, str, list[CalendarEvent]] | None = None
    _timed: tuple[StudentData, list[tuple[datetime, datetime, Item]]] | None = None

    def _items(self, data: StudentData) -> Sequence[Item]:
        raise NotImplementedError

    def _times(self, item: Item) -> tuple[When, When]:
        raise NotImplementedError

    def _build(self, item: Item) -> CalendarEvent:
        raise NotImplementedError

    def _events_of(self, data: StudentData) -> list[CalendarEvent]:
        language = self.hass.config.language
        built = self._built
        if built is None or built[0] is not data or built[1] != language:
            events = [self._build(item) for item in self._items(data)]
            built = self._built = (data, language, events)
        return built[2]

    def _timeline(self, data: StudentData) -> list[tuple[datetime, datetime, Item]]:
        """Each item with its start and end, sorted by start, kept while ``data`` is shown.

        Home Assistant asks for the current event several times at each state write.
        """
        timed = self._timed
        if timed is None or timed[0] is not data:
            items = []
            for item in self._items(data):
                start, end = (_as_datetime(moment) for moment in self._times(item))
                items.append((start, end, item))
            items.sort(key=lambda entry: entry[0])
            timed = self._timed = (data, items)
        return timed[1]

    @property
    def event(self) -> CalendarEvent | None:
        """The event running now, or the next one (only its own event is built)."""
        data = self.student_data
        if data is None:
            return None
        now = dt_util.now()
        # By start: the first that has not ended started first among those not over.
        chosen = next((item for _, end, item in self._timeline(data) if end > now), None)
        return None if chosen is None else self._build(chosen)

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Events overlapping the requested range."""
        data = self.student_data
        if data is None:
            return []
        return [
            event
            for event in self._events_of(data)
            if _end(event) > start_date and _start(event) < end_date
        ]


class TimetableCalendar(SchoolbagCalendar[Lesson]):
    """Lessons, including changed and cancelled ones (marked in the title)."""

    _attr_translation_key = "timetable"
    # For the dashboard cards; the recorder need not keep it.
    _unrecorded_attributes = frozenset({"lesson_status"})

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Bind to the student."""
        super().__init__(coordinator, data.student, "timetable")

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """The status of each lesson that is not as planned, by event uid (for the cards)."""
        data = self.student_data
        lessons = data.lessons if data is not None else ()
        statuses = {
            lesson_uid(lesson): str(lesson.status)
            for lesson in lessons
            if lesson.status is not LessonStatus.NORMAL
        }
        return {**super().extra_state_attributes, "lesson_status": statuses}

    def _items(self, data: StudentData) -> Sequence[Lesson]:
        return data.lessons

    def _times(self, item: Lesson) -> tuple[When, When]:
        return lesson_times(item)

    def _build(self, item: Lesson) -> CalendarEvent:
        labels = STATUS_LABELS.get(self.hass.config.language[:2], STATUS_LABELS["en"])
        return lesson_event(item, labels)


class HomeworkCalendar(SchoolbagCalendar[Homework]):
    """Homework as all-day events on the day it is due."""

    _attr_translation_key = "homework"

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Bind to the student."""
        super().__init__(coordinator, data.student, "homework_calendar")

    def _items(self, data: StudentData) -> Sequence[Homework]:
        return data.homework

    def _times(self, item: Homework) -> tuple[When, When]:
        return homework_times(item)

    def _build(self, item: Homework) -> CalendarEvent:
        return homework_event(item)


class EvaluationsCalendar(SchoolbagCalendar[Grade]):
    """Dated evaluations, graded or still to come, as all-day events."""

    _attr_translation_key = "evaluations"

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Bind to the student."""
        super().__init__(coordinator, data.student, "evaluations_calendar")

    def _items(self, data: StudentData) -> Sequence[Grade]:
        return data.grades.grades if data.grades else ()

    def _times(self, item: Grade) -> tuple[When, When]:
        return item.date, item.date + timedelta(days=1)

    def _build(self, item: Grade) -> CalendarEvent:
        return evaluation_event(item)


def _start(event: CalendarEvent) -> datetime:
    return _as_datetime(event.start)


def _end(event: CalendarEvent) -> datetime:
    return _as_datetime(event.end)


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return dt_util.start_of_local_day(value)
