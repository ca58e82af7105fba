"""``material_lektieoversigt.aspx``: upcoming lessons with homework or a note.

See Lectio protocol §4.
"""

from __future__ import annotations

from datetime import timedelta

from simulator.lectio.fixtures.calendar import WEEKDAY_ABBREVIATIONS, short_date, week_code
from simulator.lectio.fixtures.timetable import Brick, bricks_between
from simulator.lectio.layout import text
from simulator.lectio.pages.bricks import anchor
from simulator.lectio.pages.view import View

HORIZON_DAYS = 28


def upcoming(view: View) -> list[Brick]:
    """Lessons from today on (four weeks) that carry homework or a note."""
    end = view.today + timedelta(days=HORIZON_DAYS)
    return [
        b
        for b in bricks_between(view.today, end, view.today)
        if b.has_homework and not b.info and b.status != "cancelled"
    ]


def homework_html(brick: Brick) -> str:
    lines = [brick.homework_full] if brick.homework_full else list(brick.homework)
    body = "".join(f"<p>{text(line)}</p>" for line in lines)
    return f'<article class="ls-paper">{body}</article>' if body else ""


def _row(brick: Brick, view: View, css: str) -> str:
    label = f"{WEEKDAY_ABBREVIATIONS[brick.day.weekday()]} {short_date(brick.day)}"
    return (
        f'<tr class="{css}"><th>{label}</th>'
        f"<td>{anchor(brick, view.style, week_code=week_code(brick.day))}</td>"
        f"<td>{text(brick.note)}</td><td>{homework_html(brick)}</td></tr>"
    )


def render(view: View) -> str:
    rows = [_row(b, view, "OnlyDesktop") for b in upcoming(view)]
    if rows:
        # The mobile layout repeats a row: clients must dedupe.
        rows.append(rows[0].replace('class="OnlyDesktop"', 'class="OnlyMobile"', 1))
    body = "".join(rows) or '<tr><td colspan="4">Der er ingen lektier</td></tr>'
    return (
        '<div id="s_m_Content_Content_contentPnl">'
        '<table id="s_m_Content_Content_MaterialLektieOverblikGV" class="ls-table-layout1">'
        "<tr><th>Dato</th><th>Aktivitet</th><th>Note</th><th>Lektier</th></tr>"
        f"{body}</table></div>"
    )
