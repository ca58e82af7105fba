"""``OpgaverElev.aspx``: assignments with deadline and hand-in status (Lectio protocol §5)."""

from __future__ import annotations

import re

from bs4 import Tag

from ..errors import ProtocolChangedError
from ..models import Homework, HomeworkKind
from .columns import Grid, first_of_each_id, read_grid
from .const import ASSIGNMENTS_PAGE
from .dates import parse_date_time
from .html import (
    attribute,
    desktop_cells,
    first_with_attribute,
    text_of,
)
from .pages import page_table

_EXERCISE_ID = re.compile(r"exerciseid=(\d+)", re.IGNORECASE)
_NOT_HANDED_IN = ("ikke afleveret",)
_HANDED_IN = "afleveret"
# The title column, under its current and its older header.
TITLE_COLUMNS = ("Opgavetitel", "Opgave")


def handed_in(status: str) -> bool:
    """``Afleveret`` is handed in; ``Ikke afleveret`` (tested first), ``Venter`` are not."""
    lowered = status.casefold()
    if any(negation in lowered for negation in _NOT_HANDED_IN):
        return False
    return _HANDED_IN in lowered


def _deadline_text(deadline: Tag | None) -> str:
    if deadline is None:
        return ""
    titled = first_with_attribute(deadline, "title")
    if titled is not None and parse_date_time(attribute(titled, "title")):
        return attribute(titled, "title")
    return text_of(deadline)


def _assignment(cells: list[Tag], grid: Grid) -> Homework | None:
    title_cell = grid.cell(cells, *TITLE_COLUMNS)
    if title_cell is None:
        return None
    link = title_cell.find("a")
    match = _EXERCISE_ID.search(attribute(link, "href")) if isinstance(link, Tag) else None
    deadline = parse_date_time(_deadline_text(grid.cell(cells, "Frist")))
    if match is None or deadline is None:
        return None
    status = text_of(grid.cell(cells, "Status"))
    note = text_of(grid.cell(cells, "Opgavenote"))
    title = text_of(title_cell)
    return Homework(
        id=f"exercise-{match[1]}",
        subject=text_of(grid.cell(cells, "Hold")),
        due=deadline.date(),
        text="\n".join(part for part in (title, note) if part),
        done=handed_in(status),
        kind=HomeworkKind.ASSIGNMENT,
        deadline=deadline,
        status=status or None,
    )


def parse_assignments(page: str) -> list[Homework]:
    """Every assignment row of the grid, sorted by deadline."""
    table = page_table(page, "ExerciseGV", ASSIGNMENTS_PAGE)
    if table is None:
        return []
    grid = read_grid(table)
    if grid.rows and (grid.position(*TITLE_COLUMNS) is None or grid.position("Frist") is None):
        raise ProtocolChangedError("the Lectio assignments grid has no title or deadline column")
    assignments = first_of_each_id(_assignment(desktop_cells(row), grid) for row in grid.rows)
    return sorted(assignments, key=lambda item: (item.deadline or item.due, item.id))
