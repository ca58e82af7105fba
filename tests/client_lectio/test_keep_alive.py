"""Lectio pages that need not be read at each refresh: the idle session's, the grade report,
the absence rates (read again after six hours, or when the registered absences changed)."""

from __future__ import annotations

from datetime import timedelta

from custom_components.schoolbag.client.lectio.const import KEEP_ALIVE_AFTER
from custom_components.schoolbag.client.lectio.page_ages import (
    ABSENCE_RATES_MAX_AGE,
    GRADE_REPORT_MAX_AGE,
    REGISTERED_ABSENCES_MAX_AGE,
)
from simulator.lectio import LectioSimulator

from ..fake_time import FakeClock
from .conftest import DEMO_ELEVID, TODAY, MakeClient

IDLE = KEEP_ALIVE_AFTER.total_seconds()
RATES_PAGE = "fravaerelev.aspx"
REASONS_PAGE = "fravaerelev_fravaersaarsager.aspx"


def _logins(sim: LectioSimulator, since: int = 0) -> int:
    return sum(
        method == "POST" and path.endswith("login.aspx") for method, path in sim.requests[since:]
    )


async def test_an_idle_session_is_kept_with_one_page_read(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    assert not await client.keep_alive()
    assert sim.requests == []

    await client.login()
    requests = client.request_count
    clock.now += IDLE - 1
    assert await client.keep_alive()
    assert client.request_count == requests

    clock.now += 1
    assert await client.keep_alive()
    assert client.request_count == requests + 1
    assert sim.requests[-1] == ("GET", "/lectio/680/forside.aspx")
    # The page read counts as activity: no second ping right after.
    assert await client.keep_alive()
    assert client.request_count == requests + 1

    # The session is still the same: data needs no new login.
    before = len(sim.requests)
    await client.timetable(DEMO_ELEVID, TODAY, TODAY)
    assert _logins(sim, before) == 0


async def test_a_session_the_school_ended_is_not_pinged_again(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    await client.login()
    sim.expire_sessions()
    clock.now += IDLE

    assert not await client.keep_alive()
    requests = client.request_count
    assert not await client.keep_alive()
    assert client.request_count == requests
    # The next data call logs in again by itself.
    before = len(sim.requests)
    assert await client.timetable(DEMO_ELEVID, TODAY, TODAY)
    assert _logins(sim, before) == 1


async def test_pings_pay_only_below_the_cost_of_a_login(make_client: MakeClient) -> None:
    password = make_client()
    assert password.keep_alive_pays(timedelta(minutes=30))
    assert password.keep_alive_pays(KEEP_ALIVE_AFTER * 4 - timedelta(seconds=1))
    assert not password.keep_alive_pays(KEEP_ALIVE_AFTER * 4)
    # With the auto-login cookie a new session costs only the front page.
    cookie = make_client(password="autologinkeyV2=abc", login_mode="cookie")
    assert cookie.keep_alive_pays(KEEP_ALIVE_AFTER)
    assert not cookie.keep_alive_pays(timedelta(minutes=30))


async def test_the_grade_report_is_read_again_only_after_six_hours(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    book = await client.grades(DEMO_ELEVID)
    reads = sum(path.endswith("grade_report.aspx") for _, path in sim.requests)
    clock.now += GRADE_REPORT_MAX_AGE - 1
    assert await client.grades(DEMO_ELEVID) == book
    assert sum(path.endswith("grade_report.aspx") for _, path in sim.requests) == reads
    clock.now += 1
    await client.grades(DEMO_ELEVID)
    assert sum(path.endswith("grade_report.aspx") for _, path in sim.requests) == reads + 1


def _rates_reads(sim: LectioSimulator) -> int:
    return sum(1 for _, path in sim.requests if path.endswith(RATES_PAGE))


def _reasons_reads(sim: LectioSimulator) -> int:
    return sum(1 for _, path in sim.requests if path.endswith(REASONS_PAGE))


async def test_rates_are_kept_while_the_registered_absences_stay_the_same(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await client.school_life(DEMO_ELEVID)
    assert first.absence_rates
    assert _rates_reads(sim) == 1

    clock.now += REGISTERED_ABSENCES_MAX_AGE
    again = await client.school_life(DEMO_ELEVID)
    assert _reasons_reads(sim) == 2
    assert _rates_reads(sim) == 1
    assert again == first

    clock.now += ABSENCE_RATES_MAX_AGE
    await client.school_life(DEMO_ELEVID)
    assert _rates_reads(sim) == 2


async def test_a_changed_list_of_absences_reads_the_rates_again(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await client.school_life(DEMO_ELEVID)
    # A week later the simulated absences fall on other days.
    sim.pin_today(TODAY + timedelta(days=7))
    clock.now += REGISTERED_ABSENCES_MAX_AGE
    later = await client.school_life(DEMO_ELEVID)
    assert later.absences != first.absences
    assert _rates_reads(sim) == 2
