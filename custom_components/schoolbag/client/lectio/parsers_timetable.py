"""``SkemaNy.aspx``: the week table into lessons (Lectio protocol §3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bs4 import BeautifulSoup, Tag

from ..errors import ProtocolChangedError
from ..models import Lesson
from .bricks import Brick, find_bricks, read_brick
from .const import ONE_DAY
from .dates import local
from .html import attribute, classes, direct_cells, rows, soup


@dataclass(frozen=True, slots=True)
class PlacedBrick:
    """A brick and the day of the column it was drawn in."""

    brick: Brick
    day: date


def _schedule_table(document: BeautifulSoup) -> Tag:
    for table in document.find_all("table"):
        if "s2skema" in classes(table) or attribute(table, "id").endswith("_skematabel"):
            return table
    raise ProtocolChangedError("the Lectio schedule page has no s2skema table")


def _column_dates(table: Tag, monday: date) -> list[date]:
    """Day of each column: ``data-date`` cells, else consecutive days from Monday."""
    found: list[date] = []
    for cell in table.find_all("td", attrs={"data-date": True}):
        try:
            found.append(date.fromisoformat(attribute(cell, "data-date")[:10]))
        except ValueError:
            continue
    if found:
        return found
    return [monday + timedelta(days=n) for n in range(7)]


def placed_bricks(page: str, monday: date) -> list[PlacedBrick]:
    """Every brick of the week page with the day of its column."""
    table = _schedule_table(soup(page))
    days = _column_dates(table, monday)
    placed: list[PlacedBrick] = []
    for row in rows(table):
        cells = direct_cells(row)
        columns = [c for c in cells if c.has_attr("data-date")]
        if not columns:
            # Info-header row, or a day row without data-date: the first cell is the label.
            columns = cells[1:]
        for index, cell in enumerate(columns):
            day = days[index] if index < len(days) else monday
            placed.extend(PlacedBrick(read_brick(tag), day) for tag in find_bricks(cell))
    return placed


def lesson_from_brick(brick: Brick, column_day: date) -> Lesson:
    """One lesson (or whole-day event) from a brick; ``column_day`` when the tooltip has no date."""
    tip = brick.tooltip
    when = tip.when
    if when is None or when.all_day:
        first = when.start_date if when else column_day
        last = when.end_date if when else column_day
        start: datetime = local(first)
        end: datetime = local(last + ONE_DAY)
        all_day = True
    else:
        start = local(when.start_date, when.start_time)
        end = local(when.end_date, when.end_time)
        all_day = False
    teams = tip.teams or brick.cards("HE")
    group = ", ".join(teams) or None
    subject = group or tip.title or brick.content
    notes = [tip.title if group else None, tip.note or None]
    return Lesson(
        id=brick.stable_id(start.date()),
        start=start,
        end=end,
        subject=subject,
        teachers=tip.teachers or brick.cards("T"),
        rooms=tip.rooms or brick.cards("R"),
        group=group,
        status=brick.status,
        note="\n".join(n for n in notes if n) or None,
        all_day=all_day,
    )


def week_lessons(placed: Iterable[PlacedBrick]) -> list[Lesson]:
    """Lessons and whole-day events of a week's bricks, multi-day events once, sorted."""
    lessons: dict[str, Lesson] = {}
    for item in placed:
        lesson = lesson_from_brick(item.brick, item.day)
        lessons.setdefault(lesson.id, lesson)
    return sorted(lessons.values(), key=lambda item: (item.start, item.end, item.id))


def parse_week(page: str, monday: date) -> list[Lesson]:
    """Lessons and whole-day events of a week page, multi-day events once, sorted."""
    return week_lessons(placed_bricks(page, monday))
