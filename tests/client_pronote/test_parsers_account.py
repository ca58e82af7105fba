"""Parsing the school year and the user: names, children, tabs, periods."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from custom_components.schoolbag.client.errors import NotSupportedError, ProtocolChangedError
from custom_components.schoolbag.client.models import AccountKind
from custom_components.schoolbag.client.pronote.parsers_account import (
    grade_period_default,
    parse_school_year,
    parse_user,
    split_name,
)


def v(value: Any, kind: int = 24) -> dict[str, Any]:
    return {"_T": kind, "V": value}


GENERAL = {
    "General": {
        "PremierLundi": v("01/09/2025", 7),
        "PremiereDate": v("01/09/2025", 7),
        "DerniereDate": v("03/07/2026", 7),
        "PlacesParJour": 20,
        "ListeHeures": v([{"G": 0, "L": "08h00"}, {"G": 1, "L": "08h30"}, {"G": 2, "L": "25h00"}]),
        "ListeHeuresFin": v([{"G": 0, "L": "08h30"}, {"G": 2, "L": "25h00"}, {"L": "x"}]),
        "ListePeriodes": [
            {
                "N": "1#T1",
                "L": "Trimestre 1",
                "G": 2,
                "dateDebut": v("01/09/2025", 7),
                "dateFin": v("30/11/2025", 7),
            },
            {
                "N": "1#Y",
                "L": "Année continue",
                "G": 1,
                "dateDebut": v("01/09/2025", 7),
                "dateFin": v("03/07/2026", 7),
            },
            {"N": "1#bad", "L": "Sans dates"},
            {
                "N": "1#T1b",
                "L": "Trimestre 1",
                "dateDebut": v("01/09/2025", 7),
                "dateFin": v("30/11/2025", 7),
            },
        ],
    }
}


def _child(name: str, n: str) -> dict[str, Any]:
    return {
        "N": n,
        "G": 4,
        "L": name,
        "classeDEleve": {"N": "c", "L": "3A"},
        "Etablissement": v({"N": "e", "L": "COLLEGE JEAN MOULIN"}),
        "listeOngletsPourPeriodes": v(
            [
                {
                    "G": 198,
                    "listePeriodes": v([{"N": "1#T1"}, {"N": "1#Y"}, {}]),
                    "periodeParDefaut": v({"N": "1#T1"}),
                },
                {"G": 19, "listePeriodes": v([]), "periodeParDefaut": v({"N": "1#Y"})},
                {"listePeriodes": v([])},
            ]
        ),
    }


TABS = [{"G": 7}, {"G": 16}, {"G": 88, "Onglet": [{"G": 89}, {"G": 90, "Onglet": [{"G": 91}]}]}]


def test_school_year() -> None:
    year = parse_school_year(GENERAL)
    assert year.first_monday == date(2025, 9, 1)
    assert year.last_day == date(2026, 7, 3)
    assert [ref.period.id for ref in year.periods] == [
        "trimestre-1",
        "annee-continue",
        "trimestre-1-bis",
    ]
    first, yearly, _ = year.periods
    assert not first.period.yearly
    assert yearly.period.yearly
    assert first.reference() == {"N": "1#T1", "L": "Trimestre 1", "G": 2}
    assert year.end_times == {0: time(8, 30)}
    assert year.slot_end(20, 1) == time(8, 30)
    assert year.slot_end(20, 2) is None
    assert year.period("1#Y") is yearly
    assert year.period("gone", "Trimestre 1") is first
    assert year.period("gone") is None
    with pytest.raises(ProtocolChangedError):
        parse_school_year({"General": {}})
    bare = parse_school_year({"General": {"PremierLundi": v("01/09/2025", 7)}})
    assert bare.slot_end(1, 1) is None
    assert bare.clamp(date(2025, 1, 1), date(2027, 1, 1)) == (date(2025, 1, 1), date(2027, 1, 1))


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("MARTIN Léa", "Léa", "MARTIN"),
        ("DE LA FONTAINE Jean-Paul", "Jean-Paul", "DE LA FONTAINE"),
        ("N'DIAYE Aïssa", "Aïssa", "N'DIAYE"),
        ("DUPONT MARIE", "MARIE", "DUPONT"),
        ("Léa", "Léa", ""),
        ("", "", ""),
    ],
)
def test_split_name(full: str, first: str, last: str) -> None:
    assert split_name(full) == (first, last)


def test_student_account() -> None:
    user = parse_user({"ressource": _child("MARTIN Léa", "4#a"), "listeOnglets": TABS}, "eleve")
    assert user.account.kind is AccountKind.STUDENT
    assert not user.is_parent
    assert user.tabs == frozenset({7, 16, 88, 89, 90, 91})
    (student,) = user.account.students
    assert (student.first_name, student.last_name) == ("Léa", "MARTIN")
    assert student.class_name == "3A"
    assert student.school_name == "COLLEGE JEAN MOULIN"
    assert user.account.school_name == "COLLEGE JEAN MOULIN"
    context = user.students[student.id]
    assert context.reference() == {"N": "4#a", "G": 4, "L": "MARTIN Léa"}
    assert context.tab_periods[198] == ("1#T1", "1#Y")
    assert grade_period_default(context) == "1#T1"
    # Ids do not depend on the session-scoped N.
    again = parse_user({"ressource": _child("MARTIN Léa", "4#zz"), "listeOnglets": []}, "eleve")
    assert again.account.students[0].id == student.id
    assert again.account.id == user.account.id


def test_parent_account() -> None:
    data = {
        "ressource": {
            "N": "5#p",
            "G": 5,
            "L": "M. MARTIN Julien",
            "listeRessources": [
                _child("MARTIN Léa", "4#a"),
                _child("MARTIN Hugo", "4#b"),
                _child("MARTIN Hugo", "4#c"),
            ],
        },
        "listeOnglets": TABS,
    }
    user = parse_user(data, "parent")
    assert user.is_parent
    assert user.account.kind is AccountKind.PARENT
    assert user.account.display_name == "M. MARTIN Julien"
    ids = [student.id for student in user.account.students]
    assert len(set(ids)) == 3
    assert ids[2] == f"{ids[1]}-2"


def test_parent_without_children_and_missing_resource() -> None:
    with pytest.raises(NotSupportedError):
        parse_user({"ressource": {"L": "M. X", "listeRessources": []}}, "parent")
    with pytest.raises(ProtocolChangedError):
        parse_user({}, "eleve")


def test_default_period_fallback() -> None:
    child = _child("A B", "4#a")
    child["listeOngletsPourPeriodes"] = v([{"G": 19, "periodeParDefaut": v({"N": "1#Y"})}])
    user = parse_user({"ressource": child}, "eleve")
    assert grade_period_default(next(iter(user.students.values()))) == "1#Y"
    child["listeOngletsPourPeriodes"] = v([])
    user = parse_user({"ressource": child}, "eleve")
    assert grade_period_default(next(iter(user.students.values()))) is None
