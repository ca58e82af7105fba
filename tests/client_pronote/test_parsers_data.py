"""Parsing homework, grades, averages, school life, messages and Pronote-only data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.models import DishKind, GradeMark, Meal
from custom_components.schoolbag.client.pronote.parsers_extras import (
    menus_between,
    parse_evaluations,
    parse_information,
    week_menus,
)
from custom_components.schoolbag.client.pronote.parsers_grades import parse_grades, parse_mark
from custom_components.schoolbag.client.pronote.parsers_homework import (
    homework_id_day,
    parse_homework,
)
from custom_components.schoolbag.client.pronote.parsers_messages import parse_mailbox
from custom_components.schoolbag.client.pronote.parsers_school_life import parse_school_life

PARIS = ZoneInfo("Europe/Paris")


def v(value: Any, kind: int = 24) -> dict[str, Any]:
    return {"_T": kind, "V": value}


def _work(n: str, due: str, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "N": n,
        "descriptif": v("<div>Exercices 3 et 4 p.&nbsp;42</div>", 21),
        "TAFFait": False,
        "Matiere": v({"N": "16#m1", "L": "MATHEMATIQUES"}),
        "PourLe": v(due, 7),
        "DonneLe": v("15/09/2025", 7),
        "CouleurFond": "#3D9BE9",
        "ListePieceJointe": v([]),
    }
    item.update(extra)
    return item


def test_homework() -> None:
    data = {
        "ListeTravauxAFaire": v(
            [
                _work("h2", "22/09/2025", TAFFait=True),
                _work(
                    "h1",
                    "19/09/2025",
                    ListePieceJointe=v(
                        [
                            {"N": "f1", "L": "fiche.pdf", "G": 1},
                            {"N": "f2", "L": "Lien", "G": 0, "url": "https://example.org/x"},
                            {"N": "f3", "G": 1},
                        ]
                    ),
                ),
                _work("h3", "30/09/2025"),
                _work("", "19/09/2025"),
                {"N": "h4"},
            ]
        )
    }
    entries = parse_homework(data, date(2025, 9, 15), date(2025, 9, 28))
    assert [entry.number for entry in entries] == ["h1", "h2"]
    first = entries[0].homework
    assert first.subject == "MATHEMATIQUES"
    assert first.due == date(2025, 9, 19)
    assert first.given == date(2025, 9, 15)
    assert first.text == "Exercices 3 et 4 p. 42"
    assert first.html.startswith("<div>")
    assert not first.done
    assert [a.name for a in first.attachments] == ["fiche.pdf", "https://example.org/x"]
    assert entries[1].homework.done
    assert first.id.startswith("h20250919-")
    assert homework_id_day(first.id) == date(2025, 9, 19)
    assert homework_id_day("nope") is None
    assert homework_id_day("h2025x919-1") is None
    again = parse_homework(data, date(2025, 9, 19), date(2025, 9, 19))
    assert again[0].homework.id == first.id


def test_duplicate_homework_gets_distinct_ids() -> None:
    data = {"ListeTravauxAFaire": v([_work("a", "19/09/2025"), _work("b", "19/09/2025")])}
    ids = {entry.homework.id for entry in parse_homework(data, date(2025, 9, 1), date(2026, 1, 1))}
    assert len(ids) == 2


@pytest.mark.parametrize(
    ("raw", "value", "mark", "significant"),
    [
        ("15,5", 15.5, None, True),
        ("20", 20.0, None, True),
        ("|1", None, GradeMark.ABSENT, False),
        ("|2", None, GradeMark.EXEMPT, False),
        ("|3", None, GradeMark.NOT_GRADED, False),
        ("|4", None, GradeMark.EXEMPT, False),
        ("|5", None, GradeMark.OTHER, False),
        ("|6", 0.0, GradeMark.ABSENT, True),
        ("|7", 0.0, GradeMark.OTHER, True),
        ("|8", None, GradeMark.OTHER, False),
        ("|42", None, GradeMark.OTHER, False),
        ("", None, GradeMark.NOT_GRADED, False),
        ("abs", None, GradeMark.OTHER, False),
    ],
)
def test_marks(raw: str, value: float | None, mark: GradeMark | None, significant: bool) -> None:
    parsed = parse_mark(raw)
    assert (parsed.value, parsed.mark, parsed.significant) == (value, mark, significant)


def _grades_data(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "listeDevoirs": v(
            [
                {
                    "N": "60#d1",
                    "note": v("15,5", 10),
                    "bareme": v("20", 10),
                    "date": v("22/09/2025", 7),
                    "service": v({"N": "16#m1", "L": "MATHEMATIQUES"}),
                    "periode": v({"N": "1#T", "L": "Trimestre 1"}),
                    "moyenne": v("11,2", 10),
                    "noteMax": v("19", 10),
                    "noteMin": v("|1", 10),
                    "coefficient": "2",
                    "commentaire": "Devoir surveillé 1",
                },
                {
                    "N": "60#d2",
                    "note": v("|1", 10),
                    "bareme": v("10", 10),
                    "date": v("29/09/2025", 7),
                    "service": v({"N": "16#m2", "L": "FRANCAIS"}),
                },
                {"N": "60#d3", "note": v("12", 10)},
            ]
        ),
        "listeServices": v(
            [
                {
                    "L": "MATHEMATIQUES",
                    "moyEleve": v("15,5", 10),
                    "baremeMoyEleve": v("20", 10),
                    "moyClasse": v("11,2", 10),
                    "moyMin": v("4", 10),
                    "moyMax": v("19", 10),
                },
                {"L": "FRANCAIS", "moyClasse": v("12", 10)},
                {"L": "", "moyEleve": v("1", 10)},
            ]
        ),
    }
    data.update(extra)
    return data


def test_grades_and_averages() -> None:
    data = _grades_data(moyGenerale=v("14,3", 10), moyGeneraleClasse=v("11,9", 10))
    grades, averages = parse_grades(data, "trimestre-1")
    assert [grade.subject for grade in grades] == ["FRANCAIS", "MATHEMATIQUES"]
    french, maths = grades
    assert maths.value == 15.5
    assert maths.out_of == 20.0
    assert maths.coefficient == 2.0
    assert maths.title == "Devoir surveillé 1"
    assert (maths.class_average, maths.class_min, maths.class_max) == (11.2, None, 19.0)
    assert maths.period_id == "trimestre-1"
    assert maths.raw == "15,5"
    assert french.value is None
    assert french.mark is GradeMark.ABSENT
    assert not french.significant
    assert french.title == "FRANCAIS"
    assert french.coefficient == 1.0
    assert [(a.subject, a.value) for a in averages] == [
        ("MATHEMATIQUES", 15.5),
        ("FRANCAIS", None),
        (None, 14.3),
    ]
    assert averages[1].class_average == 12.0
    assert averages[2].class_average == 11.9
    assert averages[2].out_of == 20.0


def test_hidden_overall_average() -> None:
    _, averages = parse_grades(_grades_data(moyGeneraleClasse=v("11,9", 10)), "p")
    assert averages[-1].subject is None
    assert averages[-1].value is None
    _, averages = parse_grades(_grades_data(), "p")
    assert all(average.subject is not None for average in averages)
    assert parse_grades({"listeDevoirs": v([])}, "p") == ([], [])
    # An answer without the list is not recognised: never an empty grade book.
    with pytest.raises(ProtocolChangedError, match="listeDevoirs"):
        parse_grades({}, "p")


def test_school_life() -> None:
    data = {
        "listeAbsences": v(
            [
                {
                    "N": "a1",
                    "G": 13,
                    "dateDebut": v("13/10/2025 08:00:00", 7),
                    "dateFin": v("13/10/2025 10:00:00", 7),
                    "justifie": False,
                    "NbrHeures": "2h00",
                    "NbrJours": 0,
                },
                {
                    "N": "a2",
                    "G": 13,
                    "dateDebut": v("01/10/2025 08:00:00", 7),
                    "justifie": True,
                    "NbrJours": 3,
                    "listeMotifs": v([{"L": "Maladie"}, {"L": "Famille"}]),
                },
                {"N": "a3", "G": 13, "dateDebut": v("02/10/2025 08:00:00", 7), "NbrJours": 1},
                {
                    "N": "r1",
                    "G": 14,
                    "date": v("03/10/2025 08:05:00", 7),
                    "duree": 5,
                    "justifie": True,
                    "justification": "Bus en retard",
                },
                {"N": "r2", "G": 14, "date": v("04/10/2025 08:05:00", 7)},
                {
                    "N": "p1",
                    "G": 41,
                    "dateDemande": v("05/10/2025", 7),
                    "nature": v({"L": "Retenue"}),
                    "listeMotifs": v([{"L": "Travail non fait"}]),
                    "demandeur": v({"L": "M. PETIT J."}),
                    "travailAFaire": "<p>Refaire les exercices</p>",
                },
                {"N": "p2", "G": 41, "dateDemande": v("06/10/2025", 7), "circonstances": "Bruit"},
                {"N": "o1", "G": 46, "date": v("06/10/2025", 7)},
                {"N": "x", "G": 13},
                {"N": "y", "G": 14},
                {"N": "z", "G": 41},
            ]
        )
    }
    life = parse_school_life(data)
    assert [a.label for a in life.absences] == ["Absence 3 jours", "Absence 1 jour", "Absence 2h00"]
    assert life.absences[0].reason == "Maladie, Famille"
    assert life.absences[0].justified
    assert life.absences[2].reason is None
    assert [d.label for d in life.delays] == ["Retard de 5 min", "Retard"]
    assert life.delays[0].reason == "Bus en retard"
    first, second = life.punishments
    assert (first.label, first.reason, first.given_by) == (
        "Retenue",
        "Travail non fait",
        "M. PETIT J.",
    )
    assert first.work == "Refaire les exercices"
    assert (second.label, second.reason, second.given_by, second.work) == (
        "Punition",
        "Bruit",
        None,
        None,
    )


def test_mailbox() -> None:
    data = {
        "listeMessagerie": v(
            [
                {
                    "estUneDiscussion": True,
                    "objet": "Sortie",
                    "initiateur": "Mme MOREAU",
                    "date": v("22/09/2025 12:30:00", 7),
                    "nbNonLus": 2,
                },
                {
                    "estUneDiscussion": True,
                    "profondeur": 0,
                    "objet": "Ancien",
                    "libelleDate": "01/09/25 08h15",
                    "nbNonLus": 0,
                },
                {"estUneDiscussion": True, "objet": "Sans date", "nbNonLus": 1},
                {"estUneDiscussion": True, "profondeur": 1, "objet": "Réponse", "nbNonLus": 5},
                {"estUneDiscussion": False, "objet": "Dossier", "nbNonLus": 7},
            ]
        )
    }
    mailbox = parse_mailbox(data, PARIS)
    assert mailbox.unread == 3
    assert [m.subject for m in mailbox.messages] == ["Sortie", "Ancien"]
    assert mailbox.messages[0].sent == datetime(2025, 9, 22, 12, 30, tzinfo=PARIS)
    assert not mailbox.messages[0].read
    assert mailbox.messages[1].read
    assert mailbox.messages[1].sent == datetime(2025, 9, 1, 8, 15, tzinfo=PARIS)
    assert parse_mailbox({"listeMessagerie": v([])}, PARIS).unread == 0
    with pytest.raises(ProtocolChangedError, match="listeMessagerie"):
        parse_mailbox({}, PARIS)


def test_evaluations() -> None:
    data = {
        "listeEvaluations": v(
            [
                {
                    "N": "e1",
                    "L": "Fractions",
                    "date": v("03/10/2025", 7),
                    "coefficient": 2,
                    "descriptif": "<p>Calcul</p>",
                    "individu": v({"L": "MARTIN P."}),
                    "matiere": v({"L": "MATHEMATIQUES"}),
                    "domaine": v({"L": "Nombres"}),
                    "listePaliers": v([{"L": "Palier 4"}]),
                    "listeNiveauxDAcquisitions": v(
                        [
                            {"L": "Satisfaisante", "abbreviation": "A", "ordre": 2},
                            {
                                "L": "Très bonne maîtrise",
                                "abbreviation": "A+",
                                "ordre": 1,
                                "item": v({"L": "Calculer"}),
                                "domaine": v({"L": "D1.3"}),
                                "pilier": v({"L": "Langages", "strPrefixes": "D1"}),
                            },
                        ]
                    ),
                },
                {"N": "e2", "L": "Sans date"},
            ]
        )
    }
    (evaluation,) = parse_evaluations(data, "trimestre-1")
    assert evaluation.subject == "MATHEMATIQUES"
    assert evaluation.teacher == "MARTIN P."
    assert evaluation.coefficient == 2.0
    assert evaluation.description == "Calcul"
    assert evaluation.levels == ("Palier 4",)
    assert [a.abbreviation for a in evaluation.acquisitions] == ["A+", "A"]
    assert evaluation.acquisitions[0].pillar_prefix == "D1"
    assert evaluation.acquisitions[1].item is None


def test_menus() -> None:
    day = {
        "Date": v("15/09/2025", 7),
        "ListeRepas": v(
            [
                {
                    "L": "Déjeuner",
                    "G": 0,
                    "ListePlats": v(
                        [
                            {
                                "G": 1,
                                "ListeAliments": v(
                                    [
                                        {
                                            "L": "Poulet rôti",
                                            "listeLabelsAlimentaires": v([{"L": "Label Rouge"}]),
                                            "listeAllergenesAlimentaire": v([{"L": "Céleri"}]),
                                        },
                                        {"L": ""},
                                    ]
                                ),
                            },
                            {"G": 9, "ListeAliments": v([{"L": "Pain"}])},
                            {"G": 4, "ListeAliments": v([])},
                        ]
                    ),
                },
                {"L": "Dîner", "G": 1},
            ]
        ),
    }
    other = {"Date": v("22/09/2025", 7), "ListeRepas": v([])}
    week = week_menus({"ListeJours": v([other, day])})
    menus = menus_between([week], date(2025, 9, 15), date(2025, 9, 19))
    (menu,) = menus
    lunch, dinner = menu.meals
    assert lunch.meal is Meal.LUNCH
    assert dinner.meal is Meal.DINNER
    assert [dish.kind for dish in lunch.dishes] == [DishKind.MAIN, DishKind.OTHER]
    assert lunch.dishes[0].foods[0].labels == ("Label Rouge",)
    assert lunch.dishes[0].foods[0].allergens == ("Céleri",)


def test_information() -> None:
    item = {
        "N": "43#a1",
        "L": "Sortie au musée",
        "auteur": "M. LEROY",
        "lue": False,
        "estSondage": False,
        "dateCreation": v("10/09/2025 08:15:00", 7),
        "dateDebut": v("10/09/2025", 7),
        "dateFin": v("30/09/2025", 7),
        "categorie": v({"L": "Vie scolaire"}),
        "listeQuestions": v([{"texte": v("<p>Texte&nbsp;!</p>", 21)}]),
    }
    survey = {"N": "43#a2", "L": "Sondage", "estSondage": True, "lue": True}
    data = {
        "listeModesAff": [{"listeActualites": v([item, survey])}, {"listeActualites": v([item])}]
    }
    news, poll = parse_information(data, PARIS)
    assert news.title == "Sortie au musée"
    assert news.category == "Vie scolaire"
    assert news.text == "Texte !"
    assert news.created == datetime(2025, 9, 10, 8, 15, tzinfo=PARIS)
    assert news.end == date(2025, 9, 30)
    assert poll.survey
    assert poll.read
    assert poll.text == ""
    assert poll.created is None


@pytest.mark.parametrize(
    ("flagged", "out_of", "counted_out_of"),
    [(True, "10", 20.0), (False, "10", None), (True, "20", None), ("1", "5", 20.0)],
)
def test_marks_counted_out_of_20(
    flagged: object, out_of: str, counted_out_of: float | None
) -> None:
    mark = {
        "note": v("7,5", 10),
        "bareme": v(out_of, 10),
        "date": v("22/09/2025", 7),
        "service": v({"N": "16#m1", "L": "MATHEMATIQUES"}),
        "estRamenerSur20": flagged,
    }
    (grade,), _ = parse_grades({"listeDevoirs": v([mark])}, "p")
    assert (grade.value, grade.out_of) == (7.5, float(out_of))
    assert grade.counted_out_of == counted_out_of


def test_two_services_of_one_name_keep_their_averages_apart() -> None:
    services = [
        {"N": "16#es1", "L": "ENSEIGN.SCIENTIFIQUE", "moyEleve": v("12", 10)},
        {"N": "16#es2", "L": "ENSEIGN.SCIENTIFIQUE", "moyEleve": v("15", 10)},
    ]
    _, averages = parse_grades({"listeDevoirs": v([]), "listeServices": v(services)}, "p")
    assert [(a.subject, a.code, a.value) for a in averages] == [
        ("ENSEIGN.SCIENTIFIQUE", "16#es1", 12.0),
        ("ENSEIGN.SCIENTIFIQUE", "16#es2", 15.0),
    ]
