"""``grade_report.aspx`` layouts: no notes grid, odd note rows, the team column elsewhere."""

from __future__ import annotations

from datetime import date

from custom_components.schoolbag.client.lectio.parsers_grades import parse_grade_report

SEEN = date(2026, 3, 25)


def _grid(rows: str, header: str = "<th>Hold</th><th>Fag</th><th>Årskarakter</th>") -> str:
    return (
        f'<table id="s_m_Content_Content_karakterView_KarakterGV"><tr>{header}</tr>{rows}</table>'
    )


def test_report_without_notes_grid_has_grades_without_comments() -> None:
    """The notes grid is optional: grades are read, with no comment."""
    book = parse_grade_report(_grid("<tr><td>1x ma</td><td>Matematik</td><td>7</td></tr>"), SEEN)
    (grade,) = book.grades
    assert (grade.subject, grade.title, grade.raw, grade.comment) == (
        "Matematik",
        "Årskarakter",
        "7",
        None,
    )


def test_blank_and_short_note_rows_give_no_comment() -> None:
    """Note rows without text or with missing cells never attach a comment."""
    notes = (
        '<table id="s_m_Content_Content_karakterView_KarakterNoterGrid">'
        "<tr><th>Hold</th><th>Karakterer</th><th>Note</th></tr>"
        "<tr><td>1x ma</td><td>Årskarakter</td><td> </td></tr>"
        "<tr><td>1x da</td><td>Årskarakter</td></tr>"
        "<tr><td>1X EN</td><td>ÅRSKARAKTER</td><td>Flot arbejde</td></tr></table>"
    )
    rows = (
        "<tr><td>1x ma</td><td>Matematik</td><td>4</td></tr>"
        "<tr><td>1x da</td><td>Dansk</td><td>10</td></tr>"
        "<tr><td>1x en</td><td>Engelsk</td><td>12</td></tr>"
    )
    book = parse_grade_report(_grid(rows) + notes, SEEN)
    comments = {grade.subject: grade.comment for grade in book.grades}
    assert comments == {"Matematik": None, "Dansk": None, "Engelsk": "Flot arbejde"}


def test_team_column_after_the_subject_and_short_rows() -> None:
    """``Hold`` is found by name; a row too short to reach it is skipped."""
    header = "<th>Fag</th><th>Hold</th><th>1. standpunkt</th><th>Årskarakter</th>"
    rows = (
        '<tr><td colspan="4">Ingen karakterer</td></tr>'
        "<tr><td>Historie</td><td>2b hi</td><td>02</td><td></td></tr>"
    )
    (grade,) = parse_grade_report(_grid(rows, header), SEEN).grades
    assert (grade.id, grade.subject, grade.title, grade.raw) == (
        "2b hi|1. standpunkt",
        "Historie",
        "1. standpunkt",
        "02",
    )
    assert grade.value == 2.0
    assert grade.date == SEEN
