"""Pronote parsers never read an answer they do not recognise as "nothing".

Each answer is recognised by the list it always carries, even empty (``listeDevoirs``,
``ListeCours``…); an answer without it is another one and raises ProtocolChangedError.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.pronote.parsers_account import parse_school_year
from custom_components.schoolbag.client.pronote.parsers_extras import (
    parse_evaluations,
    parse_information,
)
from custom_components.schoolbag.client.pronote.parsers_grades import parse_grades
from custom_components.schoolbag.client.pronote.parsers_homework import parse_homework
from custom_components.schoolbag.client.pronote.parsers_messages import parse_mailbox
from custom_components.schoolbag.client.pronote.parsers_school_life import parse_school_life
from custom_components.schoolbag.client.pronote.parsers_timetable import page_lessons

PARIS = ZoneInfo("Europe/Paris")
START, END = date(2025, 9, 1), date(2026, 7, 3)
YEAR = parse_school_year(
    {"General": {"PremierLundi": {"_T": 7, "V": "01/09/2025"}, "PlacesParJour": 4}}
)
Parser = Callable[[dict[str, object]], object]
PARSERS: dict[str, tuple[str, Parser]] = {
    "grades": ("listeDevoirs", lambda data: parse_grades(data, "p")),
    "homework": ("ListeTravauxAFaire", lambda data: parse_homework(data, START, END)),
    "messages": ("listeMessagerie", lambda data: parse_mailbox(data, PARIS)),
    "school life": ("listeAbsences", parse_school_life),
    "timetable": ("ListeCours", lambda data: page_lessons(data, YEAR, PARIS)),
    "evaluations": ("listeEvaluations", lambda data: parse_evaluations(data, None)),
    "information": ("listeModesAff", lambda data: parse_information(data, PARIS)),
}
# Another function's answer: none of the expected lists.
OTHER = {"listeEtiquettes": {"_T": 24, "V": []}, "General": {}}


@pytest.mark.parametrize("name", list(PARSERS))
@pytest.mark.parametrize("data", [{}, OTHER], ids=["empty", "other-answer"])
def test_answer_without_its_list_is_protocol_changed(name: str, data: dict[str, object]) -> None:
    key, parse = PARSERS[name]
    with pytest.raises(ProtocolChangedError, match=key):
        parse(data)


@pytest.mark.parametrize("name", list(PARSERS))
def test_answer_with_its_list_empty_is_read_as_nothing(name: str) -> None:
    key, parse = PARSERS[name]
    result = parse({key: {"_T": 24, "V": []}})
    assert result == parse({key: []})
