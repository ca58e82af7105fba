"""Wire-level: the pages' structure (Lectio protocol §3-8), switches and error cases."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.calendar import monday_of_week_code, week_code
from simulator.lectio.fixtures.timetable import find_activity, week_bricks
from simulator.lectio.pages.messages import last_change

from .conftest import TODAY
from .helpers import Browser


@pytest.fixture
async def logged_in(browser: Browser) -> Browser:
    await browser.login()
    return browser


async def test_unknown_school_redirects_to_the_error_page(browser: Browser) -> None:
    status, location, _ = await browser.get("/lectio/999/forside.aspx")
    assert (status, location) == (302, "/lectio/fejlhandled.aspx?title=Skolen+eksisterer+ikke")
    _, _, page = await browser.get(location)
    assert "Skolen eksisterer ikke" in page
    status, _, _ = await browser.get("/lectio/nope")
    assert status == 404


async def test_schedule_week(logged_in: Browser) -> None:
    status, _, page = await logged_in.get("/lectio/680/skemany.aspx?week=132026")
    assert status == 200
    assert 'class="s2skema"' in page
    assert "Uge 13 - 2026" in page
    assert 'data-date="2026-03-23"' in page
    assert "Søndag (29/3)" in page  # the weekend trip shows the weekend columns
    assert "s2changed" in page
    assert "s2cancelled" in page
    assert "Ændret!&#10;" in page
    assert "Aflyst!&#10;" in page
    assert "Brøker &amp;amp; procent" in page
    assert "27/3-2026 17:00 til 29/3-2026 17:00" in page
    assert "25/3-2026 Hele dagen" in page
    assert "Lærere: Jens Jensen (JJ), Mette Larsen (ML)" in page
    assert "17:00-... " in page
    assert "...-17:00 " in page


async def test_schedule_defaults_to_the_current_week_and_any_week_has_lessons(
    logged_in: Browser,
) -> None:
    _, _, page = await logged_in.get("/lectio/680/SkemaNy.aspx")
    assert f"Uge {TODAY.isocalendar()[1]} - 2026" in page
    _, _, page = await logged_in.get("/lectio/680/SkemaNy.aspx?week=532026")
    assert 'data-date="2026-12-28"' in page
    assert 'data-date="2027-01-01"' in page
    assert "Lørdag" not in page


async def test_legacy_tooltips_and_malformed_schedule(
    logged_in: Browser, sim: LectioSimulator
) -> None:
    sim.legacy_tooltips = True
    _, _, page = await logged_in.get("/lectio/680/SkemaNy.aspx")
    assert "data-additionalinfo=" in page
    assert "data-tooltip=" not in page
    sim.malformed_schedule = True
    _, _, page = await logged_in.get("/lectio/680/SkemaNy.aspx")
    assert "s2skema" not in page


async def test_homework_overview_has_a_mobile_duplicate(logged_in: Browser) -> None:
    _, _, page = await logged_in.get("/lectio/680/material_lektieoversigt.aspx")
    assert page.count('class="OnlyMobile"') == 1
    assert "Forbered oplæg om Den Kolde Krig" in page


async def test_assignments_term_filter(logged_in: Browser) -> None:
    _, _, page = await logged_in.get("/lectio/680/OpgaverElev.aspx")
    assert "Journal: Enzymer" not in page
    assert "Ikke afleveret" in page
    form = {"__EVENTTARGET": "s$m$Content$Content$CurrentExerciseFilterCB"}
    _, _, page = await logged_in.post("/lectio/680/OpgaverElev.aspx", form)
    assert "Journal: Enzymer" in page
    _, _, page = await logged_in.get("/lectio/680/ElevAflevering.aspx?exerciseid=61000000001")
    assert 'id="m_Content_StudentGV"' in page
    status, _, _ = await logged_in.get("/lectio/680/ElevAflevering.aspx?exerciseid=1")
    assert status == 404


async def test_absence_pages(logged_in: Browser) -> None:
    _, _, page = await logged_in.get("/lectio/680/subnav/fravaerelev.aspx")
    assert "SFTabStudentAbsenceDataTable" in page
    assert "<td>4,76%</td><td>3/63</td>" in page
    assert "<td>Samlet</td>" in page
    _, _, page = await logged_in.get("/lectio/680/subnav/fravaerelev_fravaersaarsager.aspx")
    assert "FatabMissingAarsagerGV" in page
    assert "Sygdom" in page


async def test_messages_folders_and_threads(logged_in: Browser) -> None:
    _, _, page = await logged_in.get("/lectio/680/beskeder2.aspx?type=liste&selectedfolderid=-40")
    assert page.count('class="unread"') == 2
    _, _, page = await logged_in.get("/lectio/680/beskeder2.aspx?selectedfolderid=-60")
    assert "Gammel besked" in page
    _, _, page = await logged_in.get("/lectio/680/beskeder2.aspx?selectedfolderid=-10")
    assert "Studietur" in page
    assert "Idrætsdag" not in page
    _, _, page = await logged_in.get("/lectio/680/beskeder2.aspx?selectedfolderid=-99")
    assert "Ingen beskeder at vise..." in page
    _, _, page = await logged_in.get("/lectio/680/beskeder2.aspx?type=showthread&id=50000000001")
    assert "message-thread-message-content" in page
    status, _, _ = await logged_in.get("/lectio/680/beskeder2.aspx?type=showthread&id=1")
    assert status == 404


async def test_grades_and_activity_pages(logged_in: Browser) -> None:
    _, _, page = await logged_in.get("/lectio/680/grades/grade_report.aspx")
    assert "Års\xadkarakter" in page
    assert ">02<" in page
    assert ">-3<" in page
    lesson = next(b for b in week_bricks(TODAY - timedelta(days=2), TODAY) if b.activity_id)
    _, _, page = await logged_in.get(
        f"/lectio/680/aktivitet/aktivitetforside2.aspx?absid={lesson.activity_id}"
    )
    assert "homeworkContentContainer" in page
    status, _, _ = await logged_in.get("/lectio/680/aktivitet/aktivitetforside2.aspx?absid=x")
    assert status == 404
    status, _, _ = await logged_in.get("/lectio/680/nothing.aspx")
    assert status == 404


async def test_other_student_gets_a_server_error(logged_in: Browser) -> None:
    status, _, page = await logged_in.get("/lectio/680/forside.aspx?elevid=60000000002")
    assert status == 500
    assert "Server Error" in page
    status, location, _ = await logged_in.get("/lectio/680/default.aspx")
    assert (status, location) == (302, "/lectio/680/forside.aspx")


async def test_faults_and_rate_limit(logged_in: Browser, sim: LectioSimulator) -> None:
    sim.faults.next_errors.extend(["unknown_error", "http_503", "server_error"])
    _, _, page = await logged_in.get("/lectio/680/forside.aspx")
    assert "Der opstod en ukendt fejl" in page
    status, _, _ = await logged_in.get("/lectio/680/forside.aspx")
    assert status == 503
    status, _, _ = await logged_in.get("/lectio/680/forside.aspx")
    assert status == 500
    sim.faults.rate_limit = 1
    _, _, first = await logged_in.get("/lectio/680/forside.aspx")
    _, _, second = await logged_in.get("/lectio/680/forside.aspx")
    assert "ukendt fejl" not in first
    assert "Der opstod en ukendt fejl" in second


def test_fixture_helpers() -> None:
    assert week_code(TODAY) == "132026"
    assert monday_of_week_code("532026") is not None
    assert monday_of_week_code("542026") is None
    assert monday_of_week_code("x") is None
    assert find_activity("7abc", TODAY) is None
    moment = datetime(2026, 3, 25, 10)
    assert last_change(datetime(2026, 3, 25, 7, 45), moment) == "07:45"
    assert last_change(datetime(2026, 3, 23, 7, 45), moment) == "ma 23/3"
    assert last_change(datetime(2026, 1, 2, 7, 45), moment) == "2/1-2026"
