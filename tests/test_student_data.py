"""Which lessons count for "next lesson" and "first lesson tomorrow"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from custom_components.schoolbag.client.models import Lesson, LessonStatus, Student
from custom_components.schoolbag.data import StudentData

PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 11, 25)
# The Friday and the Monday around DAY's weekend.
FRIDAY, MONDAY = date(2026, 11, 27), date(2026, 11, 30)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def _lesson(hour: int, status: LessonStatus, day: date = DAY) -> Lesson:
    start = _at(day, hour)
    return Lesson(str(hour), start, start + timedelta(hours=1), f"S{hour}", status=status)


def _whole_day_note(day: date) -> Lesson:
    """A Lectio "Hele dagen" note: midnight to midnight, marked all day."""
    return Lesson(
        "sports-day", _at(day, 0), _at(day + timedelta(days=1), 0), "Sports day", all_day=True
    )


def _study_trip(first: date, last: date) -> Lesson:
    """A Lectio activity with times spanning several days (not marked all day)."""
    return Lesson("trip", _at(first, 17), _at(last, 17), "Study trip to Berlin")


def _student(*lessons: Lesson) -> StudentData:
    return StudentData(student=Student("1", "Léa", "MARTIN"), lessons=lessons)


def test_cancelled_and_exempted_lessons_are_not_attended() -> None:
    data = _student(
        _lesson(8, LessonStatus.CANCELLED),
        _lesson(9, LessonStatus.EXEMPTED),
        _lesson(10, LessonStatus.CHANGED),
        _lesson(11, LessonStatus.EXAM),
    )
    assert [lesson.id for lesson in data.lessons_on(DAY)] == ["10", "11"]
    assert data.next_lesson(_at(DAY, 7)) == data.lessons[2]
    assert data.next_lesson(_at(DAY, 12)) is None


def test_a_whole_day_note_is_neither_the_next_nor_the_first_lesson() -> None:
    lesson = _lesson(10, LessonStatus.NORMAL)
    data = _student(_whole_day_note(DAY), lesson)
    assert data.next_lesson(_at(DAY, 7)) == lesson
    assert data.next_lesson(_at(DAY, 12)) is None
    assert data.lessons_on(DAY) == [lesson]


def test_a_multi_day_trip_is_neither_the_next_nor_the_first_lesson() -> None:
    friday = _lesson(8, LessonStatus.NORMAL, FRIDAY)
    monday = _lesson(8, LessonStatus.NORMAL, MONDAY)
    data = _student(friday, _study_trip(FRIDAY, FRIDAY + timedelta(days=2)), monday)
    # After Friday's lessons, before the trip leaves, and during the trip.
    assert data.next_lesson(_at(FRIDAY, 16)) == monday
    assert data.next_lesson(_at(FRIDAY + timedelta(days=1), 10)) == monday
    assert data.lessons_on(FRIDAY) == [friday]


def test_a_trip_starting_the_day_before_does_not_hide_the_first_lesson() -> None:
    trip = _study_trip(DAY - timedelta(days=1), DAY)
    lesson = _lesson(18, LessonStatus.NORMAL)
    data = _student(trip, lesson)
    assert data.next_lesson(_at(DAY, 9)) == lesson
    assert data.lessons_on(DAY - timedelta(days=1)) == []
