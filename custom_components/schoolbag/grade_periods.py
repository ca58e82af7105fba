"""Grades of the periods that are over, read once and joined to the current period's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .client.models import GradeBook, Period


def periods_to_complete(book: GradeBook, today: date) -> list[Period]:
    """Terms that are over and of which the book holds no average, grade or skill yet.

    Platforms answering period by period (Pronote) only return the current
    term; the others (EcoleDirecte) already hold every term and need nothing.
    """
    known: set[str | None] = {average.period_id for average in book.averages}
    known.update(grade.period_id for grade in book.grades)
    known.update(skill.period_id for skill in book.skills)
    return [
        period
        for period in book.periods
        if not period.yearly and period.end < today and period.id not in known
    ]


def join_periods(book: GradeBook, others: Iterable[tuple[Period, GradeBook]]) -> GradeBook:
    """``book`` with each other period's own grades, averages and skills added."""
    grades = list(book.grades)
    averages = list(book.averages)
    skills = list(book.skills)
    for period, other in others:
        grades.extend(grade for grade in other.grades if grade.period_id == period.id)
        averages.extend(average for average in other.averages if average.period_id == period.id)
        skills.extend(skill for skill in other.skills if skill.period_id == period.id)
    return GradeBook(
        periods=book.periods,
        grades=tuple(grades),
        averages=tuple(averages),
        skills=tuple(skills),
        selected_period_id=book.selected_period_id,
        group=book.group,
    )
