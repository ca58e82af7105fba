"""Department, student, semester and attendance parsers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.scodoc.models import Semester
from custom_components.schoolbag.client.scodoc.parsers_attendance import (
    parse_attendance,
    parse_justifications,
)
from custom_components.schoolbag.client.scodoc.parsers_departments import (
    parse_department,
    parse_departments,
)
from custom_components.schoolbag.client.scodoc.parsers_semesters import (
    current_semester,
    parse_semesters,
)
from custom_components.schoolbag.client.scodoc.parsers_students import (
    parse_student,
    parse_students,
)


def test_departments_sorted_with_names_and_visibility() -> None:
    found = parse_departments(
        [
            {"acronym": "RT", "dept_name": "Réseaux", "visible": True},
            {"acronym": "Informatique", "dept_name": None, "description": "Info", "visible": 0},
            {"acronym": "GMP"},
            {"dept_name": "no acronym"},
            "junk",
        ]
    )
    assert [(d.acronym, d.name, d.visible) for d in found] == [
        ("GMP", "GMP", True),
        ("Informatique", "Info", False),
        ("RT", "Réseaux", True),
    ]
    assert parse_department({"acronym": "RT", "dept_name": "Réseaux"}).name == "Réseaux"
    with pytest.raises(ProtocolChangedError):
        parse_departments({"acronym": "RT"})
    with pytest.raises(ProtocolChangedError):
        parse_department({"dept_name": "x"})


def test_student_with_optional_members_missing_or_null() -> None:
    student = parse_student(
        {
            "id": 90417,
            "nom": "PETIT-MARTIN",
            "prenom": "ÉLODIE",
            "code_nip": None,
            "extra": {"x": 1},
        }
    )
    assert (student.etudid, student.nip, student.full_name) == (90417, None, "Élodie Petit-Martin")
    assert student.department is None
    used = parse_student({"etudid": "12", "nom": "DUPONT", "nom_usuel": "Martin", "prenom": "Léa"})
    assert (used.etudid, used.last_name, used.first_name) == (12, "Martin", "Léa")
    with pytest.raises(ProtocolChangedError):
        parse_student({"nom": "X"})
    with pytest.raises(ProtocolChangedError):
        parse_student([])


def test_students_list_sorted_and_tolerant() -> None:
    found = parse_students(
        [
            {"id": 2, "nom": "B", "prenom": "x"},
            {"nom": "no id"},
            {"id": 1, "nom": "A", "prenom": "y"},
        ]
    )
    assert [s.etudid for s in found] == [1, 2]
    with pytest.raises(ProtocolChangedError):
        parse_students({"id": 1})


def _semester(sid: int, start: str, end: str, year: object, number: int) -> dict[str, object]:
    return {
        "id": sid,
        "titre_num": f"S{number}",
        "date_debut_iso": start,
        "date_fin_iso": end,
        "annee_scolaire": year,
        "semestre_id": number,
    }


def test_semesters_parse_both_date_forms_and_old_year_strings() -> None:
    found = parse_semesters(
        [
            _semester(2, "2025-09-01", "2026-01-25", 2025, 3),
            {
                "formsemestre_id": 1,
                "titre": "Ancien",
                "date_debut": "01/09/2022",
                "date_fin": "25/01/2023",
                "annee_scolaire": "2022 - 2023",
            },
            {"id": 3, "date_debut_iso": None},
            "junk",
        ]
    )
    assert [(s.id, s.title, s.school_year) for s in found] == [(1, "Ancien", 2022), (2, "S3", 2025)]
    assert found[0].start == date(2022, 9, 1)
    period = found[0].period(date(2025, 10, 1))
    assert (period.id, period.closed, period.yearly) == ("1", True, False)
    with pytest.raises(ProtocolChangedError):
        parse_semesters({})


def test_current_semester_choice() -> None:
    s1 = Semester(1, "S1", date(2024, 9, 1), date(2025, 1, 25), 2024, 1)
    s2 = Semester(2, "S2", date(2025, 1, 20), date(2025, 6, 30), 2024, 2)
    s3 = Semester(3, "S3", date(2025, 9, 1), date(2026, 1, 25), 2025, 3)
    semesters = [s1, s2, s3]
    assert current_semester(semesters, date(2025, 1, 22)) is s2  # overlap: the latest one
    assert current_semester(semesters, date(2025, 10, 1)) is s3
    assert current_semester(semesters, date(2025, 8, 1)) is s2  # between two: the last started
    assert current_semester(semesters, date(2024, 8, 1)) is s1  # before any: the first
    assert current_semester([], date(2025, 1, 1)) is None


def test_attendance_absences_delays_and_justifications() -> None:
    justifications = parse_justifications(
        [
            {"justif_id": 3310, "etat": "VALIDE", "raison": "Rendez-vous médical"},
            {"justif_id": 3320, "etat": "ATTENTE", "raison": None},
            {"justif_id": "x"},
        ]
    )
    life = parse_attendance(
        [
            {
                "assiduite_id": 1,
                "etat": "ABSENT",
                "moduleimpl_id": 7301,
                "date_debut": "2025-11-18T10:15:00+0100",
                "date_fin": "2025-11-18T12:15:00+0100",
                "est_just": True,
                "justificatifs": [{"justif_id": 3310}],
            },
            {
                "assiduite_id": 2,
                "etat": "absent",
                "moduleimpl_id": None,
                "desc": "TD",
                "date_debut": "2025-06-02T08:00:00+02:00",
                "date_fin": None,
                "justificatifs": [{"justif_id": 3320}],
            },
            {
                "assiduite_id": 3,
                "etat": "RETARD",
                "date_debut": "2025-11-20T08:10:00+01:00",
                "est_just": False,
            },
            {"assiduite_id": 4, "etat": "PRESENT", "date_debut": "2025-11-21T08:00:00+01:00"},
            {"assiduite_id": 5, "etat": "ABSENT", "date_debut": None},
            {
                "etat": "ABSENT",
                "moduleimpl_id": 99,
                "date_debut": "2025-11-22T08:00:00+01:00",
                "est_just": None,
                "justificatifs": [{"justif_id": 3310}],
            },
        ],
        justifications,
        {7301: "Développement web"},
    )
    first, second, third = life.absences
    assert (first.id, first.label, first.justified, first.reason) == (
        "2025-11-22T08:00:00+01:00",
        "Absence",
        True,
        "Rendez-vous médical",
    )
    assert (second.id, second.label, second.justified, second.reason) == (
        "1",
        "Développement web",
        True,
        "Rendez-vous médical",
    )
    assert second.start is not None
    assert second.end is not None
    assert second.end - second.start == timedelta(hours=2)
    assert second.date == date(2025, 11, 18)
    # A waiting justificatif does not justify; the description is the fallback reason.
    assert (third.label, third.justified, third.reason, third.end) == ("TD", False, "TD", None)
    assert [(d.id, d.label, d.justified) for d in life.delays] == [("3", "Retard", False)]


def test_attendance_answers_that_are_not_lists_are_refused() -> None:
    with pytest.raises(ProtocolChangedError):
        parse_attendance({"absent": 1})
    with pytest.raises(ProtocolChangedError):
        parse_justifications("none")
    assert parse_attendance([]).absences == ()
