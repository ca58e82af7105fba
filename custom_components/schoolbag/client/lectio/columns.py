"""Reading data grids by their Danish header texts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from bs4 import Tag

from .html import desktop_cells, rows, text_of


@dataclass(frozen=True, slots=True)
class Grid:
    """A table's header titles and its data rows."""

    titles: tuple[str, ...]
    rows: tuple[Tag, ...]

    def position(self, *names: str) -> int | None:
        """The column of the first header among ``names`` (case-insensitive)."""
        lowered = [title.casefold() for title in self.titles]
        for name in names:
            if name.casefold() in lowered:
                return lowered.index(name.casefold())
        return None

    def cell(self, cells: list[Tag], *names: str) -> Tag | None:
        """The cell of a row under the first header among ``names``."""
        position = self.position(*names)
        if position is None or position >= len(cells):
            return None
        return cells[position]


def read_grid(table: Tag) -> Grid:
    """Split a table into its header (the first all-``th`` row) and the rows after it."""
    table_rows = rows(table)
    for position, row in enumerate(table_rows):
        cells = desktop_cells(row)
        if cells and all(cell.name == "th" for cell in cells):
            titles = tuple(text_of(cell) for cell in cells)
            return Grid(titles, tuple(table_rows[position + 1 :]))
    return Grid((), tuple(table_rows))


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


def first_of_each_id[T: _Identified](items: Iterable[T | None]) -> list[T]:
    """The items read, skipping None and later items of an id already seen (repeated rows)."""
    found: dict[str, T] = {}
    for item in items:
        if item is not None:
            found.setdefault(item.id, item)
    return list(found.values())
