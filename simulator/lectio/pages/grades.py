"""``grades/grade_report.aspx``: the grade grid and the notes grid (Lectio protocol §8)."""

from __future__ import annotations

from simulator.lectio.fixtures.grades import (
    GRADE_NOTES,
    GRADE_ROWS,
    GRADE_TYPE_HEADERS,
    GRADE_TYPES,
)
from simulator.lectio.layout import attr, text


def _cell(grade: str) -> str:
    if not grade:
        return "<td>&nbsp;</td>"
    return f'<td><span title="{attr(f"Karakter: {grade}, vægt: 1,00")}">{text(grade)}</span></td>'


def render() -> str:
    head = (
        "<tr><th>Hold</th><th>Fag</th>"
        + "".join(f"<th>{text(name)}</th>" for name in GRADE_TYPE_HEADERS)
        + "</tr>"
    )
    rows = "".join(
        f"<tr><td>{text(row.team)}</td><td>{text(row.subject)}</td>"
        + "".join(_cell(row.grades.get(kind, "")) for kind in GRADE_TYPES)
        + "</tr>"
        for row in GRADE_ROWS
    )
    notes = "".join(
        f"<tr><td>{text(team)}</td><td>{text(kind)}</td><td>{text(note)}</td></tr>"
        for team, kind, note in GRADE_NOTES
    )
    return (
        '<table id="s_m_Content_Content_karakterView_KarakterGV" class="ls-table-layout1">'
        f"{head}{rows}</table>"
        '<table id="s_m_Content_Content_karakterView_KarakterNoterGrid">'
        f"<tr><th>Hold</th><th>Karakterer</th><th>Note</th></tr>{notes}</table>"
    )
