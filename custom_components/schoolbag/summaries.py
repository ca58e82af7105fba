"""Plain, JSON-friendly views of the models for attributes and action responses.

Nothing here ever includes secrets: the models carry none.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .client.codec import to_json
from .client.models import (
    Average,
    Grade,
    GradeBook,
    GradeMark,
    Homework,
    Lesson,
    SkillEvaluation,
)
from .data import StudentData

# How many grades the latest-grade sensor lists in its ``recent`` attribute.
RECENT_GRADES = 10
# Marks of evaluations not graded yet: nothing to list for them.
_NO_MARK_YET = frozenset({GradeMark.PENDING, GradeMark.NOT_GRADED})


def lesson_attributes(lesson: Lesson | None) -> dict[str, Any]:
    """Attributes describing a lesson (empty when there is none)."""
    if lesson is None:
        return {}
    return lesson_dict(lesson)


def lesson_dict(lesson: Lesson) -> dict[str, Any]:
    """A lesson as plain data."""
    return {
        "subject": lesson.subject,
        "start": lesson.start.isoformat(),
        "end": lesson.end.isoformat(),
        "teachers": list(lesson.teachers),
        "rooms": list(lesson.rooms),
        "group": lesson.group,
        "status": str(lesson.status),
        "note": lesson.note,
    }


def homework_dict(work: Homework) -> dict[str, Any]:
    """Homework as plain data (the text, not the HTML)."""
    return {
        "id": work.id,
        "subject": work.subject,
        "due": work.due.isoformat(),
        "given": work.given.isoformat() if work.given else None,
        "text": work.text,
        "done": work.done,
        "is_test": work.is_test,
        "attachments": [attachment.name for attachment in work.attachments],
    }


def homework_attributes(homework: Iterable[Homework]) -> dict[str, Any]:
    """A short list of homework for a sensor's attributes."""
    return {
        "homework": [
            {"id": work.id, "subject": work.subject, "due": work.due.isoformat()}
            for work in homework
        ]
    }


def grade_dict(grade: Grade) -> dict[str, Any]:
    """A grade as plain data.

    ``counted_out_of`` is there only when averages count the grade on another scale, and
    ``subject_code`` only where the platform gives one.
    """
    data: dict[str, Any] = {
        "id": grade.id,
        "subject": grade.subject,
        "title": grade.title,
        "date": grade.date.isoformat(),
        "value": grade.value,
        "out_of": grade.out_of,
        "mark": str(grade.mark) if grade.mark else None,
        "raw": grade.raw,
        "coefficient": grade.coefficient,
        "class_average": grade.class_average,
        "class_min": grade.class_min,
        "class_max": grade.class_max,
        "significant": grade.significant,
        "period": grade.period_id,
    }
    if grade.counted_out_of is not None:
        data["counted_out_of"] = grade.counted_out_of
    if grade.subject_code is not None:
        # Matches the ``code`` of the subject's averages (Pronote's namesake subjects).
        data["subject_code"] = grade.subject_code
    return data


def grade_attributes(grade: Grade | None) -> dict[str, Any]:
    """Attributes describing the latest grade."""
    return grade_dict(grade) if grade else {}


def recent_grade_dict(grade: Grade) -> dict[str, Any]:
    """A grade in the ``recent`` list: what a card shows of it, and no more."""
    data: dict[str, Any] = {"subject": grade.subject}
    if grade.subject_code is not None:
        data["subject_code"] = grade.subject_code
    data |= {
        "title": grade.title,
        "date": grade.date.isoformat(),
        "value": grade.value,
        "out_of": grade.out_of,
    }
    if grade.counted_out_of is not None:
        data["counted_out_of"] = grade.counted_out_of
    data |= {
        "mark": str(grade.mark) if grade.mark else None,
        "class_average": grade.class_average,
        "coefficient": grade.coefficient,
    }
    return data


def recent_grades(data: StudentData, limit: int = RECENT_GRADES) -> list[dict[str, Any]]:
    """The latest grades of the whole year, newest entered first, as the sensor's state orders them.

    Not only the current term's, so the list is not empty when a term starts. Special marks
    (absent, exempt) are listed too; evaluations still to grade are not.
    """
    book = data.grades
    given = [
        grade
        for grade in (book.grades if book else ())
        if grade.value is not None or (grade.mark is not None and grade.mark not in _NO_MARK_YET)
    ]
    given.sort(key=lambda grade: (grade.entered or grade.date, grade.id), reverse=True)
    return [recent_grade_dict(grade) for grade in given[:limit]]


def latest_grade_attributes(data: StudentData) -> dict[str, Any]:
    """The latest grade's details, then the ``recent`` grades for the cards."""
    return {**grade_attributes(data.latest_grade()), "recent": recent_grades(data)}


def grade_book_dict(book: GradeBook, today: date) -> dict[str, Any]:
    """Periods, grades and averages as plain data."""
    current = book.current_period(today)
    return {
        "current_period": current.id if current else None,
        "group": book.group,
        "periods": [
            {
                "id": period.id,
                "name": period.name,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "yearly": period.yearly,
            }
            for period in book.periods
        ],
        "grades": [grade_dict(grade) for grade in book.grades],
        "averages": [
            {"period": average.period_id, **_without_nones(to_json(average), "period_id")}
            for average in book.averages
        ],
        "skills": [
            {"id": skill.id, "title": skill.title, **skill_attributes(skill)}
            for skill in book.skills
        ],
    }


def _without_nones(values: dict[str, Any], *dropped: str) -> dict[str, Any]:
    return {
        name: value for name, value in values.items() if value is not None and name not in dropped
    }


def current_overall(data: StudentData, today: date) -> Average | None:
    """The overall average of the current period (or the year outside terms)."""
    book = data.grades
    if book is None:
        return None
    period = book.current_period(today)
    wanted = period.id if period else next((p.id for p in book.periods if p.yearly), None)
    return book.overall_average(wanted)


def overall_average(data: StudentData, today: date) -> float | None:
    """The value of ``current_overall``."""
    average = current_overall(data, today)
    return average.value if average else None


def skill_attributes(skill: SkillEvaluation | None) -> dict[str, Any]:
    """What a skills evaluation assessed and the levels reached."""
    if skill is None:
        return {}
    return {
        "subject": skill.subject,
        "date": skill.date.isoformat(),
        "teacher": skill.teacher,
        "period": skill.period_id,
        "acquisitions": [
            {"skill": item.item, "domain": item.domain, "level": item.level}
            for item in skill.acquisitions
        ],
    }
