"""``beskeder2.aspx`` message lists (Lectio protocol §7): summaries only, never bodies."""

from __future__ import annotations

from datetime import date, datetime, time
import re

from bs4 import Tag

from ..models import MessageSummary
from .const import MESSAGES_PAGE
from .dates import local, parse_clock, parse_date, parse_date_time
from .html import (
    attribute,
    classes,
    desktop_cells,
    first_with_attribute,
    rows,
    text_of,
    with_attribute,
)
from .pages import page_table

_THREAD_ID = re.compile(r"(?:VIEWTHREAD_|_MC_\$_)(\d+)")
_DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})(?!\s*-\s*\d)")
_SUBJECT, _LATEST_SENDER, _LAST_CHANGE = 3, 4, 7


def parse_last_change(value: str, now: datetime) -> datetime | None:
    """``13:45`` (today), ``ma 1/9`` (this past year) or ``1/9-2025`` [``HH:MM``]."""
    value = value.strip()
    if (full := parse_date_time(value)) is not None:
        return full
    if (day := parse_date(value)) is not None:
        return local(day)
    if (moment := parse_clock(value)) is not None:
        return local(now.date(), moment)
    match = _DAY_MONTH.search(value)
    if match is None:
        return None
    day_number, month = int(match[1]), int(match[2])
    for year in (now.year, now.year - 1):
        try:
            candidate = date(year, month, day_number)
        except ValueError:
            continue
        if candidate <= now.date():
            return local(candidate, time(0))
    return None


def _sender(cell: Tag) -> str:
    titled = first_with_attribute(cell, "title")
    if titled is not None:
        return attribute(titled, "title").strip()
    return text_of(cell)


def _subject(cell: Tag) -> str:
    for tag in cell.find_all(id=True):
        if attribute(tag, "id").endswith("_ch"):
            return text_of(tag)
    return text_of(cell)


def parse_messages(page: str, now: datetime) -> list[MessageSummary]:
    """Threads of a folder list, newest first (rows without a thread id are skipped)."""
    table = page_table(page, "threadGV", MESSAGES_PAGE)
    if table is None:
        return []
    found: dict[str, MessageSummary] = {}
    for row in rows(table):
        match = _THREAD_ID.search(attribute(row, "onclick"))
        if match is None:
            clickable = " ".join(attribute(t, "onclick") for t in with_attribute(row, "onclick"))
            match = _THREAD_ID.search(clickable)
        if match is None:
            continue
        cells = desktop_cells(row)
        if len(cells) <= _LAST_CHANGE:
            continue
        sent = parse_last_change(text_of(cells[_LAST_CHANGE]), now)
        if sent is None:
            continue
        found.setdefault(
            match[1],
            MessageSummary(
                id=match[1],
                subject=_subject(cells[_SUBJECT]),
                sender=_sender(cells[_LATEST_SENDER]),
                sent=sent,
                read=not any("unread" in css.casefold() for css in classes(row)),
            ),
        )
    return sorted(found.values(), key=lambda item: item.sent, reverse=True)
