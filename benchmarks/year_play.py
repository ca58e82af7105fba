"""A school year of one account per platform on a fake clock, for its memory.

``python -m benchmarks.year`` runs this module with pytest in Home Assistant's test harness.
The real integration, added through its config flow, refreshes when its own schedule says
(the clock jumps to each planned refresh) on a sampled day of every school week from
September to July, while the simulator is moved to that week. tracemalloc runs throughout;
at the end of each month a snapshot, taken after a full garbage collection, gives the memory
held, without what the simulator itself allocated, nor the copies of every Store save that
the harness's storage mocks keep in their call records (dropped after each sampled day).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
import json
import os
import tracemalloc
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import storage
import pytest

from benchmarks.day_accounts import ACCOUNTS, Simulator, add_entry, simulator_app
from benchmarks.day_play import _advance_to, verify_cleanup  # noqa: F401 - the fixture too
from benchmarks.probes import save_figures, traced_kib
from benchmarks.year_calendar import OUT, SAMPLE_END, SAMPLE_START, WEEKS_VARIABLE, sampled_days
from custom_components.schoolbag.client.codec import to_json
from custom_components.schoolbag.coordinator import SchoolbagCoordinator
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator

SIMULATORS = ("*/simulator/*",)
INTEGRATION = "*/custom_components/schoolbag/*"


def _move_simulator(sim: Simulator, day: date) -> None:
    """Serve the week of ``day``: the simulator rebuilds its demo data around it.

    Rebuilding forgets the server's sessions (the client logs in again, as after a night);
    EcoleDirecte keeps the device's double-auth trust, as the real server does.
    """
    sim._pinned_today = day  # the simulators' pinned day
    if isinstance(sim, LectioSimulator):
        return  # Lectio renders every page from its pinned day.
    if isinstance(sim, EcoleDirecteSimulator):
        trust = sim.trust
        sim.reset()
        sim.trust = trust
        return
    sim.reset()


def _forget_store_calls() -> None:
    """Drop the calls the test harness's storage mocks record: each keeps a saved copy."""
    for name in ("_async_load", "_async_write_data"):
        getattr(storage.Store, name).reset_mock()


async def _play_day(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    coordinator: SchoolbagCoordinator,
    start: datetime,
    end: datetime,
) -> int:
    """Jump to each refresh the coordinator plans between ``start`` and ``end``; their count."""
    refreshes = 0
    moment = start
    while moment < end:
        fetched = coordinator.data.fetched_at
        await _advance_to(hass, freezer, moment)
        refreshes += coordinator.data.fetched_at != fetched
        planned = coordinator.next_refresh
        interval = coordinator.update_interval or timedelta(minutes=30)
        due = planned.at if planned is not None else moment + interval
        moment = max(due, moment) + timedelta(seconds=1)
    return refreshes


# Lines of code listed with the most growth of memory over the year.
GROWTH_LINES = 6


@pytest.mark.parametrize("platform", list(ACCOUNTS))
async def test_a_school_year(
    hass: HomeAssistant,
    serve_app: Callable[[Any], Any],
    freezer: FrozenDateTimeFactory,
    platform: str,
) -> None:
    account = ACCOUNTS[platform]
    zone = ZoneInfo(account.zone)
    await hass.config.async_set_time_zone(account.zone)
    days = sampled_days(int(os.environ[WEEKS_VARIABLE]))
    sim = account.simulator(days[0], False)
    origin = await serve_app(simulator_app(sim))
    freezer.move_to(datetime.combine(days[0], SAMPLE_START, zone))
    entry = await add_entry(hass, account.answers(origin, sim))
    coordinator: SchoolbagCoordinator = entry.runtime_data
    tracemalloc.start()
    months: list[dict[str, Any]] = []
    first_snapshot: tracemalloc.Snapshot | None = None
    refreshes = failures = 0
    for index, day in enumerate(days):
        _move_simulator(sim, day)
        refreshes += await _play_day(
            hass,
            freezer,
            coordinator,
            datetime.combine(day, SAMPLE_START, zone),
            datetime.combine(day, SAMPLE_END, zone),
        )
        failures += not coordinator.last_update_success
        _forget_store_calls()
        if index + 1 == len(days) or days[index + 1].month != day.month:
            months.append(
                {
                    "month": f"{day:%Y-%m}",
                    "kib": round(traced_kib(excluded=SIMULATORS)),
                    "integration_kib": round(traced_kib(only=INTEGRATION)),
                    # What the data shown weighs as JSON: it grows as grades pile up.
                    "data_kib": round(len(json.dumps(to_json(coordinator.data))) / 1024),
                    "refreshes": refreshes,
                    "failed_days": failures,
                }
            )
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(True, INTEGRATION)]
            )
            first_snapshot = first_snapshot or snapshot
    # Where the integration's own memory grew most from the first month to the last.
    assert first_snapshot is not None
    growth = [
        str(stat)
        for stat in snapshot.compare_to(first_snapshot, "lineno")[:GROWTH_LINES]
        if stat.size_diff > 0
    ]
    tracemalloc.stop()
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    save_figures(OUT, platform, {"months": months, "growth": growth})
