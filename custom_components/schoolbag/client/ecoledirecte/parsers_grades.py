"""Parse ``notes.awp``: periods, grades and averages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..models import Average, Grade, GradeBook, GradeMark, Period
from ..values import as_dict, as_dicts, flag, identifier, leading_date, number, optional_text, text
from .payloads import require_keys

_DEFAULT_SCALE = 20.0

# Special marks, compared case-insensitively after stripping.
_MARKS: Mapping[str, GradeMark] = {
    "abs": GradeMark.ABSENT,
    "absent": GradeMark.ABSENT,
    "disp": GradeMark.EXEMPT,
    "dispense": GradeMark.EXEMPT,
    "dispensé": GradeMark.EXEMPT,
    "ne": GradeMark.NOT_GRADED,
    "nn": GradeMark.NOT_GRADED,
    "ea": GradeMark.PENDING,
}


@dataclass(frozen=True, slots=True)
class _Reading:
    """A grade's value and scale, or the mark that stands instead of a value."""

    value: float | None = None
    out_of: float | None = None
    mark: GradeMark | None = None


def _read_value(raw: str, scale: float | None) -> _Reading:
    if scale is not None and scale <= 0:
        return _Reading()  # noteSur "0": competence-only evaluation, no mark at all.
    if (value := number(raw)) is not None:
        return _Reading(value, scale if scale is not None else _DEFAULT_SCALE)
    if not raw:
        return _Reading(mark=GradeMark.NOT_GRADED)
    return _Reading(mark=_MARKS.get(raw.casefold(), GradeMark.OTHER))


def _parse_grade(item: Mapping[str, Any]) -> Grade | None:
    grade_id = identifier(item.get("id"))
    when = leading_date(item.get("date")) or leading_date(item.get("dateSaisie"))
    if grade_id is None or when is None:
        return None
    raw = text(item.get("valeur"))
    reading = _read_value(raw, number(item.get("noteSur")))
    coefficient = number(item.get("coef"))
    return Grade(
        id=grade_id,
        subject=text(item.get("libelleMatiere")) or text(item.get("codeMatiere")),
        title=text(item.get("devoir")),
        date=when,
        value=reading.value,
        out_of=reading.out_of,
        coefficient=coefficient if coefficient is not None else 1.0,
        mark=reading.mark,
        raw=raw,
        period_id=optional_text(item.get("codePeriode")),
        class_average=number(item.get("moyenneClasse")),
        class_min=number(item.get("minClasse")),
        class_max=number(item.get("maxClasse")),
        significant=not flag(item.get("nonSignificatif")),
        entered=leading_date(item.get("dateSaisie")),
        comment=optional_text(item.get("commentaire")),
    )


def _period_id(item: Mapping[str, Any]) -> str | None:
    return optional_text(item.get("codePeriode")) or identifier(item.get("idPeriode"))


def _parse_period(item: Mapping[str, Any]) -> Period | None:
    period_id = _period_id(item)
    start = leading_date(item.get("dateDebut"))
    end = leading_date(item.get("dateFin"))
    if period_id is None or start is None or end is None:
        return None
    return Period(
        id=period_id,
        name=text(item.get("periode")) or period_id,
        start=start,
        end=end,
        yearly=flag(item.get("annuel")),
        closed=flag(item.get("cloture")),
    )


def _weighted_average(disciplines: list[dict[str, Any]]) -> float | None:
    total = 0.0
    weights = 0.0
    for discipline in disciplines:
        value = number(discipline.get("moyenne"))
        if value is None:
            continue
        coef = number(discipline.get("coef")) or 1.0  # coef 0 counts as 1
        total += value * coef
        weights += coef
    return round(total / weights, 2) if weights else None


def _parse_averages(item: Mapping[str, Any], period_id: str, scale: float) -> list[Average]:
    subjects = as_dict(item.get("ensembleMatieres"))
    if not subjects:
        return []
    # Group header rows and sub-subject rows would count subjects twice.
    disciplines = [
        row
        for row in as_dicts(subjects.get("disciplines"))
        if not flag(row.get("groupeMatiere")) and not flag(row.get("sousMatiere"))
    ]
    averages = [
        Average(
            period_id=period_id,
            subject=text(row.get("discipline")) or text(row.get("codeMatiere")),
            value=number(row.get("moyenne")),
            class_average=number(row.get("moyenneClasse")),
            class_min=number(row.get("moyenneMin")),
            class_max=number(row.get("moyenneMax")),
            out_of=scale,
        )
        for row in disciplines
    ]
    overall = number(subjects.get("moyenneGenerale"))
    if overall is None:
        overall = _weighted_average(disciplines)
    averages.append(
        Average(
            period_id=period_id,
            subject=None,
            value=overall,
            class_average=number(subjects.get("moyenneClasse")),
            class_min=number(subjects.get("moyenneMin")),
            class_max=number(subjects.get("moyenneMax")),
            out_of=scale,
        )
    )
    return averages


def parse_grades(data: object) -> GradeBook:
    """Build the grade book from ``notes.awp`` data."""
    payload = require_keys(data, "grades", "periodes", "notes")
    settings = as_dict(payload.get("parametrage"))
    scale = number(settings.get("moyenneSur")) or _DEFAULT_SCALE
    periods: list[Period] = []
    averages: list[Average] = []
    for item in as_dicts(payload.get("periodes")):
        period = _parse_period(item)
        if period is not None:
            periods.append(period)
        period_id = _period_id(item)
        if period_id is not None:
            averages.extend(_parse_averages(item, period_id, scale))
    grades = [
        grade
        for item in as_dicts(payload.get("notes"))
        if (grade := _parse_grade(item)) is not None
    ]
    grades.sort(key=lambda grade: (grade.date, grade.id))
    return GradeBook(periods=tuple(periods), grades=tuple(grades), averages=tuple(averages))
