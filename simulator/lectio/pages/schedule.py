"""``SkemaNy.aspx``: the week table ``table.s2skema`` (Lectio protocol §3.1)."""

from __future__ import annotations

from datetime import date, timedelta

from simulator.lectio.fixtures.calendar import (
    MODULES,
    WEEKDAYS,
    module_clock,
    short_date,
    week_code,
)
from simulator.lectio.fixtures.timetable import Brick, week_bricks
from simulator.lectio.layout import attr, text
from simulator.lectio.pages.bricks import anchor, info_prefix
from simulator.lectio.pages.view import View

_MODULE_HEIGHT = 5.0


def _position(brick: Brick) -> str:
    assert brick.start is not None
    assert brick.end is not None
    top = (brick.start.hour * 60 + brick.start.minute - 8 * 60) / 60 * 3
    height = brick.end.hour * 60 + brick.end.minute - brick.start.hour * 60 - brick.start.minute
    return (
        f"position:absolute; top:{top:.2f}em; left:0.55em;"
        f"height:{height / 60 * 3:.2f}em;width:9.09em;"
    )


def _info_cell(bricks: list[Brick], day: date, view: View, code: str) -> str:
    parts: list[str] = []
    for brick in bricks:
        days = brick.days()
        if day not in days:
            continue
        index = days.index(day)
        inner = text(info_prefix(brick, index, len(days) - 1) + (brick.title or ""))
        parts.append(anchor(brick, view.style, week_code=code, inner=inner))
    return f'<td class="s2infoHeader s2skemabrikcontainer">{"".join(parts)}</td>'


def _off_holidays(bricks: list[Brick], holidays: frozenset[date]) -> list[Brick]:
    """The bricks touching no holiday: a day off shows no lesson, event or note."""
    return [brick for brick in bricks if holidays.isdisjoint(brick.days())]


def render(view: View, monday: date) -> str:
    """The schedule table of the week starting ``monday`` (empty columns on holidays)."""
    code = week_code(monday)
    bricks = _off_holidays(week_bricks(monday, view.today), view.holidays)
    info = [b for b in bricks if b.info]
    lessons = [b for b in bricks if not b.info]
    weekend = any(b.end_day.weekday() >= 5 for b in bricks)
    days = [monday + timedelta(days=n) for n in range(7 if weekend else 5)]
    year, week, _ = monday.isocalendar()
    head = (
        f'<tr class="s2weekHeader"><td colspan="{len(days) + 1}">Uge {week} - {year}</td></tr>'
        '<tr class="s2dayHeader"><td></td>'
        + "".join(f"<td>{WEEKDAYS[d.weekday()]} ({short_date(d)})</td>" for d in days)
        + "</tr>"
    )
    info_row = (
        '<tr><td class="s2infoHeader"></td>'
        + "".join(_info_cell(info, d, view, code) for d in days)
        + "</tr>"
    )
    labels = "".join(
        f'<div class="s2module-info" style="top:{n * _MODULE_HEIGHT:.2f}em">'
        f"{n + 1}. modul<br />{module_clock(s)} - {module_clock(e)}</div>"
        for n, (s, e) in enumerate(MODULES)
    )
    cells = "".join(
        f'<td data-date="{d.isoformat()}"><div class="s2skemabrikcontainer">'
        + "".join(
            anchor(b, view.style, week_code=code, css=_position(b)) for b in lessons if b.day == d
        )
        + "</div></td>"
        for d in days
    )
    table = (
        '<table id="s_m_Content_Content_SkemaMedNavigation_skema_skematabel" class="s2skema">'
        f"{head}{info_row}<tr><td>{labels}</td>{cells}</tr></table>"
    )
    last = days[-1]
    picker = (
        '<input id="s_m_Content_Content_SkemaMedNavigation_datePicker_tb" class="ls-datepickerbox"'
        f' value="{attr(f"Uge {week} ({short_date(monday)}-{short_date(last)}) {year}")}" />'
    )
    nav = (
        f'<a data-nav="prev" href="SkemaNy.aspx?week={week_code(monday - timedelta(days=7))}">'
        f'Forrige</a> <a data-nav="next" href="SkemaNy.aspx?week='
        f'{week_code(monday + timedelta(days=7))}">Næste</a>'
    )
    return f'<div id="s_m_Content_Content_SkemaMedNavigation">{picker}{nav}{table}</div>'


def render_malformed() -> str:
    """A changed layout: no ``s2skema`` table at all."""
    return '<div id="s_m_Content_Content_SkemaNyt"><div class="skema-v3">Uge</div></div>'
