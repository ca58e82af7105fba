"""BUT and classic bulletin parsers on varied JSON (missing fields, nulls, markers)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.models import AverageKind, GradeMark
from custom_components.schoolbag.client.scodoc.models import Semester
from custom_components.schoolbag.client.scodoc.parsers_bulletin import parse_bulletin

SEMESTER = Semester(id=4102, title="BUT S3", start=date(2025, 9, 1), end=date(2026, 1, 25))


def but(**overrides: Any) -> dict[str, Any]:
    bulletin: dict[str, Any] = {
        "type": "BUT",
        "publie": True,
        "options": {"show_rangs": True},
        "semestre": {
            "notes": {"value": "11.84", "min": "03.95", "max": "17.20", "moy": "10.61"},
            "rang": {"value": "12 ex", "total": 48},
            "ECTS": {"acquis": 12.0, "total": 30.0},
            "groupes": [{"group_name": None}, {"group_name": "TD-B"}],
        },
        "ues": {
            "UE3.1": {
                "titre": "Concevoir",
                "type": 0,
                "moyenne": {"value": "12.35", "moy": "10.96", "rang": "9", "total": 48},
                "ECTS": {"acquis": 0.0, "total": 8.0},
            },
            "UE3.B": {"titre": "Bonus", "type": 1, "bonus_description": "sport"},
            "UE3.2": {"titre": None, "moyenne": "~"},
        },
        "ressources": {
            "R3.04": {
                "id": 7301,
                "titre": "Dimensionnement",
                "moyenne": {"value": "12.60", "min": "02.50", "max": "18.75", "moy": "10.12"},
                "evaluations": [
                    {
                        "id": 51020,
                        "description": "Contrôle 1",
                        "date_debut": "2025-10-07T13:30:00+02:00",
                        "date": "2025-10-06",
                        "coef": "02.00",
                        "note": {"value": "13.50", "min": "01.00", "max": "19.00", "moy": "10.44"},
                        "poids": {"UE3.1": 1.0},
                        "unknown_member": [1, 2],
                    },
                    {
                        "id": 51021,
                        "description": "TP",
                        "date": "2025-11-04",
                        "coef": 1,
                        "note": {"value": "ABS"},
                    },
                    {"id": 51022, "description": "", "date": None, "note": {"value": "~"}},
                    {"id": 51023, "description": "Oral", "date": "", "note": {"value": "EXC"}},
                ],
            },
        },
        "saes": {
            "SAÉ3.01": {
                "id": 7308,
                "titre": "Projet",
                "moyenne": "~",
                "evaluations": [
                    {
                        "id": 51030,
                        "description": "Rendu",
                        "date": "2026-01-10",
                        "note": {"value": "ATT"},
                    }
                ],
            },
            "SAE3.02": {"id": 7309, "moyenne": None, "evaluations": None},
            "broken": "not an object",
        },
    }
    bulletin.update(overrides)
    return bulletin


def test_but_overall_average_with_tie_rank_and_ects() -> None:
    overall = parse_bulletin(but(), SEMESTER).averages[0]
    assert overall.subject is None
    assert (overall.value, overall.class_average, overall.class_min, overall.class_max) == (
        11.84,
        10.61,
        3.95,
        17.2,
    )
    assert (overall.rank, overall.rank_total) == (12, 48)
    assert (overall.ects, overall.ects_total) == (12.0, 30.0)
    assert overall.period_id == "4102"


def test_but_hidden_ranks_are_dropped_even_when_present() -> None:
    data = but(options={"show_rangs": False, "show_ue_rangs": False})
    averages = parse_bulletin(data, SEMESTER).averages
    assert all(a.rank is None and a.rank_total is None for a in averages)


def test_but_ue_averages_skip_the_bonus_ue_and_accept_bare_strings() -> None:
    ues = [a for a in parse_bulletin(but(), SEMESTER).averages if a.kind is AverageKind.UE]
    assert [(a.code, a.subject, a.value) for a in ues] == [
        ("UE3.1", "Concevoir", 12.35),
        ("UE3.2", "UE3.2", None),
    ]
    assert (ues[0].rank, ues[0].rank_total, ues[0].ects_total) == (9, 48, 8.0)


def test_but_resource_and_sae_averages() -> None:
    averages = parse_bulletin(but(), SEMESTER).averages
    resources = [a for a in averages if a.kind is AverageKind.RESOURCE]
    saes = [a for a in averages if a.kind is AverageKind.SAE]
    assert [(a.code, a.subject, a.value, a.class_min) for a in resources] == [
        ("R3.04", "Dimensionnement", 12.6, 2.5)
    ]
    assert [(a.code, a.subject, a.value) for a in saes] == [
        ("SAÉ3.01", "Projet", None),
        ("SAE3.02", "SAE3.02", None),
    ]


def test_but_grades_values_marks_and_dates() -> None:
    grades = {g.id: g for g in parse_bulletin(but(), SEMESTER).grades}
    graded = grades["51020"]
    assert (graded.subject, graded.title, graded.value, graded.out_of) == (
        "Dimensionnement",
        "Contrôle 1",
        13.5,
        20.0,
    )
    assert graded.date == date(2025, 10, 7)  # date_debut wins over date
    assert (graded.coefficient, graded.class_average, graded.class_min) == (2.0, 10.44, 1.0)
    assert graded.mark is None
    assert graded.significant
    assert (grades["51021"].mark, grades["51021"].raw) == (GradeMark.ABSENT, "ABS")
    assert grades["51021"].value is None
    assert not grades["51021"].significant
    assert grades["51030"].mark is GradeMark.PENDING


def test_evaluations_without_a_date_get_a_stable_date_in_the_semester() -> None:
    grades = {g.id: g for g in parse_bulletin(but(), SEMESTER).grades}
    # Still to come: the semester's end; already graded (EXC): its start.
    assert (grades["51022"].mark, grades["51022"].date) == (GradeMark.PENDING, SEMESTER.end)
    assert grades["51022"].title == "Dimensionnement"
    assert (grades["51023"].mark, grades["51023"].date) == (GradeMark.EXEMPT, SEMESTER.start)


def test_but_grades_are_newest_first_and_module_titles_kept() -> None:
    parsed = parse_bulletin(but(), SEMESTER)
    dates = [g.date for g in parsed.grades]
    assert dates == sorted(dates, reverse=True)
    assert parsed.module_titles == {7301: "Dimensionnement", 7308: "Projet", 7309: "SAE3.02"}
    assert parsed.group == "TD-B"


def test_minimal_but_bulletin_does_not_break() -> None:
    # Empty grade sections say there is nothing yet (a bulletin without them is refused).
    parsed = parse_bulletin({"type": "but", "ues": {}, "ressources": {}, "saes": {}}, SEMESTER)
    assert parsed.published
    assert parsed.grades == ()
    assert [a.value for a in parsed.averages] == [None]


def test_unpublished_bulletins_hold_nothing() -> None:
    assert parse_bulletin(but(publie=False), SEMESTER).averages == ()
    classic = parse_bulletin({"publie": 0, "etudiant": {"nom": "X"}}, SEMESTER)
    assert (classic.published, classic.grades) == (False, ())


def test_a_bulletin_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ProtocolChangedError):
        parse_bulletin(["not", "a", "bulletin"], SEMESTER)


def classic() -> dict[str, Any]:
    return {
        "publie": 1,
        "note": {"value": "12.84", "min": "08.10", "max": "15.92", "moy": "11.47"},
        "rang": {"value": "", "ninscrits": 22},
        "rang_group": [{"group_name": "G1"}],
        "ue": [
            {
                "acronyme": "UE1",
                "titre": "Outils",
                "note": {"value": "13.42"},
                "rang": "4",
                "effectif": "22",
                "ects": "12",
                "module": [
                    {
                        "id": 8101,
                        "code": "M1.1",
                        "titre": "Projet",
                        "coefficient": "2.0",
                        "note": {"value": "14.00", "moy": "12.10"},
                        "rang": {"value": "3 ex"},
                        "effectif": {"value": "22"},
                        "evaluation": [
                            {
                                "jour": "2025-10-01",
                                "coefficient": "1.5",
                                "evaluation_id": 61001,
                                "description": "Cas",
                                "note": "14.00",
                            },
                            {
                                "jour": "",
                                "coefficient": "1.0",
                                "evaluation_id": 61002,
                                "description": "Oral",
                                "note": "NP",
                            },
                            {
                                "jour": "2026-01-12",
                                "coefficient": "2.0",
                                "evaluation_id": 61003,
                                "description": "Examen",
                                "incomplete": "1",
                            },
                        ],
                    },
                    {"code": "", "titre": "Sans code", "note": None, "evaluation": None},
                ],
            },
            "not an object",
        ],
    }


def test_classic_averages() -> None:
    averages = parse_bulletin(classic(), SEMESTER).averages
    overall, ue, module, no_code = averages
    assert (overall.subject, overall.value, overall.rank, overall.rank_total) == (
        None,
        12.84,
        None,
        22,
    )
    assert (ue.kind, ue.code, ue.subject, ue.rank, ue.rank_total, ue.ects_total) == (
        AverageKind.UE,
        "UE1",
        "Outils",
        4,
        22,
        12.0,
    )
    assert (module.kind, module.code, module.subject, module.rank, module.class_average) == (
        AverageKind.SUBJECT,
        "M1.1",
        "Projet",
        3,
        12.1,
    )
    assert (no_code.code, no_code.value) == (None, None)


def test_classic_grades() -> None:
    parsed = parse_bulletin(classic(), SEMESTER)
    grades = {g.id: g for g in parsed.grades}
    assert (grades["61001"].value, grades["61001"].coefficient) == (14.0, 1.5)
    assert grades["61001"].date == date(2025, 10, 1)
    assert grades["61001"].class_average is None
    assert (grades["61002"].mark, grades["61002"].date) == (GradeMark.NOT_GRADED, SEMESTER.start)
    # Listed as incomplete, without a note: still to come.
    assert (grades["61003"].mark, grades["61003"].value) == (GradeMark.PENDING, None)
    assert parsed.group == "G1"
    assert parsed.module_titles == {8101: "Projet"}
