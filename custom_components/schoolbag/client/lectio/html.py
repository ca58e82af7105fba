"""BeautifulSoup helpers shared by the page parsers (stdlib ``html.parser`` backend)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from .text import clean

_ELEVID = re.compile(r"elevid=(\d+)", re.IGNORECASE)


def soup(page: str) -> BeautifulSoup:
    """Parse a page (a leading BOM is dropped)."""
    return BeautifulSoup(page.lstrip("\ufeff"), "html.parser")


def attribute(tag: Tag, name: str) -> str:
    """An attribute as one string (class lists are joined with spaces)."""
    value = tag.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def classes(tag: Tag) -> set[str]:
    """The CSS classes of an element."""
    return set(attribute(tag, "class").split())


def text_of(tag: Tag | None) -> str:
    """The cleaned text of an element (``<br>`` as spaces)."""
    if tag is None:
        return ""
    return clean(tag.get_text(" "))


def with_attribute(scope: Tag, name: str) -> list[Tag]:
    """Elements under ``scope`` carrying the attribute ``name``."""
    return [tag for tag in scope.find_all(True) if tag.has_attr(name)]


def first_with_attribute(scope: Tag, name: str) -> Tag | None:
    """The first element under ``scope`` with a non-blank attribute ``name``."""
    return next((tag for tag in with_attribute(scope, name) if attribute(tag, name).strip()), None)


def find_table(document: BeautifulSoup | Tag, id_part: str) -> Tag | None:
    """The first table whose id contains ``id_part``."""
    for table in document.find_all("table"):
        if id_part in attribute(table, "id"):
            return table
    return None


def direct_cells(row: Tag) -> list[Tag]:
    """The ``td``/``th`` children of a row (not cells of nested tables)."""
    return list(row.find_all(["td", "th"], recursive=False))


def rows(table: Tag) -> list[Tag]:
    """The rows of a table, including those inside ``tbody``/``thead``, not nested tables."""
    found: list[Tag] = []
    for child in table.find_all("tr"):
        if child.find_parent("table") is table:
            found.append(child)
    return found


def desktop_cells(row: Tag) -> list[Tag]:
    """Cells of a row, without the mobile-only summary cells when the row marks them."""
    cells = direct_cells(row)
    if any("OnlyDesktop" in classes(cell) for cell in cells):
        return [cell for cell in cells if "OnlyDesktop" in classes(cell)]
    return [cell for cell in cells if "OnlyMobile" not in classes(cell)]


def elevid_in(value: str) -> str | None:
    """The ``elevid=<digits>`` value in a URL."""
    match = _ELEVID.search(value)
    return match[1] if match else None
