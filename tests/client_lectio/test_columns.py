"""Reading Lectio data grids by their Danish header texts."""

from __future__ import annotations

from bs4 import Tag

from custom_components.schoolbag.client.lectio.columns import Grid, read_grid
from custom_components.schoolbag.client.lectio.html import desktop_cells, find_table, soup, text_of


def _table(html: str) -> Tag:
    table = find_table(soup(f'<table id="grid">{html}</table>'), "grid")
    assert table is not None
    return table


def test_header_is_the_first_all_th_row() -> None:
    """Rows above the header (a caption row, a mixed row) are neither titles nor data."""
    grid = read_grid(
        _table(
            '<tr><td colspan="3">Opgaver i 2025/26</td></tr>'
            "<tr><th>Uge</th><td>blandet</td></tr>"
            "<tr><th>Hold</th><th>Opgave\xadtitel</th><th>Frist</th></tr>"
            "<tr><td>1x ma</td><td>Stil 1</td><td>12/9-2025 23:59</td></tr>"
        )
    )
    assert grid.titles == ("Hold", "Opgavetitel", "Frist")
    assert [text_of(row) for row in grid.rows] == ["1x ma Stil 1 12/9-2025 23:59"]


def test_header_ignores_mobile_only_cells() -> None:
    """The mobile summary column is no title: positions follow the desktop cells."""
    grid = read_grid(
        _table(
            '<tr><th class="OnlyMobile">Opgave</th><th class="OnlyDesktop">Hold</th>'
            '<th class="OnlyDesktop">Frist</th></tr>'
            '<tr><td class="OnlyMobile">Stil</td><td class="OnlyDesktop">1x ma</td>'
            '<td class="OnlyDesktop">12/9</td></tr>'
        )
    )
    assert grid.titles == ("Hold", "Frist")
    cells = desktop_cells(grid.rows[0])
    assert text_of(grid.cell(cells, "Frist")) == "12/9"


def test_table_without_header_has_no_titles_and_keeps_every_row() -> None:
    """No all-``th`` row: nothing can be looked up by name, and no row is lost."""
    grid = read_grid(_table("<tr><td>a</td><td>b</td></tr><tr><td>c</td></tr>"))
    assert grid.titles == ()
    assert len(grid.rows) == 2
    assert grid.position("Hold") is None
    assert grid.cell(desktop_cells(grid.rows[0]), "Hold") is None
    assert read_grid(_table("")) == Grid((), ())


def test_position_takes_the_first_known_name_case_insensitively() -> None:
    """Alternative header names are tried in order; case does not matter."""
    grid = Grid(("Uge", "HOLD", "Opgave", "Opgavetitel"), ())
    assert grid.position("hold") == 1
    assert grid.position("Titel", "opgavetitel", "Opgave") == 3
    assert grid.position("Titel", "Opgave") == 2
    assert grid.position("Titel", "Navn") is None
    assert grid.position() is None


def test_cell_of_a_short_row_is_none() -> None:
    """A row shorter than the header (a notice spanning the grid) has no cell there."""
    table = _table(
        "<tr><th>Hold</th><th>Status</th></tr>"
        '<tr><td colspan="2">Der er ingen opgaver</td></tr>'
        "<tr><td>1x ma</td><td>Afleveret</td></tr>"
    )
    grid = read_grid(table)
    notice, full = (desktop_cells(row) for row in grid.rows)
    assert text_of(grid.cell(notice, "Hold")) == "Der er ingen opgaver"
    assert grid.cell(notice, "Status") is None
    assert text_of(grid.cell(full, "Status")) == "Afleveret"
    assert grid.cell(full, "Karakter") is None
