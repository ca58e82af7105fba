"""Pronote sessions are kept open between refreshes only where pings cost less than a login."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.schoolbag.client.pronote import PronoteClient
from custom_components.schoolbag.refresh_schedule import RefreshReason
from simulator.pronote import PronoteSimulator

from .conftest import SCHOOL_DAY
from .test_pronote import _created, _password_login

PING = ("/pronote/eleve.html", "Navigation")
LOGIN = "Authentification"
assert PronoteClient.keep_alive_interval is not None
PING_INTERVAL = PronoteClient.keep_alive_interval.total_seconds()

# School hours, when the schedule's interval applies.
pytestmark = pytest.mark.usefixtures("school_morning")


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """The simulated school, with lessons on the test's school day."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def pings(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What each keep-alive call the timer made answered."""
    results: list[bool] = []
    real_keep_alive = PronoteClient.keep_alive

    async def recording_keep_alive(self: PronoteClient) -> bool:
        result = await real_keep_alive(self)
        results.append(result)
        return result

    monkeypatch.setattr(PronoteClient, "keep_alive", recording_keep_alive)
    return results


def _count(simulator: PronoteSimulator, request: tuple[str, str]) -> int:
    return simulator.requests.count(request)


def _logins(simulator: PronoteSimulator) -> int:
    return sum(1 for _, name in simulator.requests if name == LOGIN)


async def _advance(hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float) -> None:
    """Move the clock on and run what became due, the keep-alive ping included.

    The interval timer runs its job as a background task: wait for those too,
    or the ping is still in flight when the clock moves on again (and then
    times out against the frozen loop clock).
    """
    freezer.tick(seconds)
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def _account(hass: HomeAssistant, origin: str, minutes: int | None = None) -> ConfigEntry:
    """A Pronote account, refreshed every ``minutes`` in school hours when given."""
    entry = await _created(hass, await _password_login(hass, f"{origin}/pronote/eleve.html"))
    if minutes is None:
        return entry
    result = await hass.config_entries.options.async_init(entry.entry_id)
    defaults = {str(key): key.default() for key in result["data_schema"].schema}
    await hass.config_entries.options.async_configure(
        result["flow_id"], {**defaults, "refresh_interval": minutes}
    )
    await hass.async_block_till_done()
    return entry


async def test_a_short_interval_keeps_the_session_open_with_pings(
    hass: HomeAssistant,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
    freezer: FrozenDateTimeFactory,
    pings: list[bool],
) -> None:
    # Ten minutes between refreshes: five pings cost less than a new login.
    entry = await _account(hass, pronote_origin, minutes=10)
    coordinator = entry.runtime_data
    assert coordinator.next_refresh is not None
    assert coordinator.next_refresh.reason is RefreshReason.SCHOOL_HOURS
    logins = _logins(pronote_simulator)

    # Not yet due.
    await _advance(hass, freezer, PING_INTERVAL / 2)
    assert pings == []

    # Due: the session has been idle for two minutes, so it is pinged.
    await _advance(hass, freezer, PING_INTERVAL / 2)
    assert pings == [True]
    assert _count(pronote_simulator, PING) == 1

    # And again at every interval, on the same server session.
    await _advance(hass, freezer, PING_INTERVAL)
    await _advance(hass, freezer, PING_INTERVAL)
    assert pings == [True, True, True]
    assert _count(pronote_simulator, PING) == 3

    # A session used a moment ago is not pinged, though the timer still runs.
    await _advance(hass, freezer, PING_INTERVAL - 20)
    await coordinator.async_refresh()
    assert coordinator.last_update_success
    await _advance(hass, freezer, 20)
    assert pings == [True, True, True, True]
    assert _count(pronote_simulator, PING) == 3

    # The session was kept: the next refresh needs no new login.
    await coordinator.async_refresh()
    assert coordinator.last_update_success
    assert _logins(pronote_simulator) == logins

    # Unloading the entry stops the timer.
    assert await hass.config_entries.async_unload(entry.entry_id)
    await _advance(hass, freezer, PING_INTERVAL)
    await _advance(hass, freezer, PING_INTERVAL)
    assert len(pings) == 4
    assert _count(pronote_simulator, PING) == 3


async def test_the_default_interval_sends_no_ping(
    hass: HomeAssistant,
    pronote_origin: str,
    pronote_simulator: PronoteSimulator,
    freezer: FrozenDateTimeFactory,
    pings: list[bool],
) -> None:
    # Thirty minutes between refreshes would take 14 pings: a login costs less.
    entry = await _account(hass, pronote_origin)
    coordinator = entry.runtime_data
    assert coordinator.update_interval is not None
    assert coordinator.update_interval.total_seconds() == 30 * 60
    refreshed_at = coordinator.data.fetched_at

    for _ in range(14):
        await _advance(hass, freezer, PING_INTERVAL)
    assert pings == []
    assert _count(pronote_simulator, PING) == 0

    # The scheduled refresh still comes on time.
    await _advance(hass, freezer, 2 * PING_INTERVAL)
    assert coordinator.last_update_success
    assert coordinator.data.fetched_at > refreshed_at
    assert _count(pronote_simulator, PING) == 0
