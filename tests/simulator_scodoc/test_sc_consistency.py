"""Every grade and average of the bulletins agrees with its class figures and with today.

ScoDoc has no homework: the date rule becomes "an evaluation is graded once it took place".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from simulator.scodoc import ScoDocSimulator
from simulator.scodoc.fixtures import World
from simulator.scodoc.programme import Module, evaluation_record, programme

from ..simulator.consistency import DAYS, class_figure_errors


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _figures(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``{"value", "min", "max", "moy"}`` figure under ``node``, with where it is."""
    if isinstance(node, dict):
        if "value" in node and ("min" in node or "max" in node):
            yield where, node
        for key, child in node.items():
            yield from _figures(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _figures(child, f"{where}[{index}]")


def _modules(world: World) -> Iterator[Module]:
    for semester in world.semesters:
        yield from programme(world, semester["id"]).values()


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_class_figures_hold_each_grade_and_average(today: date) -> None:
    world = ScoDocSimulator(today=today).world
    errors: list[str] = []
    for (semester, student), bulletin in world.bulletins.items():
        for where, figure in _figures(bulletin, f"{semester}-{student}"):
            errors += class_figure_errors(
                where,
                _number(figure["value"]),
                _number(figure.get("min")),
                _number(figure.get("max")),
                _number(figure.get("moy")),
            )
    assert errors == []


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_every_students_note_is_within_the_evaluation_figures(today: date) -> None:
    errors: list[str] = []
    for module in _modules(ScoDocSimulator(today=today).world):
        for evaluation_id, evaluation in module.evaluations.items():
            figures = evaluation.get("note")
            if not isinstance(figures, dict):
                continue  # classic bulletins give no class figures per evaluation
            for student, notes in module.notes.items():
                errors += class_figure_errors(
                    f"{student} evaluation {evaluation_id}",
                    _number(notes.get(evaluation_id)),
                    _number(figures.get("min")),
                    _number(figures.get("max")),
                )
    assert errors == []


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_graded_evaluations_took_place_by_today(today: date) -> None:
    late: list[str] = []
    for module in _modules(ScoDocSimulator(today=today).world):
        for evaluation_id in module.evaluations:
            graded = any(_number(n.get(evaluation_id)) is not None for n in module.notes.values())
            start = evaluation_record(module, evaluation_id, "9.6")["date_debut"]
            if graded and start is not None and date.fromisoformat(start[:10]) > today:
                late.append(f"evaluation {evaluation_id} graded before {start}")
    assert late == []
