"""Refreshes of the real coordinator against simulators with injected latency.

``python -m benchmarks.latency`` runs this module with pytest in Home Assistant's test
harness. Each account is added through the config flow on a fake clock that ticks at real
speed (so the simulators' latency and the wall times are real) and moves on half an hour,
the school-hours interval, a minute at a time (keep-alive pings go out as they would), before
each later refresh. The simulators are served on 127.0.0.1 by an event loop in another
thread, so the loop measured runs only Home Assistant and the integration.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime, timedelta
import os
import statistics
import tracemalloc
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import storage
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (  # type: ignore[import-untyped]
    async_fire_time_changed,
)

from benchmarks.day_accounts import ACCOUNTS, Simulator, add_entry, simulator_app
from benchmarks.day_play import verify_cleanup  # noqa: F401 - the fixture, for this module
from benchmarks.latency_settings import (
    ADDED,
    CROWD,
    DAY,
    INTERVAL,
    LATENCY_MS,
    OUT,
    REFRESHES,
    crowd,
)
from benchmarks.probes import CallbackTime, LoopLag, ThreadedServers, save_figures
from custom_components.schoolbag.coordinator import SchoolbagCoordinator

# Read when the module is imported, before the test harness puts its storage mock in place.
HOME_ASSISTANT_WRITE = storage.Store._async_write_data
# A fake clock ticking at real speed: the loop's timers and the simulators' latency work.
pytestmark = pytest.mark.freeze_time(ADDED, tick=True)

# Refreshes are asked for just before the coordinator's own timer would start them.
EARLY = timedelta(seconds=10)
# Between refreshes the clock moves a minute at a time: keep-alive pings go out as they would.
IDLE_STEP = timedelta(minutes=1)


async def _idle_until(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: datetime
) -> None:
    while (now := dt_util.utcnow()) < moment - IDLE_STEP:
        freezer.move_to(now + IDLE_STEP)
        async_fire_time_changed(hass)
        # Pings run as background tasks: the clock must not move on while one is in flight.
        await hass.async_block_till_done(wait_background_tasks=True)
    freezer.move_to(moment)


@pytest.fixture
def lectio_without_pauses() -> None:
    """Lectio keeps its second between requests here (the test suite leaves it out)."""


@pytest.fixture(autouse=True)
def stores_as_in_home_assistant(hass_storage: dict[str, Any]) -> Iterator[None]:
    """Saves take Home Assistant's own path, only the file is not written.

    The harness's storage mock checks every value for mocks and copies it through JSON on
    the event loop, which Home Assistant does not do: it would weigh on the callbacks timed.
    """
    with (
        patch.object(storage.Store, "_async_write_data", HOME_ASSISTANT_WRITE),
        patch.object(storage.Store, "_write_prepared_data", lambda *_: None),
    ):
        yield


@pytest.fixture
def schools(socket_enabled: None) -> Iterator[ThreadedServers]:
    """The simulated schools, served outside the loop the benchmark measures."""
    servers = ThreadedServers()
    yield servers
    servers.close()


def _simulator(platform: str) -> Simulator:
    sim = ACCOUNTS[platform].simulator(DAY, False)
    sim.faults.latency = float(os.environ[LATENCY_MS]) / 1000
    return sim


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


async def _timed(refresh: Callable[[], Awaitable[object]]) -> float:
    loop = asyncio.get_running_loop()
    started = loop.time()
    await refresh()
    return loop.time() - started


@pytest.mark.parametrize("platform", list(ACCOUNTS))
async def test_one_account(
    hass: HomeAssistant,
    schools: ThreadedServers,
    freezer: FrozenDateTimeFactory,
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
) -> None:
    account = ACCOUNTS[platform]
    await hass.config.async_set_time_zone(account.zone)
    sim = _simulator(platform)
    first: list[tuple[float, int]] = []
    original = SchoolbagCoordinator.async_config_entry_first_refresh

    async def first_refresh(coordinator: SchoolbagCoordinator) -> None:
        """The setup's first refresh (login and data), timed: the flow's own calls are not."""
        before = len(sim.requests)
        first.append((await _timed(lambda: original(coordinator)), len(sim.requests) - before))

    monkeypatch.setattr(SchoolbagCoordinator, "async_config_entry_first_refresh", first_refresh)
    entry = await add_entry(hass, account.answers(await schools.serve(simulator_app(sim)), sim))
    coordinator: SchoolbagCoordinator = entry.runtime_data
    seconds: list[float] = []
    requests: list[int] = []
    pings: list[int] = []
    lag = LoopLag()
    cost = CallbackTime()
    for index in range(1, int(os.environ[REFRESHES]) + 1):
        before = len(sim.requests)
        await _idle_until(hass, freezer, ADDED + index * INTERVAL - EARLY)
        pings.append(len(sim.requests) - before)
        before = len(sim.requests)
        async with lag, cost:
            seconds.append(await _timed(coordinator.async_refresh))
        requests.append(len(sim.requests) - before)
        last = [" ".join(part for part in request if part) for request in sim.requests[before:]]
        assert coordinator.last_update_success, coordinator.last_exception
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    save_figures(
        OUT,
        platform,
        {
            "first_ms": _ms(first[0][0]),
            "first_requests": first[0][1],
            "later_ms": _ms(statistics.mean(seconds)),
            "later_requests": requests,
            "idle_requests": pings,
            "worst_callback_ms": _ms(cost.worst),
            "worst_gc_ms": _ms(cost.worst_gc),
            "worst_without_gc_ms": _ms(cost.worst_without_gc),
            "worst_callback": cost.worst_callback,
            "worst_lag_ms": _ms(lag.worst),
            "last_requests": last,
        },
    )


async def _add_crowd(
    hass: HomeAssistant, schools: ThreadedServers, platforms: tuple[str, ...]
) -> list[SchoolbagCoordinator]:
    """Each account with its own simulated server, through the config flow."""
    coordinators: list[SchoolbagCoordinator] = []
    for index, platform in enumerate(platforms):
        sim = _simulator(platform)
        origin = await schools.serve(simulator_app(sim))
        entry = await add_entry(hass, ACCOUNTS[platform].answers(origin, sim))
        # The same demo account again: another unique id lets the next flow through.
        hass.config_entries.async_update_entry(entry, unique_id=f"{entry.unique_id}-{index}")
        coordinators.append(entry.runtime_data)
    return coordinators


async def test_ten_accounts(
    hass: HomeAssistant, schools: ThreadedServers, freezer: FrozenDateTimeFactory
) -> None:
    """Ten accounts in one loop, refreshed at once, round after round."""
    platforms = crowd(os.environ[CROWD])
    await hass.config.async_set_time_zone("Europe/Paris")
    tracemalloc.start()
    coordinators = await _add_crowd(hass, schools, platforms)

    async def round_of_refreshes() -> None:
        await asyncio.gather(*(coordinator.async_refresh() for coordinator in coordinators))

    # One untimed round under tracemalloc (which slows Python down) for the memory.
    freezer.move_to(ADDED + INTERVAL - EARLY)
    await round_of_refreshes()
    held, peak = (size / 1024 for size in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    seconds: list[float] = []
    lag = LoopLag()
    cost = CallbackTime()
    for index in range(2, int(os.environ[REFRESHES]) + 2):
        freezer.move_to(ADDED + index * INTERVAL - EARLY)
        async with lag, cost:
            seconds.append(await _timed(round_of_refreshes))
    failed = [c.name for c in coordinators if not c.last_update_success]
    for entry in hass.config_entries.async_entries():
        assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    save_figures(
        OUT,
        "crowd",
        {
            "platforms": list(platforms),
            "round_ms": _ms(statistics.mean(seconds)),
            "worst_callback_ms": _ms(cost.worst),
            "worst_gc_ms": _ms(cost.worst_gc),
            "worst_without_gc_ms": _ms(cost.worst_without_gc),
            "worst_callback": cost.worst_callback,
            "worst_lag_ms": _ms(lag.worst),
            "held_kib": round(held),
            "peak_kib": round(peak),
            "failed": failed,
        },
    )
