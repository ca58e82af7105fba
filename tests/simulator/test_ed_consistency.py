"""Every grade, average and homework served agrees with the class figures and with today."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.fixtures.grades import parse_number, render_notes

from .consistency import DAYS, class_figure_errors, homework_date_errors


def _figures(what: str, row: dict[str, Any], value_key: str, prefix: str) -> list[str]:
    """Check ``row[value_key]`` against ``<prefix>Min``/``Max``/``Classe`` (``notes.awp``)."""
    return class_figure_errors(
        what,
        parse_number(row[value_key]),
        parse_number(row[f"{prefix}Min"]),
        parse_number(row[f"{prefix}Max"]),
        parse_number(row[f"{prefix}Classe"]),
    )


def _grade_errors(sim: EcoleDirecteSimulator, student_id: int) -> list[str]:
    notes = render_notes(sim.world, sim.student(student_id))
    errors: list[str] = []
    for grade in notes["notes"]:
        what = f"{student_id} grade {grade['devoir']} {grade['date']}"
        errors += class_figure_errors(
            what,
            parse_number(grade["valeur"]),
            parse_number(grade["minClasse"]),
            parse_number(grade["maxClasse"]),
            parse_number(grade["moyenneClasse"]),
        )
    for period in notes["periodes"]:
        overall = period["ensembleMatieres"]
        what = f"{student_id} {period['periode']}"
        errors += _figures(what, overall, "moyenneGenerale", "moyenne")
        for row in overall["disciplines"]:
            errors += _figures(f"{what} {row['discipline']}", row, "moyenne", "moyenne")
    return errors


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_class_figures_hold_each_grade_and_average(today: date) -> None:
    sim = EcoleDirecteSimulator(today=today)
    errors = [error for student in sim.world.students for error in _grade_errors(sim, student)]
    assert errors == []


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_homework_is_set_by_today_and_before_it_is_due(today: date) -> None:
    sim = EcoleDirecteSimulator(today=today)
    errors: list[str] = []
    for student in sim.world.students.values():
        for work in student.homework:
            what = f"{student.id} {work.subject.code} due {work.due}"
            errors += homework_date_errors(what, work.given, work.due, today)
    assert errors == []


def test_homework_added_for_a_past_day_was_set_that_day() -> None:
    sim = EcoleDirecteSimulator(today=date(2026, 10, 7))
    due = sim.today - timedelta(days=2)
    homework_id = sim.add_homework(2345, due, "MATHS", "<p>Exercice 5</p>")
    (added,) = [work for work in sim.student(2345).homework if work.id == homework_id]
    assert added.given == due
