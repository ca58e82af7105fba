"""Parsing lessons: statuses, contents, missing fields, end times from slots, time zones."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.schoolbag.client.models import LessonStatus
from custom_components.schoolbag.client.pronote.parsers_account import (
    SchoolYear,
    parse_school_year,
)
from custom_components.schoolbag.client.pronote.parsers_timetable import (
    lessons_between,
    page_lessons,
    week_range,
)

PARIS = ZoneInfo("Europe/Paris")
REUNION = ZoneInfo("Indian/Reunion")


def _hours(times: list[str]) -> dict[str, Any]:
    return {"_T": 24, "V": [{"G": slot, "L": text} for slot, text in enumerate(times)]}


def _year() -> SchoolYear:
    return parse_school_year(
        {
            "General": {
                "PremierLundi": {"_T": 7, "V": "01/09/2025"},
                "PremiereDate": {"_T": 7, "V": "01/09/2025"},
                "DerniereDate": {"_T": 7, "V": "03/07/2026"},
                "PlacesParJour": 4,
                "ListeHeures": _hours(["08h00", "09h00", "10h00", "11h00", "12h00"]),
                "ListeHeuresFin": _hours(["09h00", "10h00", "11h00", "12h00", "13h00"]),
            }
        }
    )


def _contents(*items: tuple[int, str]) -> dict[str, Any]:
    return {"_T": 24, "V": [{"N": f"x{i}", "G": g, "L": name} for i, (g, name) in enumerate(items)]}


def _lesson(start: str, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "N": "20#c",
        "place": 1,
        "duree": 1,
        "DateDuCours": {"_T": 7, "V": start},
        "ListeContenus": _contents((16, "MATHEMATIQUES"), (3, "MARTIN P."), (17, "B204")),
    }
    item.update(extra)
    return item


def _parse(*items: dict[str, Any], zone: ZoneInfo = PARIS) -> list[Any]:
    return _lessons([{"ListeCours": list(items)}], date(2025, 9, 1), date(2026, 7, 3), zone)


def _lessons(
    pages: list[dict[str, Any]], start: date, end: date, zone: ZoneInfo = PARIS
) -> list[Any]:
    """What the client shows of these answers from ``start`` to ``end``."""
    return lessons_between([page_lessons(page, _year(), zone) for page in pages], start, end)


def test_normal_lesson_with_contents() -> None:
    (lesson,) = _parse(
        _lesson(
            "15/09/2025 09:00:00",
            DateDuCoursFin={"_T": 7, "V": "15/09/2025 10:00:00"},
            ListeContenus=_contents(
                (16, "MATHEMATIQUES"),
                (3, "MARTIN P."),
                (34, "DURAND (AED)"),
                (17, "B204"),
                (17, "B205"),
                (2, "3A GR1"),
                (2, "3A GR2"),
            ),
        )
    )
    assert lesson.subject == "MATHEMATIQUES"
    assert lesson.teachers == ("MARTIN P.", "DURAND (AED)")
    assert lesson.rooms == ("B204", "B205")
    assert lesson.group == "3A GR1, 3A GR2"
    assert lesson.status is LessonStatus.NORMAL
    assert lesson.note is None
    assert lesson.start == datetime(2025, 9, 15, 9, tzinfo=PARIS)
    assert lesson.end == datetime(2025, 9, 15, 10, tzinfo=PARIS)
    assert lesson.id.startswith("l")


def test_statuses() -> None:
    lessons = _parse(
        _lesson("15/09/2025 08:00:00", estAnnule=True, Statut="Prof. absent"),
        _lesson("15/09/2025 09:00:00", dispenseEleve=True),
        _lesson("15/09/2025 10:00:00", cahierDeTextes={"_T": 24, "V": {"estDevoir": True}}),
        _lesson("15/09/2025 11:00:00", Statut="Changement de salle", memo="Apporter le compas"),
        _lesson("15/09/2025 12:00:00", estRetire=True),
    )
    assert [lesson.status for lesson in lessons] == [
        LessonStatus.CANCELLED,
        LessonStatus.EXEMPTED,
        LessonStatus.EXAM,
        LessonStatus.CHANGED,
    ]
    assert lessons[0].note == "Prof. absent"
    assert lessons[3].note == "Changement de salle\nApporter le compas"


def test_end_from_slots_when_missing() -> None:
    # place 5 = slot 1 of the second day (4 slots a day); 2 slots -> ends at slot 2's end.
    (lesson,) = _parse(_lesson("16/09/2025 09:00:00", place=5, duree=2))
    assert lesson.end == datetime(2025, 9, 16, 11, tzinfo=PARIS)
    (short,) = _parse(_lesson("16/09/2025 09:00:00", place=None, duree=None))
    assert short.end == short.start
    (wrong,) = _parse(
        _lesson("16/09/2025 09:00:00", DateDuCoursFin={"_T": 7, "V": "16/09/2025 08:00:00"})
    )
    assert wrong.end == wrong.start


def test_missing_fields_do_not_break_the_week() -> None:
    lessons = _parse(
        {"N": "x"},
        {"DateDuCours": {"_T": 7, "V": "bad"}},
        _lesson("17/09/2025 08:00:00", ListeContenus=None),
        _lesson("17/09/2025 09:00:00", ListeContenus={"_T": 24, "V": [{"G": 16}, "odd"]}),
    )
    assert [lesson.subject for lesson in lessons] == ["", ""]


def test_detention_and_outing_without_subject() -> None:
    lessons = _parse(
        _lesson("18/09/2025 13:00:00", ListeContenus=_contents((3, "M. X")), estRetenue=True),
        _lesson(
            "18/09/2025 14:00:00",
            ListeContenus=_contents(),
            estSortiePedagogique=True,
            motif="Musée d'Orsay",
        ),
        _lesson("18/09/2025 15:00:00", ListeContenus=_contents(), estSortiePedagogique=True),
        _lesson("18/09/2025 16:00:00", ListeContenus=_contents((99, "Conseil de classe"))),
    )
    assert [lesson.subject for lesson in lessons] == [
        "Retenue",
        "Musée d'Orsay",
        "Sortie pédagogique",
        "Conseil de classe",
    ]
    assert lessons[2].note is None


def test_outing_with_a_subject_keeps_the_reason_in_the_note() -> None:
    (lesson,) = _parse(_lesson("18/09/2025 14:00:00", estSortiePedagogique=True, motif="Musée"))
    assert lesson.subject == "MATHEMATIQUES"
    assert lesson.note == "Musée"


def test_time_zones_and_daylight_saving() -> None:
    winter, summer = _parse(_lesson("12/01/2026 08:00:00"), _lesson("15/06/2026 08:00:00"))
    assert winter.start.utcoffset() == timedelta(hours=1)
    assert summer.start.utcoffset() == timedelta(hours=2)
    (overseas,) = _parse(_lesson("12/01/2026 08:00:00"), zone=REUNION)
    assert overseas.start.utcoffset() == timedelta(hours=4)


def test_filtering_sorting_and_stable_ids() -> None:
    pages = [
        {"ListeCours": [_lesson("19/09/2025 10:00:00"), _lesson("15/09/2025 08:00:00")]},
        {"ListeCours": [_lesson("22/09/2025 08:00:00")]},
    ]
    lessons = _lessons(pages, date(2025, 9, 15), date(2025, 9, 19))
    assert [lesson.start.day for lesson in lessons] == [15, 19]
    again = _lessons(pages, date(2025, 9, 15), date(2025, 9, 19))
    assert [lesson.id for lesson in again] == [lesson.id for lesson in lessons]
    twins = _parse(_lesson("15/09/2025 08:00:00"), _lesson("15/09/2025 08:00:00", estAnnule=True))
    assert len({lesson.id for lesson in twins}) == 2


def test_week_range() -> None:
    year = _year()
    assert list(week_range(year, date(2025, 9, 1), date(2025, 9, 14))) == [1, 2]
    assert list(week_range(year, date(2025, 8, 20), date(2025, 9, 2))) == [1]
    assert list(week_range(year, date(2026, 6, 29), date(2026, 8, 30))) == [44]
    assert not week_range(year, date(2026, 8, 1), date(2026, 8, 30))
    assert year.week(date(2026, 1, 5)) == 19
