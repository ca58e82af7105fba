"""Pronote's skills evaluations, kept importable from here under their Pronote names.

They became neutral models (``SkillEvaluation`` and ``Acquisition`` in ``client/models.py``).
"""

from __future__ import annotations

from ..models import (
    Acquisition,
    Dish,
    DishKind,
    Food,
    Information,
    MenuDay,
    MenuMeal,
    SkillEvaluation,
)

Evaluation = SkillEvaluation

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
