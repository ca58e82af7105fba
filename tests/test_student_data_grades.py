"""Which evaluations count as given grades: the latest grade and the new-grade events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from custom_components.schoolbag.client.models import Grade, GradeBook, GradeMark, Student
from custom_components.schoolbag.data import StudentData

DAY = date(2026, 11, 25)


def _grade(
    grade_id: str, days_ago: int, value: float | None, mark: GradeMark | None = None
) -> Grade:
    day = DAY - timedelta(days=days_ago)
    return Grade(grade_id, "Maths", f"Test {grade_id}", day, value, 20.0, mark=mark)


def _student(*grades: Grade) -> StudentData:
    return StudentData(student=Student("1", "Léa", "MARTIN"), grades=GradeBook(grades=grades))


# More recent than any grade, none with a value yet: ScoDoc "~", "-" and "ABS", and an
# EcoleDirecte competence-only evaluation (neither a value nor a mark).
PENDING = _grade("pending", 1, None, GradeMark.PENDING)
NOT_GRADED = _grade("not-graded", 2, None, GradeMark.NOT_GRADED)
ABSENT = _grade("absent", 3, None, GradeMark.ABSENT)
COMPETENCE_ONLY = _grade("competence-only", 4, None)
NO_VALUE_YET = (PENDING, NOT_GRADED, ABSENT, COMPETENCE_ONLY)


def _given_ids(data: StudentData) -> set[str]:
    return {grade.id for grade in data.given_grades()}


def test_latest_grade_skips_evaluations_without_a_value() -> None:
    latest = _grade("graded", 10, 12.5)
    data = _student(_grade("older", 20, 9.0), latest, *NO_VALUE_YET)
    assert data.latest_grade() == latest
    assert _given_ids(data) == {"older", "graded"}


def test_latest_grade_is_none_while_nothing_has_a_value() -> None:
    assert _student(*NO_VALUE_YET).latest_grade() is None


def test_an_absence_counted_as_zero_is_a_grade() -> None:
    zero = _grade("absent-zero", 1, 0.0, GradeMark.ABSENT)
    data = _student(_grade("older", 5, 14.0), zero)
    assert data.latest_grade() == zero


def test_an_evaluation_becomes_a_new_grade_once_it_gets_a_value() -> None:
    """The new-grade events announce the ids given now that were not given before."""
    graded = _grade("graded", 10, 12.5)
    before = _student(graded, *NO_VALUE_YET)
    rattrapage = replace(NOT_GRADED, value=11.0, mark=None)
    after = _student(graded, PENDING, rattrapage, ABSENT, COMPETENCE_ONLY)
    assert _given_ids(after) - _given_ids(before) == {rattrapage.id}
    assert after.latest_grade() == rattrapage
