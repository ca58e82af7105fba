"""Which overall average is "current", and the attributes of a missing skills evaluation."""

from __future__ import annotations

from datetime import date

from custom_components.schoolbag.client.models import Average, GradeBook, Period, Student
from custom_components.schoolbag.data import StudentData
from custom_components.schoolbag.summaries import (
    current_overall,
    overall_average,
    skill_attributes,
)

TERM = Period("t1", "Trimestre 1", date(2026, 9, 1), date(2026, 11, 30))
YEAR = Period("year", "Année", date(2026, 9, 1), date(2027, 7, 4), yearly=True)
IN_TERM, AFTER_TERM = date(2026, 10, 5), date(2026, 12, 15)
TERM_AVERAGE = Average("t1", None, 12.5)
YEAR_AVERAGE = Average("year", None, 13.25)
MATHS_AVERAGE = Average("t1", "Maths", 15.0)


def _student(book: GradeBook | None) -> StudentData:
    return StudentData(student=Student("1", "Léa", "MARTIN"), grades=book)


def test_the_current_terms_overall_average_is_current() -> None:
    data = _student(GradeBook((TERM, YEAR), averages=(MATHS_AVERAGE, TERM_AVERAGE, YEAR_AVERAGE)))
    assert current_overall(data, IN_TERM) == TERM_AVERAGE
    assert overall_average(data, IN_TERM) == 12.5


def test_outside_terms_the_years_overall_average_is_current() -> None:
    data = _student(GradeBook((TERM, YEAR), averages=(TERM_AVERAGE, YEAR_AVERAGE)))
    assert current_overall(data, AFTER_TERM) == YEAR_AVERAGE
    # Without a yearly period there is nothing to show between terms.
    assert (
        overall_average(_student(GradeBook((TERM,), averages=(TERM_AVERAGE,))), AFTER_TERM) is None
    )


def test_no_grade_book_no_overall_average() -> None:
    data = _student(None)
    assert current_overall(data, IN_TERM) is None
    assert overall_average(data, IN_TERM) is None


def test_no_skills_evaluation_no_attributes() -> None:
    assert skill_attributes(None) == {}
