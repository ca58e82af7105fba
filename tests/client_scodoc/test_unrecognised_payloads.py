"""ScoDoc parsers never read an answer they do not recognise as "nothing".

A published bulletin always carries its grade sections (empty while nothing is graded);
one without them is another answer, and ProtocolChangedError says so.
"""

from __future__ import annotations

from datetime import date

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.scodoc.models import Semester
from custom_components.schoolbag.client.scodoc.parsers_bulletin import parse_bulletin

SEMESTER = Semester(id=1, title="S1", start=date(2025, 9, 1), end=date(2026, 1, 31))


@pytest.mark.parametrize(
    "data",
    [{}, {"type": "BUT"}, {"etudiant": {"nom": "X"}, "publie": True}, {"error": "x"}],
    ids=["empty", "but-without-sections", "classic-without-ue", "other-object"],
)
def test_published_bulletin_without_grade_sections_is_protocol_changed(
    data: dict[str, object],
) -> None:
    with pytest.raises(ProtocolChangedError, match="no grade sections"):
        parse_bulletin(data, SEMESTER)


def test_bulletins_with_empty_sections_are_empty() -> None:
    assert parse_bulletin({"type": "BUT", "ues": {}}, SEMESTER).grades == ()
    assert parse_bulletin({"ue": []}, SEMESTER).grades == ()


def test_unpublished_bulletin_stops_after_the_student_and_is_empty() -> None:
    assert not parse_bulletin({"publie": 0, "etudiant": {"nom": "X"}}, SEMESTER).published
