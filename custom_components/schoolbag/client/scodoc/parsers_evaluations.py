"""Turn one bulletin evaluation into a neutral ``Grade`` (shared by both bulletin kinds)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Grade, GradeMark
from .const import BULLETIN_SCALE
from .models import Semester
from .parsers_marks import Reading, Stats


@dataclass(frozen=True, slots=True)
class EvaluationFields:
    """What the two bulletin parsers read from one evaluation."""

    id: str
    subject: str
    title: str
    day: date | None
    coefficient: float | None
    reading: Reading
    stats: Stats
    comment: str | None = None


def evaluation_date(day: date | None, reading: Reading, semester: Semester) -> date:
    """The date shown for an evaluation.

    An evaluation without a scheduled date gets a stable date inside its semester: the
    semester's first day once it is graded (so it never poses as the latest grade just
    because its date is unknown) and the semester's last day while it is still to come
    (an upcoming evaluation "some time this semester").
    """
    if day is not None:
        return day
    return semester.end if reading.mark is GradeMark.PENDING else semester.start


def to_grade(fields: EvaluationFields, semester: Semester) -> Grade:
    """A Grade on the bulletin's /20 scale; special marks keep their raw text."""
    reading = fields.reading
    return Grade(
        id=fields.id,
        subject=fields.subject,
        title=fields.title or fields.subject,
        date=evaluation_date(fields.day, reading, semester),
        value=reading.value,
        out_of=BULLETIN_SCALE,
        coefficient=1.0 if fields.coefficient is None else fields.coefficient,
        mark=reading.mark,
        raw=reading.raw,
        period_id=str(semester.id),
        class_average=fields.stats.average,
        class_min=fields.stats.minimum,
        class_max=fields.stats.maximum,
        significant=reading.value is not None,
        comment=fields.comment,
    )
