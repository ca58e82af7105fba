"""Parse ``PageEmploiDuTemps`` lessons (Pronote protocol §6.1)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..models import Lesson, LessonStatus
from ..values import aware
from .const import KIND_GROUP, KIND_ROOM, KIND_STAFF, KIND_SUBJECT, KIND_TEACHER
from .dates import local_datetime
from .parsers_account import SchoolYear
from .stable_ids import IdMaker
from .typed_values import as_dict, as_dicts, flag, integer, listed, text

_DETENTION = "Retenue"
_OUTING = "Sortie pédagogique"


def _end(item: dict[str, Any], start: datetime, year: SchoolYear) -> datetime:
    """``DateDuCoursFin``, else the end of the last slot (``place`` + ``duree``)."""
    end = local_datetime(item.get("DateDuCoursFin"))
    if end is None:
        place, duration = integer(item.get("place")), integer(item.get("duree"))
        if place is not None and duration:
            slot_end = year.slot_end(place, duration)
            if slot_end is not None:
                end = datetime.combine(start.date(), slot_end)
    if end is None or end < start:
        return start
    return end


def _status(item: dict[str, Any]) -> LessonStatus:
    if flag(item.get("estAnnule")):
        return LessonStatus.CANCELLED
    if flag(item.get("dispenseEleve")):
        return LessonStatus.EXEMPTED
    if flag(as_dict(item.get("cahierDeTextes")).get("estDevoir")):
        return LessonStatus.EXAM
    if text(item.get("Statut")):
        return LessonStatus.CHANGED
    return LessonStatus.NORMAL


def _lesson(item: dict[str, Any], year: SchoolYear, zone: ZoneInfo, ids: IdMaker) -> Lesson | None:
    start = local_datetime(item.get("DateDuCours"))
    if start is None or flag(item.get("estRetire")):
        return None
    end = _end(item, start, year)
    subjects: list[str] = []
    teachers: list[str] = []
    rooms: list[str] = []
    groups: list[str] = []
    others: list[str] = []
    for content in as_dicts(item.get("ListeContenus")):
        name = text(content.get("L"))
        if not name:
            continue
        kind = integer(content.get("G"))
        if kind == KIND_SUBJECT:
            subjects.append(name)
        elif kind in (KIND_TEACHER, KIND_STAFF):
            teachers.append(name)
        elif kind == KIND_ROOM:
            rooms.append(name)
        elif kind == KIND_GROUP:
            groups.append(name)
        else:
            others.append(name)
    outing = flag(item.get("estSortiePedagogique"))
    subject = next(iter(subjects), "")
    if not subject:
        if flag(item.get("estRetenue")):
            subject = _DETENTION
        elif outing:
            subject = text(item.get("motif")) or _OUTING
        else:
            subject = next(iter(others), "")
    notes = [text(item.get("Statut")), text(item.get("memo"))]
    reason = text(item.get("motif")) or _OUTING
    if outing and reason != subject:
        notes.append(reason)
    note = "\n".join(dict.fromkeys(line for line in notes if line))
    return Lesson(
        id=ids.make(start.isoformat(), subject, prefix="l"),
        start=aware(start, zone),
        end=aware(end, zone),
        subject=subject,
        teachers=tuple(teachers),
        rooms=tuple(rooms),
        group=", ".join(groups) or None,
        status=_status(item),
        note=note or None,
    )


def page_lessons(data: dict[str, Any], year: SchoolYear, zone: ZoneInfo) -> list[Lesson]:
    """Every lesson of one answer; items removed from the timetable (``estRetire``) left out."""
    ids = IdMaker()
    return [
        lesson
        for item in listed(data, "ListeCours", "timetable")
        if (lesson := _lesson(item, year, zone, ids)) is not None
    ]


def lessons_between(pages: Iterable[Sequence[Lesson]], start: date, end: date) -> list[Lesson]:
    """The lessons of ``pages`` starting from ``start`` to ``end`` inclusive, sorted."""
    lessons = [lesson for page in pages for lesson in page if start <= lesson.start.date() <= end]
    lessons.sort(key=lambda lesson: (lesson.start, lesson.end, lesson.id))
    return lessons


def week_range(year: SchoolYear, start: date, end: date) -> range:
    """The school weeks covering ``start``..``end`` (empty when outside the year)."""
    first, last = year.clamp(start, end)
    if first > last:
        return range(0)
    return range(year.week(first), year.week(last) + 1)
