"""Homework list and day detail payloads."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

import pytest

from custom_components.schoolbag.client.ecoledirecte.parsers_homework import (
    parse_homework_day,
    parse_homework_index,
)
from custom_components.schoolbag.client.errors import ProtocolChangedError


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


INDEX: dict[str, Any] = {
    "2025-10-14": [
        {"matiere": "ITALIEN LV3", "codeMatiere": "ITA3", "aFaire": True, "idDevoir": 16340,
         "donneLe": "2025-10-09", "effectue": False, "interrogation": False},
        {"matiere": "MATHS", "aFaire": True, "idDevoir": "16341", "donneLe": "2025-10-10",
         "effectue": True, "interrogation": True},
        {"matiere": "CONTENU", "aFaire": False, "idDevoir": 16342},
    ],
    "2025-10-15": None,
    "not-a-date": [{"idDevoir": 1}],
    "2025-10-16": [{"matiere": "SVT", "idDevoir": 16350}],
}  # fmt: skip

DAY: dict[str, Any] = {
    "date": "2025-10-14",
    "matieres": [
        {
            "id": 16340,
            "matiere": "ITALIEN LV3",
            "nomProf": "Mme ROSSI",
            "interrogation": False,
            "aFaire": {
                "idDevoir": 16340,
                "contenu": _b64(
                    "<p>Exercices 3 &amp; 4 p.52</p><ul><li>Lire</li><li>R&eacute;sumer</li>"
                    "</ul>Pour&nbsp;mardi<br>merci"
                ),
                "donneLe": "2025-10-09",
                "effectue": True,
                "documents": [
                    {"id": 901, "libelle": "fiche.pdf", "type": "FICHIER_CDT"},
                    {"libelle": "sans id"},
                ],
            },
            "contenuDeSeance": {},
        },
        {"id": 16399, "matiere": "SEANCE SEULE", "contenuDeSeance": {"contenu": _b64("<p>x</p>")}},
        {
            "id": 16343,
            "matiere": "ANGLAIS",
            "interrogation": True,
            "aFaire": {"idDevoir": 16343, "contenu": "", "documents": None},
        },
    ],
}


def test_index_groups_by_day_and_skips_lesson_content() -> None:
    index = parse_homework_index(INDEX)
    assert set(index) == {date(2025, 10, 14), date(2025, 10, 16)}
    first, second = index[date(2025, 10, 14)]
    assert first.id == "16340"
    assert first.subject == "ITALIEN LV3"
    assert first.given == date(2025, 10, 9)
    assert first.done is False
    assert second.id == "16341"
    assert second.done is True
    assert second.is_test is True


def test_day_detail_decodes_html() -> None:
    due = date(2025, 10, 14)
    homework = {hw.id: hw for hw in parse_homework_day(DAY, due, parse_homework_index(INDEX)[due])}
    italian = homework["16340"]
    assert italian.html.startswith("<p>Exercices 3 &amp; 4")
    assert italian.text == "Exercices 3 & 4 p.52\n- Lire\n- Résumer\nPour mardi\nmerci"
    assert italian.due == due
    assert italian.given == date(2025, 10, 9)
    assert italian.done is True  # the detail is fresher than the list
    assert [(file.id, file.name) for file in italian.attachments] == [("901", "fiche.pdf")]


def test_day_detail_keeps_listed_homework_missing_from_detail() -> None:
    due = date(2025, 10, 14)
    homework = {hw.id: hw for hw in parse_homework_day(DAY, due, parse_homework_index(INDEX)[due])}
    assert set(homework) == {"16340", "16343", "16341"}
    maths = homework["16341"]
    assert maths.text == ""
    assert maths.done is True
    assert maths.is_test is True
    english = homework["16343"]
    assert english.text == ""
    assert english.is_test is True
    assert english.attachments == ()


def test_empty_payloads() -> None:
    assert parse_homework_index(None) == {}
    assert parse_homework_day(None, date(2025, 1, 1)) == []
    assert parse_homework_day({"matieres": None}, date(2025, 1, 1)) == []
    with pytest.raises(ProtocolChangedError):
        parse_homework_index(["x"])
