"""``subnav/fravaerelev.aspx`` absence rates and registered absences (Lectio protocol §6)."""

from __future__ import annotations

from bs4 import Tag

from ..models import Absence, AbsenceRate, AbsenceRateKind
from .bricks import find_bricks, read_brick
from .columns import Grid, first_of_each_id, read_grid
from .const import ABSENCE_PAGE, ABSENCE_REASONS_PAGE
from .dates import local
from .html import direct_cells, rows, text_of
from .pages import page_table
from .text import danish_number

_TOTAL_LABELS = frozenset({"samlet", "i alt", "total"})
_VALUES_PER_KIND = 4


def _fraction(value: str) -> tuple[float | None, float | None]:
    """``3/63`` / ``12,5/40`` as (absent, total)."""
    absent, sep, total = value.partition("/")
    if not sep:
        return None, None
    return danish_number(absent), danish_number(total)


def _rate(subject: str | None, kind: AbsenceRateKind, values: list[str]) -> AbsenceRate | None:
    percent = danish_number(values[0])
    if percent is None:
        return None
    absent, total = _fraction(values[1])
    return AbsenceRate(
        subject=subject,
        kind=kind,
        percent=percent,
        percent_year=danish_number(values[2]),
        absent=absent,
        total=total,
    )


def parse_absence_rates(page: str) -> list[AbsenceRate]:
    """Physical and written absence per team, and overall (``subject`` None)."""
    table = page_table(page, "StudentAbsenceDataTable", ABSENCE_PAGE)
    if table is None:
        return []
    rates: list[AbsenceRate] = []
    for row in rows(table):
        cells = [text_of(c) for c in direct_cells(row) if c.name == "td"]
        if len(cells) < 1 + 2 * _VALUES_PER_KIND or not cells[0]:
            continue
        subject: str | None = cells[0]
        if cells[0].casefold() in _TOTAL_LABELS:
            subject = None
        for offset, kind in ((1, AbsenceRateKind.PHYSICAL), (5, AbsenceRateKind.WRITTEN)):
            rate = _rate(subject, kind, cells[offset : offset + _VALUES_PER_KIND])
            if rate is not None:
                rates.append(rate)
    return rates


def _absence(cells: list[Tag], grid: Grid) -> Absence | None:
    activity = grid.cell(cells, "Aktivitet")
    tags = find_bricks(activity) if activity is not None else []
    if not tags:
        return None
    brick = read_brick(tags[0])
    when = brick.tooltip.when
    if when is None:
        return None
    reason = text_of(grid.cell(cells, "Fraværsårsag")) or None
    percent = text_of(grid.cell(cells, "Fravær"))
    team = ", ".join(brick.tooltip.teams or brick.cards("HE")) or brick.tooltip.title or ""
    return Absence(
        id=f"{brick.stable_id(when.start_date)}",
        date=when.start_date,
        label=f"{team} ({percent})" if percent else team,
        justified=reason is not None,
        reason=reason,
        start=local(when.start_date, when.start_time) if when.start_time else None,
        end=local(when.end_date, when.end_time) if when.end_time else None,
    )


def parse_registered_absences(page: str) -> list[Absence]:
    """Absences registered on lessons (the "all registered" grid), sorted by date."""
    table = page_table(page, "FatabAbsenceFravaerGV", ABSENCE_REASONS_PAGE)
    if table is None:
        return []
    grid = read_grid(table)
    absences = first_of_each_id(_absence(direct_cells(row), grid) for row in grid.rows)
    return sorted(absences, key=lambda item: (item.date, item.id))
