"""One school week of each platform on a fake clock, in Home Assistant's test harness.

``python -m benchmarks.day`` runs this module with pytest, which brings Home Assistant's
``hass`` and ``freezer`` fixtures: the real integration, added through its config flow with
default options, refreshes as its coordinator decides while the clock moves a minute at a
time. The reference client refreshes at its fixed interval with a login each time, reading
the same data through the coordinator's own fetcher.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
import json
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import ClientSession, CookieJar
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import (  # type: ignore[import-untyped]
    async_fire_time_changed,
)

from benchmarks.day_accounts import ACCOUNTS, Account, add_entry, simulator_app
from benchmarks.day_calendar import HOLIDAY_MONDAY, MONDAY, OUT_VARIABLE, SATURDAY
from custom_components.schoolbag.coordinator import SchoolbagCoordinator
from custom_components.schoolbag.entry_data import ClientContext
from custom_components.schoolbag.flow_platforms import stored_login
from custom_components.schoolbag.refresh_schedule import SCHOOL_DAY_END, SCHOOL_DAY_START
from custom_components.schoolbag.student_fetch import StudentFetcher

STEP = timedelta(minutes=1)
DAY = timedelta(days=1)

type Figures = dict[str, Any]


@pytest.fixture(autouse=True)
def verify_cleanup() -> None:
    """No check of what a test leaves running: a week played on the fake clock leaves Home
    Assistant's own daily timers and its import executor, which the test harness refuses."""
    return


async def _advance_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: datetime
) -> None:
    freezer.move_to(moment)
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def _play_schoolbag(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, entry: ConfigEntry, days: list[date]
) -> Figures:
    """Each day's requests and logins, and the oldest data seen in school hours."""
    coordinator: SchoolbagCoordinator = entry.runtime_data
    client = coordinator.client
    zone = ZoneInfo(hass.config.time_zone)
    counts: dict[str, list[int]] = {}
    oldest = timedelta(0)
    for day in days:
        start = (client.request_count, client.login_count)
        moment = datetime.combine(day, time(0), zone)
        while moment < datetime.combine(day + DAY, time(0), zone):
            moment += STEP
            await _advance_to(hass, freezer, moment)
            if day.weekday() < SATURDAY.weekday() and (
                SCHOOL_DAY_START <= moment.time() < SCHOOL_DAY_END
            ):
                oldest = max(oldest, moment - coordinator.data.fetched_at)
        counts[day.isoformat()] = [client.request_count - start[0], client.login_count - start[1]]
    return {
        "days": counts,
        "oldest_minutes": oldest.total_seconds() / 60,
        "hours": f"{SCHOOL_DAY_START:%H:%M} to {SCHOOL_DAY_END:%H:%M}",
    }


async def _play_reference(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    entry: ConfigEntry,
    account: Account,
    days: list[date],
) -> dict[str, list[int]]:
    """Requests and logins of each day of refreshes by a new client at each interval."""
    students = entry.runtime_data.students
    login = stored_login(entry.data)
    zone = ZoneInfo(hass.config.time_zone)
    counts: dict[str, list[int]] = {}
    for day in days:
        requests = logins = 0
        moment = datetime.combine(day, time(0), zone)
        while moment < datetime.combine(day + DAY, time(0), zone):
            freezer.move_to(moment)
            async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as session:
                client = login.client(session, ClientContext(options=entry.options))
                await StudentFetcher(client, entry).async_fetch(students)
                requests, logins = requests + client.request_count, logins + client.login_count
            moment += account.reference.interval
        counts[day.isoformat()] = [requests, logins]
    return counts


async def _play(
    hass: HomeAssistant,
    serve_app: Callable[[Any], Any],
    freezer: FrozenDateTimeFactory,
    account: Account,
    monday: date,
    reference_days: list[date],
) -> Figures:
    """Add the account on the Sunday evening, play its week, then the reference's days."""
    zone = ZoneInfo(account.zone)
    await hass.config.async_set_time_zone(account.zone)
    holidays = monday == HOLIDAY_MONDAY
    simulator = account.simulator(monday, holidays)
    origin = await serve_app(simulator_app(simulator))
    freezer.move_to(datetime.combine(monday - DAY, time(20), zone))
    entry = await add_entry(hass, account.answers(origin, simulator))
    week = [monday + timedelta(days=offset) for offset in range(7 if not holidays else 2)]
    schoolbag = await _play_schoolbag(hass, freezer, entry, week)
    reference = await _play_reference(hass, freezer, entry, account, reference_days)
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    return {"schoolbag": schoolbag, "reference": reference, "name": account.reference.name}


def _save(platform: str, kind: str, figures: Figures) -> None:
    path = Path(os.environ.get(OUT_VARIABLE) or "day-figures.json")
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved.setdefault(platform, {})[kind] = figures
    path.write_text(json.dumps(saved, indent=2))


@pytest.mark.parametrize("platform", list(ACCOUNTS))
async def test_a_school_week(
    hass: HomeAssistant,
    serve_app: Callable[[Any], Any],
    freezer: FrozenDateTimeFactory,
    platform: str,
) -> None:
    account = ACCOUNTS[platform]
    figures = await _play(hass, serve_app, freezer, account, MONDAY, [MONDAY + DAY, SATURDAY])
    _save(platform, "week", figures)
    assert figures["schoolbag"]["days"][MONDAY.isoformat()][0] > 0


@pytest.mark.parametrize("platform", list(ACCOUNTS))
async def test_a_holiday(
    hass: HomeAssistant,
    serve_app: Callable[[Any], Any],
    freezer: FrozenDateTimeFactory,
    platform: str,
) -> None:
    account = ACCOUNTS[platform]
    tuesday = HOLIDAY_MONDAY + DAY
    figures = await _play(hass, serve_app, freezer, account, HOLIDAY_MONDAY, [tuesday])
    _save(platform, "holiday", figures)
    assert figures["schoolbag"]["days"][tuesday.isoformat()][0] > 0
