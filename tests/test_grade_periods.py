"""Which terms' grades still have to be read, and how they are joined to the current term's."""

from __future__ import annotations

from datetime import date

from custom_components.schoolbag.client.models import Average, Grade, GradeBook, Period
from custom_components.schoolbag.grade_periods import join_periods, periods_to_complete

TERM_1 = Period("t1", "Term 1", date(2026, 9, 1), date(2026, 11, 30))
TERM_2 = Period("t2", "Term 2", date(2026, 12, 1), date(2027, 2, 28))
YEAR = Period("y", "Year", date(2026, 9, 1), date(2027, 7, 4), yearly=True)
TODAY = date(2027, 1, 10)


def _grade(grade_id: str, period: Period) -> Grade:
    return Grade(grade_id, "Maths", "Test", period.start, 12.0, 20.0, period_id=period.id)


def test_only_ended_terms_without_data_are_read() -> None:
    current_only = GradeBook(
        periods=(TERM_1, TERM_2, YEAR),
        grades=(_grade("g2", TERM_2),),
        averages=(Average("t2", None, 13.0),),
    )
    assert periods_to_complete(current_only, TODAY) == [TERM_1]
    whole_year = GradeBook(
        periods=(TERM_1, TERM_2, YEAR),
        averages=(Average("t1", None, 11.0), Average("t2", None, 13.0)),
    )
    assert periods_to_complete(whole_year, TODAY) == []
    assert periods_to_complete(current_only, date(2026, 10, 1)) == []


def test_join_keeps_only_each_term_own_data() -> None:
    current = GradeBook(periods=(TERM_1, TERM_2), grades=(_grade("g2", TERM_2),))
    # A platform answering for a term may also send other terms' data: only the term's is kept.
    first = GradeBook(
        periods=(TERM_1, TERM_2),
        grades=(_grade("g1", TERM_1), _grade("g2", TERM_2)),
        averages=(Average("t1", None, 11.0), Average("t2", None, 13.0)),
    )
    joined = join_periods(current, [(TERM_1, first)])
    assert [grade.id for grade in joined.grades] == ["g2", "g1"]
    assert [average.period_id for average in joined.averages] == ["t1"]
    assert joined.periods == current.periods
