"""Pronote data that has no neutral model yet: skills evaluations.

Frozen dataclasses like ``client/models.py`` (the same JSON codec works).
Dates are local school dates; datetimes are aware, in the school's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt

from ..models import Dish, DishKind, Food, Information, MenuDay, MenuMeal


@dataclass(frozen=True, slots=True)
class Acquisition:
    """One skill level reached in an evaluation (e.g. "A+" Très bonne maîtrise)."""

    level: str
    abbreviation: str = ""
    item: str | None = None
    domain: str | None = None
    pillar: str | None = None
    pillar_prefix: str | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A skills evaluation ("compétences") without a numeric grade."""

    id: str
    subject: str
    title: str
    date: dt.date
    teacher: str | None = None
    coefficient: float = 1.0
    description: str = ""
    domain: str | None = None
    levels: tuple[str, ...] = ()
    acquisitions: tuple[Acquisition, ...] = ()
    period_id: str | None = None


# Menus and information became neutral models; kept importable from here.
__all__ = [
    "Acquisition",
    "Dish",
    "DishKind",
    "Evaluation",
    "Food",
    "Information",
    "MenuDay",
    "MenuMeal",
]
