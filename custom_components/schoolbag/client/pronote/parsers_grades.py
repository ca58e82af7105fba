"""Parse ``DernieresNotes``: grades, subject averages, the overall average (protocol §6.4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Average, Grade, GradeMark
from .dates import local_date
from .stable_ids import IdMaker
from .typed_values import as_dict, as_dicts, flag, label, listed, number, text

DEFAULT_OUT_OF = 20.0


@dataclass(frozen=True, slots=True)
class Mark:
    """A grade value read from ``"15,5"`` or a ``"|n"`` code."""

    value: float | None
    mark: GradeMark | None

    @property
    def significant(self) -> bool:
        """Whether it counts in averages: every value does, ``|6`` and ``|7`` as zero."""
        return self.value is not None


# |n codes: what they mean and whether they count (as zero) in averages.
_SPECIAL: dict[str, Mark] = {
    "1": Mark(None, GradeMark.ABSENT),
    "2": Mark(None, GradeMark.EXEMPT),
    "3": Mark(None, GradeMark.NOT_GRADED),
    "4": Mark(None, GradeMark.EXEMPT),  # "Inapte"
    "5": Mark(None, GradeMark.OTHER),  # "Non rendu"
    "6": Mark(0.0, GradeMark.ABSENT),  # absent, counts as zero
    "7": Mark(0.0, GradeMark.OTHER),  # not handed in, counts as zero
    "8": Mark(None, GradeMark.OTHER),  # "Félicitations"
}
_UNKNOWN_SPECIAL = Mark(None, GradeMark.OTHER)


def parse_mark(raw: str) -> Mark:
    """Read a grade string; unknown codes are OTHER, blanks are not graded yet."""
    cleaned = raw.strip()
    if cleaned.startswith("|"):
        return _SPECIAL.get(cleaned[1:].strip(), _UNKNOWN_SPECIAL)
    value = number(cleaned)
    if value is None:
        return Mark(None, GradeMark.NOT_GRADED if not cleaned else GradeMark.OTHER)
    return Mark(value, None)


def _counted_out_of(item: dict[str, Any], out_of: float | None) -> float | None:
    """The scale a grade counts on in averages when not its own (``estRamenerSur20``)."""
    if not flag(item.get("estRamenerSur20")) or out_of in (None, DEFAULT_OUT_OF):
        return None
    return DEFAULT_OUT_OF


def _grade(item: dict[str, Any], period_id: str, ids: IdMaker) -> Grade | None:
    when = local_date(item.get("date"))
    if when is None:
        return None
    raw = text(item.get("note"))
    mark = parse_mark(raw)
    subject = label(item.get("service"))
    title = text(item.get("commentaire"))
    out_of = number(item.get("bareme"))
    coefficient = number(item.get("coefficient"))
    return Grade(
        id=ids.make(subject, when, title, out_of, coefficient, prefix="g"),
        subject=subject,
        title=title or subject,
        date=when,
        value=mark.value,
        out_of=out_of,
        coefficient=1.0 if coefficient is None else coefficient,
        mark=mark.mark,
        raw=raw,
        period_id=period_id,
        class_average=number(item.get("moyenne")),
        class_min=number(item.get("noteMin")),
        class_max=number(item.get("noteMax")),
        significant=mark.significant,
        counted_out_of=_counted_out_of(item, out_of),
        # The service id, as on the averages: namesake subjects stay apart.
        subject_code=text(as_dict(item.get("service")).get("N")) or None,
    )


def _average(item: dict[str, Any], period_id: str, subject: str) -> Average:
    # Pronote may list two services under one name; only their ids tell them apart.
    return Average(
        period_id=period_id,
        subject=subject,
        code=text(item.get("N")) or None,
        value=number(item.get("moyEleve")),
        class_average=number(item.get("moyClasse")),
        class_min=number(item.get("moyMin")),
        class_max=number(item.get("moyMax")),
        out_of=number(item.get("baremeMoyEleve")) or DEFAULT_OUT_OF,
    )


def parse_grades(data: dict[str, Any], period_id: str) -> tuple[list[Grade], list[Average]]:
    """Grades (newest first) and averages (per subject, then overall) of one period.

    A hidden average (no ``moyEleve``) has value None, never zero.
    """
    ids = IdMaker()
    grades = [
        grade
        for item in listed(data, "listeDevoirs", "grades")
        if (grade := _grade(item, period_id, ids)) is not None
    ]
    grades.sort(key=lambda grade: (grade.date, grade.id), reverse=True)
    averages = [
        _average(item, period_id, subject)
        for item in as_dicts(data.get("listeServices"))
        if (subject := text(item.get("L")))
    ]
    overall = number(data.get("moyGenerale"))
    overall_class = number(data.get("moyGeneraleClasse"))
    if overall is not None or overall_class is not None:
        averages.append(
            Average(
                period_id=period_id,
                subject=None,
                value=overall,
                class_average=overall_class,
                out_of=number(as_dict(data).get("baremeMoyGenerale")) or DEFAULT_OUT_OF,
            )
        )
    return grades, averages
