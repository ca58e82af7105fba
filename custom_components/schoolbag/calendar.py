"""Calendars: the timetable, homework on its due dates, dated evaluations (ScoDoc)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from homeassistant.components.calendar import CalendarEntity, CalendarEvent
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .client.models import (
    Capability,
    Grade,
    GradeMark,
    Homework,
    HomeworkKind,
    Lesson,
    LessonStatus,
)
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData
from .entity import LastGoodDataEntity, add_student_entities

# Marks of evaluations not graded yet: nothing to show for them.
NO_MARK_YET = frozenset({GradeMark.PENDING, GradeMark.NOT_GRADED})

PARALLEL_UPDATES = 0

# Calendar summaries are plain text, not translatable entity strings: label the
# lesson status in the language Home Assistant is set to.
STATUS_LABELS: dict[str, dict[LessonStatus, str]] = {
    "en": {
        LessonStatus.CANCELLED: "cancelled",
        LessonStatus.CHANGED: "changed",
        LessonStatus.EXAM: "exam",
        LessonStatus.EXEMPTED: "exempted",
    },
    "fr": {
        LessonStatus.CANCELLED: "annulé",
        LessonStatus.CHANGED: "modifié",
        LessonStatus.EXAM: "examen",
        LessonStatus.EXEMPTED: "dispensé",
    },
    "da": {
        LessonStatus.CANCELLED: "aflyst",
        LessonStatus.CHANGED: "ændret",
        LessonStatus.EXAM: "eksamen",
        LessonStatus.EXEMPTED: "fritaget",
    },
}


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


class SchoolbagCalendar(LastGoodDataEntity, CalendarEntity):
    """A calendar built from the last good data, kept through outages."""

    # The events built from one student data, in one language: each state write asks for
    # the current event, and building every lesson's event each time stalled the loop.
    _built: tuple[StudentData, str, list[CalendarEvent]] | None = None

    def _events(self, data: StudentData) -> list[CalendarEvent]:
        raise NotImplementedError

    def _events_of(self, data: StudentData) -> list[CalendarEvent]:
        language = self.hass.config.language
        built = self._built
        if built is None or built[0] is not data or built[1] != language:
            built = self._built = (data, language, self._events(data))
        return built[2]

    @property
    def event(self) -> CalendarEvent | None:
        """The event running now, or the next one."""
        data = self.student_data
        if data is None:
            return None
        now = dt_util.now()
        upcoming = [event for event in self._events_of(data) if _end(event) > now]
        return min(upcoming, key=_start, default=None)

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


class TimetableCalendar(SchoolbagCalendar):
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

    def _events(self, data: StudentData) -> list[CalendarEvent]:
        labels = STATUS_LABELS.get(self.hass.config.language[:2], STATUS_LABELS["en"])
        return [lesson_event(lesson, labels) for lesson in data.lessons]


class HomeworkCalendar(SchoolbagCalendar):
    """Homework as all-day events on the day it is due."""

    _attr_translation_key = "homework"

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Bind to the student."""
        super().__init__(coordinator, data.student, "homework_calendar")

    def _events(self, data: StudentData) -> list[CalendarEvent]:
        return [homework_event(work) for work in data.homework]


class EvaluationsCalendar(SchoolbagCalendar):
    """Dated evaluations, graded or still to come, as all-day events."""

    _attr_translation_key = "evaluations"

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Bind to the student."""
        super().__init__(coordinator, data.student, "evaluations_calendar")

    def _events(self, data: StudentData) -> list[CalendarEvent]:
        return [evaluation_event(grade) for grade in (data.grades.grades if data.grades else ())]


def evaluation_event(grade: Grade) -> CalendarEvent:
    """An all-day event on the evaluation's date, with the grade once given."""
    summary = f"{grade.subject}: {grade.title}" if grade.title else grade.subject
    details = []
    if grade.value is not None:
        details.append(_score(grade.value, grade.out_of))
    elif grade.mark not in NO_MARK_YET and grade.raw:
        # A mark without a number (absent, exempt) still says something.
        details.append(grade.raw)
    if grade.class_average is not None:
        details.append(f"avg {grade.class_average:g}")
    if grade.coefficient != 1:
        details.append(f"coef. {grade.coefficient:g}")
    return CalendarEvent(
        start=grade.date,
        end=grade.date + timedelta(days=1),
        summary=summary,
        description=" · ".join(line for line in details if line) or None,
        uid=f"evaluation-{grade.id}",
    )


def _score(value: float, out_of: float | None) -> str:
    return f"{value:g}/{out_of:g}" if out_of else f"{value:g}"


def lesson_uid(lesson: Lesson) -> str:
    """The event uid of a lesson, which the cards match statuses with."""
    return f"lesson-{lesson.id}"


def lesson_event(lesson: Lesson, labels: dict[LessonStatus, str]) -> CalendarEvent:
    """A timetable event for a lesson."""
    summary = lesson.subject
    if lesson.status in labels:
        summary = f"{summary} ({labels[lesson.status]})"
    details = [
        ", ".join(lesson.teachers),
        lesson.group or "",
        lesson.note or "",
    ]
    start: date | datetime = lesson.start
    end: date | datetime = lesson.end
    if lesson.all_day:
        start = lesson.start.date()
        end = max(lesson.end.date(), start + timedelta(days=1))
    return CalendarEvent(
        start=start,
        end=end,
        summary=summary,
        description="\n".join(line for line in details if line) or None,
        location=", ".join(lesson.rooms) or None,
        uid=lesson_uid(lesson),
    )


def homework_event(work: Homework) -> CalendarEvent:
    """An all-day event on the homework's due date; an assignment ends at its deadline."""
    if work.kind is HomeworkKind.ASSIGNMENT and work.deadline is not None:
        return CalendarEvent(
            start=work.deadline,
            end=work.deadline,
            summary=f"{'✔ ' if work.done else ''}{work.subject}: {work.text}",
            description=work.status or None,
            uid=f"homework-{work.id}",
        )
    return CalendarEvent(
        start=work.due,
        end=work.due + timedelta(days=1),
        summary=f"{'✔ ' if work.done else ''}{work.subject}",
        description=work.text or None,
        uid=f"homework-{work.id}",
    )


def _start(event: CalendarEvent) -> datetime:
    return _as_datetime(event.start)


def _end(event: CalendarEvent) -> datetime:
    return _as_datetime(event.end)


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return dt_util.start_of_local_day(value)
