"""Lessons from emploidutemps.awp payloads."""

from __future__ import annotations

from datetime import date, datetime
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.ecoledirecte.parsers_timetable import parse_timetable
from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.models import LessonStatus

PARIS = ZoneInfo("Europe/Paris")
LESSONS: list[Any] = json.loads(
    """
[
  {"id": 3, "text": "FRANCAIS", "matiere": "FRANCAIS", "codeMatiere": "FRANC",
   "typeCours": "COURS", "start_date": "2025-10-13 10:00", "end_date": "2025-10-13 11:00",
   "prof": "Mme DURAND A.", "salle": "B12", "classe": "3B", "groupe": "",
   "isModifie": true, "isAnnule": false},
  {"id": 1, "text": "MATHEMATIQUES", "matiere": "MATHEMATIQUES", "typeCours": "COURS",
   "start_date": "2025-10-13 08:00", "end_date": "2025-10-13 09:00", "prof": "M. MARTIN P.",
   "salle": "", "groupe": "3B GR1", "isAnnule": false, "isModifie": false},
  {"id": 2, "text": "HISTOIRE", "matiere": "HISTOIRE", "typeCours": "COURS",
   "start_date": "2025-10-13 09:00", "end_date": "2025-10-13 10:00",
   "isAnnule": true, "isModifie": true},
  {"id": 4, "text": "Devoir surveillé de mathématiques", "matiere": "",
   "typeCours": "EVENEMENT", "start_date": "2025-10-14 14:00", "end_date": "2025-10-14 16:00"},
  {"id": 5, "text": "Sortie au musée", "matiere": "", "typeCours": "EVENEMENT",
   "start_date": "2025-10-14 08:00", "end_date": "2025-10-14 12:00"},
  {"id": 6, "text": "", "matiere": "", "typeCours": "PERMANENCE",
   "start_date": "2025-10-15 08:00", "end_date": "2025-10-15 09:00"},
  {"id": 7, "text": "DS", "matiere": "PHYSIQUE", "typeCours": "EVENEMENT",
   "start_date": "2025-12-01 08:00", "end_date": "2025-12-01 09:00"},
  {"id": 8, "text": "Cours", "matiere": "SVT", "typeCours": "NOUVEAU_TYPE",
   "start_date": "2025-10-16 08:00", "end_date": "2025-10-16 09:00"},
  {"id": 9, "matiere": "HORS PERIODE", "typeCours": "COURS",
   "start_date": "2025-10-20 08:00", "end_date": "2025-10-20 09:00"},
  {"id": 10, "matiere": "SANS DATE", "typeCours": "COURS"},
  "garbage"
]
"""
)


def _lessons() -> dict[str, Any]:
    lessons = parse_timetable(LESSONS, date(2025, 10, 13), date(2025, 12, 1))
    return {lesson.id: lesson for lesson in lessons}


def test_sorted_and_filtered_by_range() -> None:
    lessons = parse_timetable(LESSONS, date(2025, 10, 13), date(2025, 10, 19))
    assert [lesson.id for lesson in lessons] == ["1", "2", "3", "5", "4", "6", "8"]


def test_timezone_aware_paris_time() -> None:
    maths = _lessons()["1"]
    assert maths.start == datetime(2025, 10, 13, 8, 0, tzinfo=PARIS)
    assert maths.end == datetime(2025, 10, 13, 9, 0, tzinfo=PARIS)
    assert maths.start.utcoffset() is not None
    assert maths.start.isoformat() == "2025-10-13T08:00:00+02:00"
    december = _lessons()["7"]
    assert december.start.isoformat() == "2025-12-01T08:00:00+01:00"


def test_fields() -> None:
    lessons = _lessons()
    maths = lessons["1"]
    assert maths.subject == "MATHEMATIQUES"
    assert maths.teachers == ("M. MARTIN P.",)
    assert maths.rooms == ()
    assert maths.group == "3B GR1"
    assert maths.note is None
    french = lessons["3"]
    assert french.rooms == ("B12",)
    assert french.group == "3B"


@pytest.mark.parametrize(
    ("lesson_id", "status"),
    [
        ("1", LessonStatus.NORMAL),
        ("2", LessonStatus.CANCELLED),  # cancelled wins over changed
        ("3", LessonStatus.CHANGED),
        ("4", LessonStatus.EXAM),
        ("5", LessonStatus.NORMAL),
        ("7", LessonStatus.EXAM),
        ("8", LessonStatus.NORMAL),
    ],
)
def test_status(lesson_id: str, status: LessonStatus) -> None:
    assert _lessons()[lesson_id].status is status


def test_events_and_unknown_types() -> None:
    lessons = _lessons()
    exam = lessons["4"]
    assert exam.subject == "Devoir surveillé de mathématiques"
    study = lessons["6"]
    assert study.subject == "Permanence"
    unknown = lessons["8"]
    assert unknown.subject == "SVT"
    assert unknown.note == "Cours"


def test_null_is_empty_and_object_is_protocol_changed() -> None:
    assert parse_timetable(None, date(2025, 1, 1), date(2025, 1, 2)) == []
    with pytest.raises(ProtocolChangedError):
        parse_timetable({"oops": 1}, date(2025, 1, 1), date(2025, 1, 2))
