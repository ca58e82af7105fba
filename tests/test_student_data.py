"""Which lessons count for "next lesson" and "first lesson tomorrow"."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from custom_components.schoolbag.client.models import Lesson, LessonStatus, Student
from custom_components.schoolbag.data import StudentData

PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 11, 25)


def _lesson(hour: int, status: LessonStatus) -> Lesson:
    start = datetime(DAY.year, DAY.month, DAY.day, hour, tzinfo=PARIS)
    return Lesson(str(hour), start, start + timedelta(hours=1), f"S{hour}", status=status)


def test_cancelled_and_exempted_lessons_are_not_attended() -> None:
    data = StudentData(
        student=Student("1", "Léa", "MARTIN"),
        lessons=(
            _lesson(8, LessonStatus.CANCELLED),
            _lesson(9, LessonStatus.EXEMPTED),
            _lesson(10, LessonStatus.CHANGED),
            _lesson(11, LessonStatus.EXAM),
        ),
    )
    assert [lesson.id for lesson in data.lessons_on(DAY)] == ["10", "11"]
    early = datetime(DAY.year, DAY.month, DAY.day, 7, tzinfo=PARIS)
    assert data.next_lesson(early) == data.lessons[2]
    late = datetime(DAY.year, DAY.month, DAY.day, 12, 30, tzinfo=PARIS)
    assert data.next_lesson(late) is None
