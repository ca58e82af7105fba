"""Parse ``emploidutemps.awp`` lessons."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
import re
from typing import Any

from ..models import Lesson, LessonStatus
from ..values import flag, identifier, local_datetime, optional_text, text
from .payloads import SCHOOL_TZ, require_list

_EVENT_TYPE = "EVENEMENT"
_LESSON_TYPE = "COURS"
# Exams show up as events titled "Examen", "DS", "Devoir surveillé", "Bac blanc"...
_EXAM_WORDS = re.compile(
    r"\b(examens?|devoirs? surveill[ée]s?|bac blanc|brevet blanc|dnb blanc|partiels?)\b",
    re.IGNORECASE,
)
_EXAM_ACRONYMS = re.compile(r"\b(DS|DST|CCF)\b")


def _is_exam(*labels: str) -> bool:
    return any(_EXAM_WORDS.search(label) or _EXAM_ACRONYMS.search(label) for label in labels)


def _status(item: Mapping[str, Any], kind: str, label: str, subject: str) -> LessonStatus:
    if flag(item.get("isAnnule")):
        return LessonStatus.CANCELLED
    if flag(item.get("isModifie")):
        return LessonStatus.CHANGED
    if kind == _EVENT_TYPE and _is_exam(label, subject):
        return LessonStatus.EXAM
    return LessonStatus.NORMAL


def _parse_lesson(item: Mapping[str, Any]) -> Lesson | None:
    lesson_id = identifier(item.get("id"))
    start = local_datetime(item.get("start_date"), SCHOOL_TZ)
    end = local_datetime(item.get("end_date"), SCHOOL_TZ)
    if lesson_id is None or start is None:
        return None
    if end is None or end < start:
        end = start
    kind = text(item.get("typeCours")).upper()
    label = text(item.get("text"))
    subject = text(item.get("matiere")) or label or kind.capitalize()
    teacher = text(item.get("prof"))
    room = text(item.get("salle"))
    note = label if label and label != subject else None
    if note is None and kind and kind not in {_LESSON_TYPE, _EVENT_TYPE}:
        note = kind.capitalize()
    return Lesson(
        id=lesson_id,
        start=start,
        end=end,
        subject=subject,
        teachers=(teacher,) if teacher else (),
        rooms=(room,) if room else (),
        group=optional_text(item.get("groupe")) or optional_text(item.get("classe")),
        status=_status(item, kind, label, subject),
        note=note,
    )


def parse_timetable(data: object, start: date, end: date) -> list[Lesson]:
    """Return lessons starting between ``start`` and ``end`` (inclusive), sorted."""
    lessons = [
        lesson
        for item in require_list(data, "timetable")
        if isinstance(item, dict)
        and (lesson := _parse_lesson(item)) is not None
        and start <= lesson.start.date() <= end
    ]
    lessons.sort(key=lambda lesson: (lesson.start, lesson.end, lesson.id))
    return lessons
