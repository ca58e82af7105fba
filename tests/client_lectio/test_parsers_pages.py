"""Homework, assignment, absence, message, grade and account parsers on varied HTML."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.lectio.html import soup
from custom_components.schoolbag.client.lectio.parsers_absence import (
    parse_absence_rates,
    parse_registered_absences,
)
from custom_components.schoolbag.client.lectio.parsers_account import (
    MessageSigns,
    parse_identity,
    parse_message_signs,
    parse_unread_count,
)
from custom_components.schoolbag.client.lectio.parsers_assignments import (
    handed_in,
    parse_assignments,
)
from custom_components.schoolbag.client.lectio.parsers_grades import (
    parse_grade_report,
    read_grade,
)
from custom_components.schoolbag.client.lectio.parsers_homework import parse_homework_overview
from custom_components.schoolbag.client.lectio.parsers_messages import (
    parse_last_change,
    parse_messages,
)
from custom_components.schoolbag.client.models import AbsenceRateKind, HomeworkKind

TODAY = date(2025, 9, 8)
NOW = datetime(2025, 9, 8, 14, 0, tzinfo=COPENHAGEN)


def _brick(absid: str, tooltip: str) -> str:
    return (
        f'<a class="s2skemabrik s2bgbox" data-brikid="ABS{absid}" data-tooltip="{tooltip}">'
        '<span data-lectiocontextcard="HE1">1x ma</span></a>'
    )


def test_homework_overview_dedupes_and_falls_back_to_the_tooltip() -> None:
    with_cell = _brick(
        "11", "9/9-2025 08:00 til 09:00&#10;Hold: 1x ma&#10;&#10;Lektier:&#10;- kort"
    )
    tooltip_only = _brick("12", "10/9-2025 08:00 til 09:00&#10;&#10;Lektier:&#10;- Læs s. 4")
    note_only = _brick("13", "11/9-2025 08:00 til 09:00&#10;&#10;Note:&#10;Tag bog med")
    nothing = _brick("14", "12/9-2025 08:00 til 09:00")
    row = '<tr class="{}"><th>ti 9/9</th><td>{}</td><td>{}</td></tr>'
    page = (
        '<table id="s_m_Content_Content_MaterialLektieOverblikGV">'
        "<tr><th>Dato</th><th>Aktivitet</th><th>Lektier</th></tr>"
        + row.format("", with_cell, "<p>Læs <b>hele</b> kapitel 2</p>")
        + row.format("OnlyMobile", with_cell, "<p>Læs <b>hele</b> kapitel 2</p>")
        + row.format("", tooltip_only, "")
        + row.format("", note_only, "")
        + row.format("", nothing, "")
        + "</table>"
    )
    items = parse_homework_overview(page, TODAY)
    assert [item.id for item in items] == ["11", "12", "13"]
    assert items[0].text == "Læs hele kapitel 2"
    assert "<b>hele</b>" in items[0].html
    assert items[0].subject == "1x ma"
    assert items[0].due == date(2025, 9, 9)
    assert items[1].text == "Læs s. 4"
    assert items[2].text == "Tag bog med"


def _assignment_page(rows: str) -> str:
    head = "".join(
        f'<th class="OnlyDesktop">{name}</th>'
        for name in ("Uge", "Hold", "Opgavetitel", "Frist", "Status", "Opgavenote")
    )
    return (
        '<table id="s_m_Content_Content_ExerciseGV"><tr><th class="OnlyMobile">x</th>'
        f"{head}</tr>{rows}</table>"
    )


def _assignment_row(eid: str, deadline: str, status: str) -> str:
    cells = (
        "37",
        "1x da",
        f'<a href="ElevAflevering.aspx?elevid=1&amp;exerciseid={eid}">Stil {eid}</a>',
        deadline,
        status,
        "",
    )
    return (
        '<tr><td class="OnlyMobile">mobil</td>'
        + "".join(f'<td class="OnlyDesktop">{cell}</td>' for cell in cells)
        + "</tr>"
    )


def test_assignments_statuses_and_deadlines() -> None:
    page = _assignment_page(
        _assignment_row("1", '<span title="12/9-2025 23:59">12/9</span>', "Afleveret")
        + _assignment_row("2", "13/9-2025 8:00", "Ikke afleveret")
        + _assignment_row("3", "14/9-2025 12:00", "  Venter ")
        + _assignment_row("4", "ingen frist", "Mangler")
        + _assignment_row("1", "12/9-2025 23:59", "Afleveret")
    )
    items = parse_assignments(page)
    assert [item.id for item in items] == ["exercise-1", "exercise-2", "exercise-3"]
    assert [item.done for item in items] == [True, False, False]
    assert [item.status for item in items] == ["Afleveret", "Ikke afleveret", "Venter"]
    assert items[0].deadline == datetime(2025, 9, 12, 23, 59, tzinfo=COPENHAGEN)
    assert items[0].due == date(2025, 9, 12)
    assert all(item.kind is HomeworkKind.ASSIGNMENT for item in items)
    assert items[0].text == "Stil 1"
    assert parse_assignments(_empty_page("OpgaverElev.aspx")) == []
    with pytest.raises(ProtocolChangedError):
        parse_assignments("<html></html>")


def test_handed_in_tests_negations_first() -> None:
    assert handed_in("Afleveret")
    assert not handed_in("Ikke afleveret")
    assert not handed_in("IKKE AFLEVERET")
    assert not handed_in("Venter")
    assert not handed_in("")


def test_absence_rates_with_danish_numbers() -> None:
    page = (
        '<table id="s_m_Content_Content_SFTabStudentAbsenceDataTable">'
        "<tr><th>Hold</th><th colspan=8>Fravær</th></tr>"
        "<tr><td>1x ma</td><td>4,76%</td><td>3/63</td><td>2,5%</td><td>3/120</td>"
        "<td>12,5%</td><td>2,5/20</td><td>6,25%</td><td>2,5/40</td></tr>"
        "<tr><td>1x da</td><td>-</td><td></td><td></td><td></td>"
        "<td>0%</td><td>bad</td><td></td><td></td></tr>"
        "<tr><td>short</td><td>1%</td></tr>"
        "<tr><td>Samlet</td><td>1.234,5%</td><td>3/63</td><td>1%</td><td>3/300</td>"
        "<td>0,00%</td><td>0/20</td><td>0%</td><td>0/40</td></tr></table>"
    )
    rates = parse_absence_rates(page)
    maths = [rate for rate in rates if rate.subject == "1x ma"]
    assert [(r.kind, r.percent, r.percent_year, r.absent, r.total) for r in maths] == [
        (AbsenceRateKind.PHYSICAL, 4.76, 2.5, 3, 63),
        (AbsenceRateKind.WRITTEN, 12.5, 6.25, 2.5, 20),
    ]
    danish = [rate for rate in rates if rate.subject == "1x da"]
    assert [(r.kind, r.absent, r.total) for r in danish] == [(AbsenceRateKind.WRITTEN, None, None)]
    overall = [rate for rate in rates if rate.subject is None]
    assert overall[0].percent == 1234.5
    assert parse_absence_rates(_empty_page("subnav/fravaerelev.aspx")) == []
    with pytest.raises(ProtocolChangedError):
        parse_absence_rates("<p>none</p>")


def test_registered_absences() -> None:
    lesson = _brick("77", "2/9-2025 08:10 til 09:40&#10;Hold: 1x ma")
    day = '<a class="s2skemabrik" data-brikid="ABS78" data-tooltip="Idræt&#10;3/9-2025 Hele dagen">'
    day += "Idræt</a>"
    page = (
        '<table id="s_m_Content_Content_FatabAbsenceFravaerGV"><tr><th>Uge</th><th>Aktivitet</th>'
        "<th>Fravær</th><th>Registreret</th><th>Fraværsårsag</th></tr>"
        f"<tr><td>36</td><td>{lesson}</td><td>50%</td><td>3/9-2025</td><td>Sygdom</td></tr>"
        f"<tr><td>36</td><td>{day}</td><td>100%</td><td>4/9-2025</td><td></td></tr>"
        "<tr><td>36</td><td>no brick</td><td>100%</td><td></td><td></td></tr>"
        f"<tr><td>36</td><td>{_brick('79', 'no date')}</td><td></td><td></td><td></td></tr>"
        "</table>"
    )
    first, second = parse_registered_absences(page)
    assert (first.id, first.date, first.label, first.justified, first.reason) == (
        "77",
        date(2025, 9, 2),
        "1x ma (50%)",
        True,
        "Sygdom",
    )
    assert first.start is not None
    assert first.start.hour == 8
    assert second.label == "Idræt (100%)"
    assert not second.justified
    assert second.start is None
    assert parse_registered_absences(_empty_page("fravaerelev_fravaersaarsager.aspx")) == []
    with pytest.raises(ProtocolChangedError):
        parse_registered_absences("")


def test_message_dates_in_every_form() -> None:
    assert parse_last_change("13:45", NOW) == datetime(2025, 9, 8, 13, 45, tzinfo=COPENHAGEN)
    assert parse_last_change("fr 5/9", NOW) == datetime(2025, 9, 5, tzinfo=COPENHAGEN)
    # A day later in the year than today belongs to last year.
    assert parse_last_change("ma 29/12", NOW) == datetime(2024, 12, 29, tzinfo=COPENHAGEN)
    assert parse_last_change("1/9-2024", NOW) == datetime(2024, 9, 1, tzinfo=COPENHAGEN)
    assert parse_last_change("01-09-2025 12:54", NOW) is None
    assert parse_last_change("1/9-2025 12:54", NOW) == datetime(
        2025, 9, 1, 12, 54, tzinfo=COPENHAGEN
    )
    assert parse_last_change("on 30/2", NOW) is None
    assert parse_last_change("i går", NOW) is None


def test_message_list() -> None:
    def row(css: str, click: str, subject: str, sender: str, changed: str) -> str:
        cells = ("", "", "", subject, sender, "", "", changed)
        return (
            f'<tr class="{css}" {click}><td class="OnlyMobile">m</td>'
            + "".join(f'<td class="OnlyDesktop">{cell}</td>' for cell in cells)
            + "</tr>"
        )

    page = (
        '<table id="s_m_Content_Content_threadGV_ctl00"><tr><th>Emne</th></tr>'
        + row(
            "unread",
            "onclick=\"__doPostBack('__Page','$LB2$_MC_$_42')\"",
            '<span id="x_ch">Hej &amp; farvel</span><span>preview</span>',
            '<span title="Karen Eksempel (KE)">KE</span>',
            "13:45",
        )
        + row("", "", '<a onclick="VIEWTHREAD_43">Gammel</a>', "Jens", "1/9-2024")
        + row("", "", "no id", "x", "13:00")
        + row("", 'onclick="VIEWTHREAD_44"', "bad date", "x", "?")
        + "</table>"
    )
    first, second = parse_messages(page, NOW)
    assert (first.id, first.subject, first.sender, first.read) == (
        "42",
        "Hej & farvel",
        "Karen Eksempel (KE)",
        False,
    )
    assert (second.id, second.subject, second.sender, second.read) == ("43", "Gammel", "Jens", True)
    no_messages = _empty_page("beskeder2.aspx", "<div>Ingen beskeder at vise...</div>")
    assert parse_messages(no_messages, NOW) == []
    with pytest.raises(ProtocolChangedError):
        parse_messages("<div>Ingen beskeder at vise...</div>", NOW)


def test_grade_report_with_soft_hyphens_weights_and_blanks() -> None:
    page = (
        '<table id="s_m_Content_Content_karakterView_KarakterGV">'
        "<tr><th>Hold</th><th>Fag</th><th>1. stand\xadpunkt</th><th>Års\xadkarakter</th>"
        "<th>Vægt</th></tr>"
        "<tr><td>1x ma</td><td>Matematik</td><td>02 (1,00)</td><td>&nbsp;</td><td>1,5</td></tr>"
        "<tr><td>1x da</td><td>Dansk</td><td>-3</td><td>00</td><td></td></tr>"
        "<tr><td>1x en</td><td>Engelsk</td><td>12,5</td><td>10</td></tr>"
        "<tr><td>kort</td></tr></table>"
        '<table id="s_m_Content_Content_karakterView_KarakterNoterGrid">'
        "<tr><th>Hold</th><th>Type</th><th>Note</th></tr>"
        "<tr><td>1x da</td><td>Årskarakter</td><td>Flot</td></tr></table>"
    )
    book = parse_grade_report(page, TODAY)
    grades = {(grade.subject, grade.title): grade for grade in book.grades}
    assert set(grades) == {
        ("Matematik", "1. standpunkt"),
        ("Dansk", "1. standpunkt"),
        ("Dansk", "Årskarakter"),
        ("Engelsk", "Årskarakter"),
    }
    assert grades[("Matematik", "1. standpunkt")].raw == "02"
    assert grades[("Dansk", "Årskarakter")].raw == "00"
    assert grades[("Dansk", "Årskarakter")].comment == "Flot"
    assert grades[("Dansk", "1. standpunkt")].value == -3.0
    assert all(grade.out_of is None and grade.date == TODAY for grade in book.grades)
    assert parse_grade_report(_empty_page("grades/grade_report.aspx"), TODAY).grades == ()
    with pytest.raises(ProtocolChangedError):
        parse_grade_report("<p></p>", TODAY)


def test_read_grade_keeps_the_scale_strings() -> None:
    assert [read_grade(v) for v in ("12", "10", "7", "4", "02", "00", "-3")] == [
        "12",
        "10",
        "7",
        "4",
        "02",
        "00",
        "-3",
    ]
    assert read_grade("2") is None
    assert read_grade("7,5") is None
    assert read_grade("") is None


def test_identity_from_each_source() -> None:
    meta = parse_identity(
        soup(
            '<html><head><meta name="msapplication-starturl" '
            'content="/lectio/1/forside.aspx?elevid=123"></head><body>'
            '<div id="s_m_HeaderContent_MainTitle">Eleven Anne Marie Holm, 3.c - Forside</div>'
            '<div class="ls-master-header-institution-name"> Skole  X </div></body></html>'
        )
    )
    assert meta is not None
    assert (meta.elevid, meta.name, meta.class_name, meta.school_name) == (
        "123",
        "Anne Marie Holm",
        "3.c",
        "Skole X",
    )
    assert (meta.first_name, meta.last_name) == ("Anne Marie", "Holm")
    card = parse_identity(
        soup(
            '<div id="s_m_HeaderContent_MainTitle" data-lectiocontextcard="S456">'
            "Eleven Bo, 1x - Skema</div>"
        )
    )
    assert card is not None
    assert (card.elevid, card.name, card.class_name, card.school_name) == ("456", "Bo", "1x", None)
    assert (card.first_name, card.last_name) == ("Bo", "")
    link = parse_identity(
        soup(
            "<title>Eleven Ib Ask - Skema - Lectio - Skole</title>"
            '<a href="SkemaNy.aspx?type=elev&amp;elevid=789">skema</a>'
        )
    )
    assert link is not None
    assert (link.elevid, link.name, link.class_name) == ("789", "Ib Ask", None)
    assert parse_identity(soup("<p>Log ind</p>")) is None


def test_identity_leaves_out_the_marker_glued_to_a_name() -> None:
    marked = parse_identity(
        soup(
            '<div id="s_m_HeaderContent_MainTitle" data-lectiocontextcard="S7">'
            "Eleven Ida Sofie Holm(k), 1g3 - Skema</div>"
        )
    )
    assert marked is not None
    assert (marked.name, marked.first_name, marked.last_name, marked.class_name) == (
        "Ida Sofie Holm",
        "Ida Sofie",
        "Holm",
        "1g3",
    )


def test_unread_counter() -> None:
    page = (
        '<div id="s_m_Content_Content_kommIsland_pa"><span class="dashboardLinkHeaderInfoText">'
        "3 ulæste</span></div>"
    )
    assert parse_unread_count(soup(page)) == 3
    assert parse_unread_count(soup('<div id="x_kommIsland_pa"></div>')) is None
    assert parse_unread_count(soup("<p></p>")) is None


def test_message_signs_are_the_counter_and_the_latest_subjects() -> None:
    island = (
        '<div id="s_m_Content_Content_kommIsland_pa"><span class="dashboardLinkHeaderInfoText">'
        "{unread} ulæste</span>"
        '<div id="s_m_Content_Content_BeskederInfo"><ul>{latest}</ul></div></div>'
    )
    signs = parse_message_signs(soup(island.format(unread=1, latest="<li>Idrætsdag</li>")))
    assert (signs.unread, signs.latest) == (1, "Idrætsdag")
    newer = parse_message_signs(
        soup(island.format(unread=1, latest="<li>Studietur</li><li>Idrætsdag</li>"))
    )
    assert newer != signs
    # A front page without the preview still gives its counter.
    counter_only = island.format(unread=2, latest="").replace("BeskederInfo", "Other")
    assert parse_message_signs(soup(counter_only)) == MessageSigns(unread=2, latest="")
    bare = parse_message_signs(soup("<p></p>"))
    assert (bare.unread, bare.latest) == (None, "")


def _empty_page(name: str, content: str = "") -> str:
    """A page of the student whose list is empty: ASP.NET renders no grid at all."""
    return (
        f'<html><body><form method="post" action="./{name}?elevid=1">{content}</form></body></html>'
    )
