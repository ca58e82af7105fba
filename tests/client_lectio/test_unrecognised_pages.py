"""Lectio parsers never read a page they do not recognise as an empty list.

A parser handed a page without its grid (a maintenance notice, a changed layout) raises
ProtocolChangedError, so that "nothing could be read" is never shown as "there is nothing".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.lectio.parsers_absence import (
    parse_absence_rates,
    parse_registered_absences,
)
from custom_components.schoolbag.client.lectio.parsers_assignments import parse_assignments
from custom_components.schoolbag.client.lectio.parsers_grades import parse_grade_report
from custom_components.schoolbag.client.lectio.parsers_messages import parse_messages

TODAY = date(2026, 3, 25)
NOW = datetime(2026, 3, 25, 10, 0, tzinfo=COPENHAGEN)
# A logged-in Lectio page that is none of the expected ones.
NOTICE = (
    '<html><head><title>Lectio</title></head><body><div id="s_m_Content_Content_notice">'
    "Lectio er midlertidigt lukket for vedligeholdelse.</div></body></html>"
)

PARSERS: dict[str, Callable[[str], object]] = {
    "assignments": parse_assignments,
    "grades": lambda page: parse_grade_report(page, TODAY),
    "messages": lambda page: parse_messages(page, NOW),
    "absence-rates": parse_absence_rates,
    "registered-absences": parse_registered_absences,
}


@pytest.mark.parametrize("name", list(PARSERS))
def test_page_without_its_grid_is_protocol_changed(name: str) -> None:
    """No grid on the page: the parser cannot tell an empty list from a changed page."""
    try:
        result = PARSERS[name](NOTICE)
    except ProtocolChangedError:
        return
    raise AssertionError(f"{name} returned {result!r} for an unrecognised page")


def test_assignment_grid_without_title_column_is_protocol_changed() -> None:
    """Renamed headers leave no column to read: every row is dropped silently today."""
    page = (
        '<table id="s_m_Content_Content_ExerciseGV"><tr><th>Titel</th><th>Deadline</th></tr>'
        '<tr><td><a href="ElevAflevering.aspx?exerciseid=1">Stil</a></td>'
        "<td>12/9-2025 23:59</td></tr></table>"
    )
    try:
        result = parse_assignments(page)
    except ProtocolChangedError:
        return
    raise AssertionError(f"parse_assignments returned {result!r} for an unreadable grid")
