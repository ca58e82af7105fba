"""``OpgaverElev.aspx`` rows the assignment parser must skip or read differently."""

from __future__ import annotations

from datetime import datetime

from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.lectio.parsers_assignments import parse_assignments

HEADER = ("Uge", "Hold", "Opgavetitel", "Frist", "Status")


def _page(rows: list[list[str]], header: tuple[str, ...] = HEADER) -> str:
    head = "".join(f"<th>{name}</th>" for name in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table id="s_m_Content_Content_ExerciseGV"><tr>{head}</tr>{body}</table>'


def _title(eid: str, title: str = "Stil") -> str:
    return f'<a href="ElevAflevering.aspx?elevid=1&amp;exerciseid={eid}">{title} {eid}</a>'


def test_notice_row_spanning_the_grid_is_skipped() -> None:
    """A one-cell notice row gives no assignment; the real rows around it are kept."""
    page = _page(
        [
            ["Ingen aktuelle opgaver i denne periode"],
            ["37", "1x da", _title("7"), "12/9-2025 23:59", "Venter"],
        ]
    )
    (item,) = parse_assignments(page)
    assert item.id == "exercise-7"
    assert item.subject == "1x da"


def test_row_cut_before_the_deadline_is_skipped() -> None:
    """Without a deadline cell an assignment has no due date: it is left out, not guessed."""
    page = _page(
        [
            ["37", "1x da", _title("8")],
            ["37", "1x da", _title("9"), "13/9-2025 08:00", "Afleveret"],
        ]
    )
    assert [item.id for item in parse_assignments(page)] == ["exercise-9"]


def test_deadline_title_that_is_no_date_falls_back_to_the_text() -> None:
    """A ``title`` tooltip that is not a date does not hide the date written in the cell."""
    deadline = '<span title="Afleveringsfrist">14/9-2025 12:00</span>'
    (item,) = parse_assignments(_page([["37", "1x en", _title("3"), deadline, "Venter"]]))
    assert item.deadline == datetime(2025, 9, 14, 12, 0, tzinfo=COPENHAGEN)


def test_older_opgave_header_names_the_title_column() -> None:
    """Grids titled ``Opgave`` instead of ``Opgavetitel`` are read the same way."""
    header = ("Hold", "Opgave", "Frist", "Status", "Opgavenote")
    row = ["1x ma", _title("5", "Aflevering"), "15/9-2025 23:59", "Mangler", "Husk kilder"]
    (item,) = parse_assignments(_page([row], header))
    assert item.text == "Aflevering 5\nHusk kilder"
    assert item.status == "Mangler"
    assert not item.done
