"""Every generated mark, average and homework agrees with the class figures and with today."""

from __future__ import annotations

from datetime import date

import pytest

from simulator.pronote import PronoteSimulator
from simulator.pronote.fixtures.grades import subject_averages
from simulator.pronote.values import parse_fr_number

from ..simulator.consistency import DAYS, class_figure_errors, homework_date_errors


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_class_figures_hold_each_mark_and_average(today: date) -> None:
    world = PronoteSimulator(today=today).world
    errors: list[str] = []
    for student in world.students.values():
        for grade in student.grades:
            errors += class_figure_errors(
                f"{student.name} {grade.subject.code} {grade.day}",
                parse_fr_number(grade.value),
                parse_fr_number(grade.class_min),
                parse_fr_number(grade.class_max),
                parse_fr_number(grade.class_avg),
            )
        for period in world.year.periods:
            for average in subject_averages(student.grades, period):
                errors += class_figure_errors(
                    f"{student.name} {average.subject.code} {period.label}",
                    average.student,
                    average.class_min,
                    average.class_max,
                    average.class_avg,
                )
    assert errors == []


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_homework_is_set_by_today_and_before_it_is_due(today: date) -> None:
    world = PronoteSimulator(today=today).world
    errors: list[str] = []
    for student in world.students.values():
        for work in student.homework:
            what = f"{student.name} {work.subject.code} due {work.due}"
            errors += homework_date_errors(what, work.given, work.due, today)
    assert errors == []
    assert all(any(w.due >= today for w in s.homework) for s in world.students.values())
