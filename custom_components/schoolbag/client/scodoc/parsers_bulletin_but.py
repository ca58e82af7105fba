"""Parse a BUT bulletin (``"type": "BUT"``, ScoDoc protocol §5.1)."""

from __future__ import annotations

from typing import Any

from ..models import Average, AverageKind, Grade
from ..values import as_dict, as_dicts, local_date, text
from .averages import to_average
from .bulletin_data import BulletinData
from .const import SCHOOL_TZ
from .fields import first_group_name, flag, integer, number
from .models import Semester
from .parsers_evaluations import EvaluationFields, to_grade
from .parsers_marks import grade_object, read_grade, read_stats

_BONUS_UE_TYPE = 1
_SECTIONS = (("ressources", AverageKind.RESOURCE), ("saes", AverageKind.SAE))


def _overall(data: dict[str, Any], period_id: str, show_ranks: bool) -> Average:
    semestre = as_dict(data.get("semestre"))
    ranking = as_dict(semestre.get("rang")) if show_ranks else {}
    ects = as_dict(semestre.get("ECTS"))
    return to_average(
        read_stats(semestre.get("notes")),
        period_id,
        None,
        ranking=ranking.get("value"),
        total=ranking.get("total"),
        ects=number(ects.get("acquis")),
        ects_total=number(ects.get("total")),
    )


def _ue(code: str, ue: dict[str, Any], period_id: str, show_ranks: bool) -> Average:
    # ``moyenne`` was a bare string in 2021 bulletins, an object since.
    average = as_dict(grade_object(ue.get("moyenne")))
    ranking = average if show_ranks else {}
    ects = as_dict(ue.get("ECTS"))
    return to_average(
        read_stats(average),
        period_id,
        text(ue.get("titre")) or code,
        kind=AverageKind.UE,
        code=code,
        ranking=ranking.get("rang"),
        total=ranking.get("total"),
        ects=number(ects.get("acquis")),
        ects_total=number(ects.get("total")),
    )


def _grade(item: dict[str, Any], code: str, subject: str, semester: Semester) -> Grade:
    note = grade_object(item.get("note"))
    description = text(item.get("description"))
    return to_grade(
        EvaluationFields(
            id=text(item.get("id")) or f"{semester.id}:{code}:{description}",
            subject=subject,
            title=description,
            day=local_date(item.get("date_debut"), SCHOOL_TZ)
            or local_date(item.get("date"), SCHOOL_TZ),
            coefficient=number(item.get("coef")),
            reading=read_grade(note.get("value")),
            stats=read_stats(note),
        ),
        semester,
    )


def parse_but_bulletin(data: dict[str, Any], semester: Semester) -> BulletinData:
    """Overall, UE, resource and SAE averages and every evaluation of a BUT bulletin.

    Ranks are left out when the department hides them (``options.show_rangs``,
    ``show_ue_rangs``), even if the values are present. The sport/culture bonus UE
    (``type`` 1) has no average of its own and is skipped.
    """
    period_id = str(semester.id)
    options = as_dict(data.get("options"))
    averages = [_overall(data, period_id, flag(options.get("show_rangs"), default=True))]
    show_ue_ranks = flag(options.get("show_ue_rangs"), default=True)
    for code, ue in as_dict(data.get("ues")).items():
        if isinstance(ue, dict) and integer(ue.get("type")) != _BONUS_UE_TYPE:
            averages.append(_ue(code, ue, period_id, show_ue_ranks))
    grades: list[Grade] = []
    titles: dict[int, str] = {}
    for section, kind in _SECTIONS:
        for code, module in as_dict(data.get(section)).items():
            if not isinstance(module, dict):
                continue
            subject = text(module.get("titre")) or code
            if (module_id := integer(module.get("id"))) is not None:
                titles[module_id] = subject
            averages.append(
                to_average(
                    read_stats(module.get("moyenne")), period_id, subject, kind=kind, code=code
                )
            )
            grades.extend(
                _grade(item, code, subject, semester)
                for item in as_dicts(module.get("evaluations"))
            )
    grades.sort(key=lambda grade: (grade.date, grade.id), reverse=True)
    return BulletinData(
        averages=tuple(averages),
        grades=tuple(grades),
        group=first_group_name(as_dict(data.get("semestre")).get("groupes")),
        module_titles=titles,
    )
