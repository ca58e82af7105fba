"""``grades/grade_report.aspx``: the grade grid on the Danish 7-point scale (Lectio protocol §8)."""

from __future__ import annotations

from datetime import date
import re

from bs4 import BeautifulSoup

from ..models import Grade, GradeBook
from .columns import read_grid
from .const import GRADES_PAGE
from .html import desktop_cells, find_table, soup, text_of
from .pages import raise_unless_page

SEVEN_POINT_SCALE = ("12", "10", "7", "4", "02", "00", "-3")
_GRADE = re.compile(r"^(-3|00|02|12|10|7|4)(?![\d,.])")


def read_grade(value: str) -> str | None:
    """The 7-point grade at the start of a cell (``02`` kept apart from ``2``)."""
    match = _GRADE.match(value.strip())
    return match[1] if match else None


def _notes(document: BeautifulSoup) -> dict[tuple[str, str], str]:
    """Teacher notes by (team, grade type), both lower-cased."""
    table = find_table(document, "KarakterNoterGrid")
    if table is None:
        return {}
    notes: dict[tuple[str, str], str] = {}
    for row in read_grid(table).rows:
        cells = [text_of(c) for c in desktop_cells(row)]
        if len(cells) >= 3 and cells[2]:
            notes[(cells[0].casefold(), cells[1].casefold())] = cells[2]
    return notes


def parse_grade_report(page: str, seen: date) -> GradeBook:
    """One grade per filled cell, titled by its column; ``seen`` dates them (no dates shown)."""
    document = soup(page)
    table = find_table(document, "KarakterGV")
    if table is None:
        raise_unless_page(document, GRADES_PAGE)
        return GradeBook()
    grid = read_grid(table)
    team_col = grid.position("Hold")
    team_col = 0 if team_col is None else team_col
    subject_col = grid.position("Fag")
    kinds = [
        (n, title)
        for n, title in enumerate(grid.titles)
        if n not in (team_col, subject_col) and title
    ]
    notes = _notes(document)
    grades: list[Grade] = []
    for row in grid.rows:
        cells = desktop_cells(row)
        if len(cells) <= team_col:
            continue
        team = text_of(cells[team_col])
        has_subject = subject_col is not None and subject_col < len(cells)
        subject = text_of(cells[subject_col]) if has_subject and subject_col is not None else ""
        for position, title in kinds:
            raw = read_grade(text_of(cells[position])) if position < len(cells) else None
            if raw is None:
                continue
            grades.append(
                Grade(
                    id=f"{team}|{title}",
                    subject=subject or team,
                    title=title,
                    date=seen,
                    value=float(raw),
                    out_of=None,
                    raw=raw,
                    comment=notes.get((team.casefold(), title.casefold())),
                )
            )
    return GradeBook(grades=tuple(grades))
