"""One average of a bulletin, whatever its kind (overall, UE, module) and bulletin type."""

from __future__ import annotations

from ..models import Average, AverageKind
from .fields import integer, rank
from .parsers_marks import Stats


def to_average(
    stats: Stats,
    period_id: str,
    subject: str | None,
    *,
    kind: AverageKind = AverageKind.SUBJECT,
    code: str | None = None,
    ranking: object = None,
    total: object = None,
    ects: float | None = None,
    ects_total: float | None = None,
) -> Average:
    """The student's value and the class statistics, with the rank when one is given."""
    return Average(
        period_id=period_id,
        subject=subject,
        value=stats.value,
        class_average=stats.average,
        class_min=stats.minimum,
        class_max=stats.maximum,
        kind=kind,
        code=code,
        rank=rank(ranking),
        rank_total=integer(total),
        ects=ects,
        ects_total=ects_total,
    )
