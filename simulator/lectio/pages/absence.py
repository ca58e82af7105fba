"""``subnav/fravaerelev.aspx`` and ``..._fravaersaarsager.aspx`` (Lectio protocol §6)."""

from __future__ import annotations

from simulator.lectio.fixtures.absence import (
    TEAM_ABSENCES,
    RegisteredAbsence,
    TeamAbsence,
    registered_absences,
    total,
)
from simulator.lectio.fixtures.calendar import WEEKDAY_ABBREVIATIONS, short_date, tooltip_date
from simulator.lectio.layout import text
from simulator.lectio.pages.bricks import anchor
from simulator.lectio.pages.view import View


def danish_number(value: float) -> str:
    """``2,5`` / ``3``: a comma decimal without trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def percent(part: float, whole: float) -> str:
    share = 0.0 if whole == 0 else part / whole * 100
    return f"{share:.2f}".replace(".", ",") + "%"


def _row(item: TeamAbsence) -> str:
    values = (
        percent(item.absent, item.held),
        f"{danish_number(item.absent)}/{danish_number(item.held)}",
        percent(item.absent, item.planned),
        f"{danish_number(item.absent)}/{danish_number(item.planned)}",
        percent(item.written_absent, item.written_held),
        f"{danish_number(item.written_absent)}/{danish_number(item.written_held)}",
        percent(item.written_absent, item.written_planned),
        f"{danish_number(item.written_absent)}/{danish_number(item.written_planned)}",
    )
    return f"<tr><td>{text(item.team)}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"


def render_summary() -> str:
    head = (
        '<tr><th rowspan="2">Hold</th><th colspan="4">Fravær (moduler)</th>'
        '<th colspan="4">Skriftligt fravær (elevtimer)</th></tr>'
        "<tr>" + "<th>Opgjort</th><th></th><th>For hele året</th><th></th>" * 2 + "</tr>"
    )
    rows = "".join(_row(item) for item in (*TEAM_ABSENCES, total()))
    return (
        '<table id="s_m_Content_Content_SFTabStudentAbsenceDataTable" class="ls-table-layout1">'
        f"{head}{rows}</table>"
    )


def _activity_cell(item: RegisteredAbsence, view: View) -> str:
    brick = item.brick
    label = (
        f"{WEEKDAY_ABBREVIATIONS[brick.day.weekday()]} {short_date(brick.day)} "
        f"{item.module + 1}. modul - {brick.teams[0].name} • {brick.teachers[0].initials} • "
        f"{brick.rooms[0]}"
    )
    return anchor(brick, view.style, week_code="", inner=text(label))


def render_reasons(view: View) -> str:
    items = registered_absences(view.today)
    missing = "".join(
        f"<tr><td>{i.brick.day.isocalendar()[1]}</td><td>{_activity_cell(i, view)}</td>"
        f"<td>{i.percent}</td><td>{text(i.remark)}</td></tr>"
        for i in items
        if not i.reason
    )
    every = "".join(
        f"<tr><td>{i.brick.day.isocalendar()[1]}</td><td>{_activity_cell(i, view)}</td>"
        f"<td>{i.percent}</td><td>{tooltip_date(i.registered)}</td><td>{text(i.remark)}</td>"
        f"<td>{text(i.reason)}</td><td>{text(i.comment)}</td></tr>"
        for i in items
    )
    return (
        '<table id="s_m_Content_Content_FatabMissingAarsagerGV">'
        "<tr><th>Uge</th><th>Aktivitet</th><th>Fravær</th><th>Bemærkning</th></tr>"
        f"{missing}</table>"
        '<table id="s_m_Content_Content_FatabAbsenceFravaerGV">'
        "<tr><th>Uge</th><th>Aktivitet</th><th>Fravær</th><th>Registreret</th>"
        "<th>Bemærkning</th><th>Fraværsårsag</th><th>Kommentar</th></tr>"
        f"{every}</table>"
    )
