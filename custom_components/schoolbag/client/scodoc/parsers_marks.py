"""Read ScoDoc grade strings: numbers, ``"~"`` and the special marks (ScoDoc protocol §5.1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import GradeMark
from ..values import as_dict, text
from .fields import number


@dataclass(frozen=True, slots=True)
class Reading:
    """A grade field: its number, or the mark that stands instead, and the raw text."""

    value: float | None
    mark: GradeMark | None
    raw: str


_MARKS: dict[str, GradeMark] = {
    # No value yet: module averages before any grade, evaluations not graded yet.
    "~": GradeMark.PENDING,
    "ATT": GradeMark.PENDING,
    "ABS": GradeMark.ABSENT,
    "EXC": GradeMark.EXEMPT,
    "NP": GradeMark.NOT_GRADED,
    "-": GradeMark.NOT_GRADED,
    "NA": GradeMark.NOT_GRADED,
}


def read_grade(value: object) -> Reading:
    """A grade value: ``"13.50"`` is 13.5; ``null``/``""`` are pending; unknown text is OTHER."""
    raw = text(value)
    found = number(value)
    if found is not None:
        return Reading(found, None, raw)
    if not raw:
        return Reading(None, GradeMark.PENDING, raw)
    return Reading(None, _MARKS.get(raw.upper(), GradeMark.OTHER), raw)


def grade_object(value: object) -> dict[str, Any]:
    """The ``{value, min, max, moy}`` object, also when the server sent a bare value."""
    if isinstance(value, dict):
        return value
    return {"value": value}


@dataclass(frozen=True, slots=True)
class Stats:
    """The student's value and the class statistics of a grade object."""

    value: float | None
    average: float | None
    minimum: float | None
    maximum: float | None


def read_stats(value: object) -> Stats:
    """``{"value": "12.60", "min": ..., "max": ..., "moy": ...}`` or a bare value."""
    data = as_dict(grade_object(value))
    return Stats(
        value=number(data.get("value")),
        average=number(data.get("moy")),
        minimum=number(data.get("min")),
        maximum=number(data.get("max")),
    )
