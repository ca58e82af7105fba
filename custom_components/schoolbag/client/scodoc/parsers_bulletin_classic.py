"""Parse a classic (non-BUT: DUT, LP, master) bulletin (ScoDoc protocol §5.2)."""

from __future__ import annotations

from typing import Any

from ..models import AverageKind, Grade, GradeMark
from ..values import as_dict, as_dicts, local_date, text
from .averages import to_average
from .bulletin_data import BulletinData
from .const import SCHOOL_TZ
from .fields import first_group_name, integer, number
from .models import Semester
from .parsers_evaluations import EvaluationFields, to_grade
from .parsers_marks import Reading, Stats, read_grade, read_stats

_NO_STATS = Stats(None, None, None, None)


def _grade(item: dict[str, Any], subject: str, semester: Semester) -> Grade:
    # Evaluations not complete yet are listed with ``incomplete: "1"`` and no ``note``.
    reading = read_grade(item["note"]) if "note" in item else Reading(None, GradeMark.PENDING, "")
    description = text(item.get("description"))
    return to_grade(
        EvaluationFields(
            id=text(item.get("evaluation_id")) or f"{semester.id}:{subject}:{description}",
            subject=subject,
            title=description,
            day=local_date(item.get("jour"), SCHOOL_TZ),
            coefficient=number(item.get("coefficient")),
            reading=reading,
            stats=_NO_STATS,
        ),
        semester,
    )


def parse_classic_bulletin(data: dict[str, Any], semester: Semester) -> BulletinData:
    """Overall, UE and module averages and every evaluation of a classic bulletin.

    Classic modules are neither BUT resources nor SAEs: their averages are SUBJECT ones.
    """
    period_id = str(semester.id)
    ranking = as_dict(data.get("rang"))
    averages = [
        to_average(
            read_stats(data.get("note")),
            period_id,
            None,
            ranking=ranking.get("value"),
            total=ranking.get("ninscrits"),
        )
    ]
    grades: list[Grade] = []
    titles: dict[int, str] = {}
    for ue in as_dicts(data.get("ue")):
        acronym = text(ue.get("acronyme"))
        averages.append(
            to_average(
                read_stats(ue.get("note")),
                period_id,
                text(ue.get("titre")) or acronym,
                kind=AverageKind.UE,
                code=acronym or None,
                ranking=ue.get("rang"),
                total=ue.get("effectif"),
                ects_total=number(ue.get("ects")),
            )
        )
        for module in as_dicts(ue.get("module")):
            code = text(module.get("code"))
            subject = text(module.get("titre")) or code
            if (module_id := integer(module.get("id"))) is not None:
                titles[module_id] = subject
            averages.append(
                to_average(
                    read_stats(module.get("note")),
                    period_id,
                    subject,
                    code=code or None,
                    ranking=as_dict(module.get("rang")).get("value"),
                    total=as_dict(module.get("effectif")).get("value"),
                )
            )
            grades.extend(
                _grade(item, subject, semester) for item in as_dicts(module.get("evaluation"))
            )
    grades.sort(key=lambda grade: (grade.date, grade.id), reverse=True)
    return BulletinData(
        averages=tuple(averages),
        grades=tuple(grades),
        group=first_group_name(data.get("rang_group")),
        module_titles=titles,
    )
