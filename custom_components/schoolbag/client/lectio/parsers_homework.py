"""Homework from ``material_lektieoversigt.aspx`` rows and from schedule brick tooltips."""

from __future__ import annotations

from datetime import date

from bs4 import Tag

from ..html_text import html_to_text
from ..models import Homework
from .bricks import Brick, find_bricks, read_brick
from .const import HOMEWORK_PAGE
from .html import direct_cells, find_table, rows, soup
from .pages import raise_unless_page


def homework_from_brick(brick: Brick, column_day: date, html: str = "") -> Homework | None:
    """The homework (or note) of a lesson brick; ``html`` is the full text when known."""
    tip = brick.tooltip
    text = html_to_text(html) if html else "\n".join(tip.homework)
    if not text:
        text = tip.note
    if not text:
        return None
    due = tip.when.start_date if tip.when else column_day
    return Homework(
        id=brick.stable_id(due),
        subject=", ".join(tip.teams or brick.cards("HE")) or tip.title or brick.content,
        due=due,
        text=text,
        html=html,
    )


def _homework_cell(row: Tag, brick_cell: Tag) -> str:
    """The inner HTML of the last cell after the brick's cell (the homework text)."""
    cells = direct_cells(row)
    after = cells[cells.index(brick_cell) + 1 :] if brick_cell in cells else []
    for cell in reversed(after):
        if cell.get_text(strip=True):
            return cell.decode_contents().strip()
    return ""


def parse_homework_overview(page: str, today: date) -> list[Homework]:
    """Homework rows (desktop and mobile duplicates merged), sorted by due date."""
    document = soup(page)
    table = find_table(document, "LektieOverblik")
    if table is None:
        raise_unless_page(document, HOMEWORK_PAGE)
    scope: Tag = table or document
    found: dict[tuple[str, str], Homework] = {}
    for row in rows(scope) if scope.name == "table" else scope.find_all("tr"):
        for tag in find_bricks(row):
            cell = tag.find_parent(["td", "th"])
            html = _homework_cell(row, cell) if isinstance(cell, Tag) else ""
            homework = homework_from_brick(read_brick(tag), today, html)
            if homework is not None:
                found.setdefault((homework.id, homework.text), homework)
    return sorted(found.values(), key=lambda item: (item.due, item.subject, item.id))
