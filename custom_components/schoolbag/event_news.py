"""What each school-news event announces: the items of a refresh, by event type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import partial
import hashlib
import json
from typing import Any, Protocol

from .client.models import (
    Absence,
    Capability,
    Delay,
    GradeMark,
    Lesson,
    LessonStatus,
    MessageSummary,
)
from .data import StudentData
from .summaries import grade_dict, homework_dict, lesson_dict

EVENT_NEW_GRADE = "new_grade"
EVENT_NEW_HOMEWORK = "new_homework"
EVENT_NEW_ABSENCE = "new_absence"
EVENT_NEW_LATE_ARRIVAL = "new_late_arrival"
EVENT_LESSON_CANCELLED = "lesson_cancelled"
EVENT_LESSON_CHANGED = "lesson_changed"
EVENT_TIMETABLE_CHANGED = "timetable_changed"
EVENT_NEW_MESSAGE = "new_message"
EVENT_UPCOMING_TEST = "upcoming_test"

# Each event type, in this order, and the capabilities any of which makes it possible.
EVENT_CAPABILITIES: dict[str, frozenset[Capability]] = {
    EVENT_NEW_GRADE: frozenset({Capability.GRADES}),
    EVENT_NEW_HOMEWORK: frozenset({Capability.HOMEWORK}),
    EVENT_NEW_ABSENCE: frozenset({Capability.SCHOOL_LIFE}),
    EVENT_NEW_LATE_ARRIVAL: frozenset({Capability.SCHOOL_LIFE}),
    EVENT_LESSON_CANCELLED: frozenset({Capability.TIMETABLE}),
    EVENT_LESSON_CHANGED: frozenset({Capability.TIMETABLE}),
    EVENT_TIMETABLE_CHANGED: frozenset({Capability.TIMETABLE}),
    EVENT_NEW_MESSAGE: frozenset({Capability.MESSAGES}),
    EVENT_UPCOMING_TEST: frozenset(
        {Capability.TIMETABLE, Capability.HOMEWORK, Capability.EVALUATIONS}
    ),
}
# "Timetable changed" compares the days from today to this many days ahead, which every
# refresh reads (the timetable window is at least a week ahead).
WATCHED_DAYS = 7
LESSON_STATUS_EVENTS = {
    EVENT_LESSON_CANCELLED: LessonStatus.CANCELLED,
    EVENT_LESSON_CHANGED: LessonStatus.CHANGED,
}

# Each item's id, and how to build its event data: only items not seen before need it.
type Attributes = Callable[[], dict[str, Any]]
type News = Iterable[tuple[str, Attributes]]


class _Identified(Protocol):
    @property
    def id(self) -> str:
        """The id an event announces once."""
        ...


def _each[Item: _Identified](
    attributes: Callable[[Item], dict[str, Any]], items: Iterable[Item]
) -> News:
    for item in items:
        yield item.id, partial(attributes, item)


def _school_life(data: StudentData, delays: bool) -> News:
    life = data.school_life
    items: Iterable[Absence | Delay] = (life.delays if delays else life.absences) if life else ()
    return _each(_absence_attributes, items)


def _absence_attributes(item: Absence | Delay) -> dict[str, Any]:
    return {
        "id": item.id,
        "date": item.date.isoformat(),
        "label": item.label,
        "justified": item.justified,
        "reason": item.reason,
    }


def _lessons_now(data: StudentData, now: datetime, status: LessonStatus) -> News:
    """Lessons not over yet that have ``status``."""
    lessons = (item for item in data.lessons if item.status is status and item.end > now)
    return _each(_lesson_attributes, lessons)


def _lesson_attributes(lesson: Lesson) -> dict[str, Any]:
    return {"id": lesson.id, **lesson_dict(lesson)}


def _message_attributes(message: MessageSummary) -> dict[str, Any]:
    return {
        "id": message.id,
        "subject": message.subject,
        "sender": message.sender,
        "sent": message.sent.isoformat(),
    }


def _of_kind(kind: str, attributes: Attributes) -> dict[str, Any]:
    return {"kind": kind, **attributes()}


def _upcoming_tests(data: StudentData, now: datetime) -> News:
    """Exam lessons, ScoDoc evaluations not graded yet, homework that is a test."""
    for lesson_id, lesson in _lessons_now(data, now, LessonStatus.EXAM):
        yield f"lesson-{lesson_id}", partial(_of_kind, "lesson", lesson)
    for grade in data.grades.grades if data.grades else ():
        if grade.mark is GradeMark.PENDING and grade.date >= now.date():
            attributes = partial(grade_dict, grade)
            yield f"evaluation-{grade.id}", partial(_of_kind, "evaluation", attributes)
    for work in data.homework:
        if work.is_test and work.due >= now.date():
            attributes = partial(homework_dict, work)
            yield f"homework-{work.id}", partial(_of_kind, "homework", attributes)


NEWS_SOURCES: dict[str, Callable[[StudentData, datetime], News]] = {
    # An evaluation still to come is announced once graded.
    EVENT_NEW_GRADE: lambda data, now: _each(grade_dict, data.given_grades()),
    EVENT_NEW_HOMEWORK: lambda data, now: _each(homework_dict, data.homework),
    EVENT_NEW_ABSENCE: lambda data, now: _school_life(data, delays=False),
    EVENT_NEW_LATE_ARRIVAL: lambda data, now: _school_life(data, delays=True),
    EVENT_LESSON_CANCELLED: lambda data, now: _lessons_now(data, now, LessonStatus.CANCELLED),
    EVENT_LESSON_CHANGED: lambda data, now: _lessons_now(data, now, LessonStatus.CHANGED),
    EVENT_NEW_MESSAGE: lambda data, now: _each(
        _message_attributes, data.mailbox.messages if data.mailbox else ()
    ),
    EVENT_UPCOMING_TEST: _upcoming_tests,
}


def _digest(lessons: list[Lesson]) -> str:
    rows = sorted(
        json.dumps([lesson.id, lesson.start.isoformat(), lesson.end.isoformat(), lesson.subject])
        + json.dumps([lesson.status, lesson.all_day, sorted(lesson.rooms), sorted(lesson.teachers)])
        for lesson in lessons
    )
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def timetable_days(data: StudentData, today: date) -> dict[str, str]:
    """A digest of each watched day's lessons, by ISO date (days without lessons left out)."""
    days: dict[str, list[Lesson]] = {}
    until = today + timedelta(days=WATCHED_DAYS - 1)
    for lesson in data.lessons:
        if today <= (day := lesson.start.date()) <= until:
            days.setdefault(day.isoformat(), []).append(lesson)
    return {day: _digest(lessons) for day, lessons in days.items()}
