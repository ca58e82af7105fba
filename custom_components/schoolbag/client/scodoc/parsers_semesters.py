"""Parse formsemestre objects and pick the current one (ScoDoc protocol §4.3, 6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import ProtocolChangedError
from ..values import as_dicts, local_date, text
from .const import SCHOOL_TZ
from .fields import integer
from .models import Semester


def parse_semester(item: dict[str, Any]) -> Semester | None:
    """One formsemestre; None when it has no id or no dates."""
    semester_id = integer(item.get("formsemestre_id", item.get("id")))
    start = local_date(item.get("date_debut_iso"), SCHOOL_TZ) or local_date(
        item.get("date_debut"), SCHOOL_TZ
    )
    end = local_date(item.get("date_fin_iso"), SCHOOL_TZ) or local_date(
        item.get("date_fin"), SCHOOL_TZ
    )
    if semester_id is None or start is None or end is None:
        return None
    year = item.get("annee_scolaire")
    return Semester(
        id=semester_id,
        title=text(item.get("titre_num")) or text(item.get("titre")) or f"Semestre {semester_id}",
        start=start,
        end=end,
        # Mid-2022 servers sent "2022 - 2023": keep the start year.
        school_year=integer(year) if not isinstance(year, str) else integer(year[:4]),
        number=integer(item.get("semestre_id")),
    )


def parse_semesters(data: Any) -> list[Semester]:
    """A student's semesters, oldest first."""
    if not isinstance(data, list):
        raise ProtocolChangedError("ScoDoc's semester list is not a list")
    semesters = {s.id: s for item in as_dicts(data) if (s := parse_semester(item)) is not None}
    return sorted(semesters.values(), key=lambda s: (s.start, s.end, s.id))


def _latest_key(semester: Semester) -> tuple[int, int, date]:
    return (semester.school_year or 0, semester.number or 0, semester.start)


def current_semester(semesters: list[Semester], today: date) -> Semester | None:
    """The semester containing today, the latest (year, number) one when several overlap.

    Between two semesters, the latest one already started; before any, the first one.
    """
    running = [s for s in semesters if s.contains(today)]
    if running:
        return max(running, key=_latest_key)
    started = [s for s in semesters if s.start <= today]
    if started:
        return max(started, key=lambda s: (s.end, s.start))
    return min(semesters, key=lambda s: s.start, default=None)
