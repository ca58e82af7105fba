"""A schedule week page read once into what the client serves from it (Lectio protocol §3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Homework, Lesson
from .parsers_homework import homework_from_brick
from .parsers_timetable import placed_bricks, week_lessons


@dataclass(frozen=True, slots=True)
class WeekModels:
    """A week's lessons (sorted) and the homework written on its placed lessons."""

    lessons: tuple[Lesson, ...]
    homework: tuple[Homework, ...]


def read_week(page: str, monday: date) -> WeekModels:
    """Parse a ``SkemaNy.aspx`` week page once into lessons and lesson homework."""
    placed = placed_bricks(page, monday)
    homework = (
        homework_from_brick(item.brick, item.day) for item in placed if item.brick.positioned
    )
    return WeekModels(
        lessons=tuple(week_lessons(placed)),
        homework=tuple(item for item in homework if item is not None),
    )
