"""Grades, periods and averages from notes.awp payloads."""

from __future__ import annotations

from datetime import date
import json
from typing import Any

import pytest

from custom_components.schoolbag.client.ecoledirecte.parsers_grades import parse_grades
from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.models import Grade, GradeMark

NOTES: dict[str, Any] = json.loads(
    """
{
  "foStat": "x",
  "parametrage": {"moyenneSur": 20, "moyenneGenerale": false},
  "periodes": [
    {"idPeriode": "A001", "codePeriode": "A001", "periode": "1er Trimestre", "annuel": false,
     "cloture": true, "dateDebut": "2025-09-01", "dateFin": "2025-11-30",
     "ensembleMatieres": {
       "moyenneGenerale": "", "moyenneClasse": "11,9", "moyenneMin": "6.5", "moyenneMax": "17,02",
       "disciplines": [
         {"id": 1, "codeMatiere": "SCI", "discipline": "SCIENCES", "groupeMatiere": true,
          "moyenne": "", "coef": 0},
         {"id": 2, "codeMatiere": "MATHS", "discipline": "MATHEMATIQUES", "moyenne": "14,5",
          "moyenneClasse": "12.61", "moyenneMin": "4,5", "moyenneMax": "19", "coef": 3},
         {"id": 3, "codeMatiere": "FRANC", "discipline": "FRANCAIS", "moyenne": "10",
          "coef": 0},
         {"id": 4, "codeMatiere": "FRANC", "codeSousMatiere": "ORAL", "discipline": "Oral",
          "sousMatiere": true, "moyenne": "2"},
         {"id": 5, "codeMatiere": "EPS", "discipline": "EPS", "moyenne": null, "coef": "1"}
       ]}},
    {"idPeriode": "A002", "codePeriode": "A002", "periode": "2ème Trimestre",
     "dateDebut": "2025-12-01", "dateFin": "2026-03-01",
     "ensembleMatieres": {"moyenneGenerale": "13,25", "disciplines": null}},
    {"idPeriode": "A999Z", "codePeriode": "A999Z", "periode": "Année", "annuel": true,
     "dateDebut": "2025-09-01", "dateFin": "2026-07-04"},
    {"idPeriode": "BROKEN", "periode": "Sans dates"}
  ],
  "notes": [
    {"id": 10, "devoir": "Contrôle chapitre 3", "codePeriode": "A001", "codeMatiere": "MATHS",
     "libelleMatiere": "MATHEMATIQUES", "coef": "0.5", "noteSur": "20", "valeur": "14,5",
     "nonSignificatif": false, "date": "2025-09-23", "dateSaisie": "2025-10-04",
     "moyenneClasse": "12.61", "minClasse": "4,5", "maxClasse": "19", "commentaire": ""},
    {"id": 11, "devoir": "Oral", "codePeriode": "A001", "libelleMatiere": "ANGLAIS",
     "coef": "1", "noteSur": "10", "valeur": "Abs", "date": "2025-09-24"},
    {"id": 12, "devoir": "Natation", "libelleMatiere": "EPS", "noteSur": "20",
     "valeur": "Disp", "date": "2025-09-25"},
    {"id": 13, "devoir": "Rédaction", "libelleMatiere": "FRANCAIS", "noteSur": "20",
     "valeur": "NE", "date": "2025-09-26"},
    {"id": 14, "devoir": "Exposé", "libelleMatiere": "HISTOIRE", "noteSur": "20",
     "valeur": "EA", "date": "2025-09-27"},
    {"id": 15, "devoir": "Compétences", "libelleMatiere": "TECHNO", "noteSur": "0",
     "valeur": "", "date": "2025-09-28",
     "elementsProgramme": [{"idCompetence": 1, "valeur": "3"}]},
    {"id": 16, "devoir": "Bonus", "libelleMatiere": "MATHEMATIQUES", "noteSur": 20,
     "valeur": "18", "coef": 2, "nonSignificatif": true, "date": "2025-09-29",
     "commentaire": "Bravo"},
    {"id": 17, "devoir": "Lettre", "libelleMatiere": "ARTS", "enLettre": true,
     "noteSur": "20", "valeur": "A+", "date": "2025-09-30", "coef": "bad"},
    {"id": 18, "devoir": "Zéro", "libelleMatiere": "PHYSIQUE", "noteSur": "20",
     "valeur": "0", "date": "2025-10-01"},
    {"id": 19, "devoir": "Sans date", "libelleMatiere": "X", "valeur": "12"},
    {"devoir": "Sans id", "date": "2025-10-01", "valeur": "12"},
    "not an object"
  ]
}
"""
)


def _grade(grades: tuple[Grade, ...], grade_id: str) -> Grade:
    return next(grade for grade in grades if grade.id == grade_id)


def test_numeric_grade_with_comma_decimal() -> None:
    book = parse_grades(NOTES)
    grade = _grade(book.grades, "10")
    assert grade.value == 14.5
    assert grade.out_of == 20.0
    assert grade.coefficient == 0.5
    assert grade.mark is None
    assert grade.raw == "14,5"
    assert grade.subject == "MATHEMATIQUES"
    assert grade.title == "Contrôle chapitre 3"
    assert grade.date == date(2025, 9, 23)
    assert grade.entered == date(2025, 10, 4)
    assert grade.period_id == "A001"
    assert (grade.class_average, grade.class_min, grade.class_max) == (12.61, 4.5, 19.0)
    assert grade.comment is None
    assert grade.significant is True


@pytest.mark.parametrize(
    ("grade_id", "mark"),
    [
        ("11", GradeMark.ABSENT),
        ("12", GradeMark.EXEMPT),
        ("13", GradeMark.NOT_GRADED),
        ("14", GradeMark.PENDING),
        ("17", GradeMark.OTHER),
    ],
)
def test_special_marks_are_never_zero(grade_id: str, mark: GradeMark) -> None:
    grade = _grade(parse_grades(NOTES).grades, grade_id)
    assert grade.mark is mark
    assert grade.value is None


def test_letter_grade_keeps_raw_and_defaults_coefficient() -> None:
    grade = _grade(parse_grades(NOTES).grades, "17")
    assert grade.raw == "A+"
    assert grade.coefficient == 1.0


def test_competence_only_evaluation() -> None:
    grade = _grade(parse_grades(NOTES).grades, "15")
    assert grade.value is None
    assert grade.out_of is None
    assert grade.mark is None


def test_non_significant_and_real_zero() -> None:
    book = parse_grades(NOTES)
    bonus = _grade(book.grades, "16")
    assert bonus.significant is False
    assert bonus.value == 18.0
    assert bonus.coefficient == 2.0
    assert bonus.comment == "Bravo"
    zero = _grade(book.grades, "18")
    assert zero.value == 0.0
    assert zero.mark is None


def test_broken_grades_are_skipped_and_sorted() -> None:
    book = parse_grades(NOTES)
    assert [grade.id for grade in book.grades] == [
        "10", "11", "12", "13", "14", "15", "16", "17", "18"
    ]  # fmt: skip


def test_periods() -> None:
    book = parse_grades(NOTES)
    assert [period.id for period in book.periods] == ["A001", "A002", "A999Z"]
    first, _, year = book.periods
    assert first.name == "1er Trimestre"
    assert first.closed is True
    assert (first.start, first.end) == (date(2025, 9, 1), date(2025, 11, 30))
    assert year.yearly is True
    assert book.current_period(date(2025, 10, 1)) == first
    assert book.current_period(date(2025, 12, 5)) is not None
    assert book.current_period(date(2025, 8, 1)) is None


def test_subject_averages_skip_group_and_sub_subject_rows() -> None:
    book = parse_grades(NOTES)
    first = [average for average in book.averages if average.period_id == "A001"]
    subjects = {average.subject: average for average in first}
    assert set(subjects) == {"MATHEMATIQUES", "FRANCAIS", "EPS", None}
    maths = subjects["MATHEMATIQUES"]
    assert maths.value == 14.5
    assert (maths.class_average, maths.class_min, maths.class_max) == (12.61, 4.5, 19.0)
    assert maths.out_of == 20.0
    assert subjects["EPS"].value is None


def test_hidden_overall_average_is_coefficient_weighted() -> None:
    overall = next(
        average
        for average in parse_grades(NOTES).averages
        if average.period_id == "A001" and average.subject is None
    )
    # (14.5 * 3 + 10 * 1 [coef 0 counts as 1]) / 4
    assert overall.value == 13.38
    assert overall.class_average == 11.9
    assert overall.class_min == 6.5
    assert overall.class_max == 17.02


def test_given_overall_average_wins() -> None:
    overall = [average for average in parse_grades(NOTES).averages if average.period_id == "A002"]
    assert len(overall) == 1
    assert overall[0].subject is None
    assert overall[0].value == 13.25


def test_null_and_empty_payloads() -> None:
    book = parse_grades({"periodes": None, "notes": None, "parametrage": None})
    assert book.grades == ()
    assert book.periods == ()
    assert book.averages == ()
    assert parse_grades(None).grades == ()


def test_unexpected_shape_is_protocol_changed() -> None:
    with pytest.raises(ProtocolChangedError):
        parse_grades([1, 2])
