"""EcoleDirecte's token is kept between refreshes by a read once it has been idle a while."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.schoolbag.refresh_schedule import RefreshReason
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, SCHOOL_DAY, add_account, login_requests

PING = ("/v3/comptes/sansdetails.awp", "get")

# School hours, when the schedule's 30-minute interval applies.
pytestmark = pytest.mark.usefixtures("school_morning")


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """The simulated school, with lessons on the test's school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


async def _minutes(hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: int) -> None:
    """Let the clock run a minute at a time, with what became due (pings, refreshes)."""
    for _ in range(minutes):
        freezer.tick(timedelta(minutes=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)


async def test_one_read_between_refreshes_keeps_the_token(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    coordinator = entry.runtime_data
    assert coordinator.next_refresh is not None
    assert coordinator.next_refresh.reason is RefreshReason.SCHOOL_HOURS
    assert coordinator.update_interval == timedelta(minutes=30)
    logins = login_requests(ed_simulator)
    before = len(ed_simulator.requests)
    fetched = coordinator.data.fetched_at

    # The simulated token dies after 20 idle minutes; the refresh comes after 30.
    await _minutes(hass, freezer, 29)
    assert ed_simulator.requests[before:] == [PING]

    await _minutes(hass, freezer, 2)
    assert coordinator.last_update_success
    assert coordinator.data.fetched_at > fetched
    # The refresh found the token alive: no new login.
    assert login_requests(ed_simulator) == logins


async def test_pings_pay_only_against_a_new_session(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    client = (await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)).runtime_data.client

    assert client.keep_alive_pays(timedelta(minutes=30))
    assert client.keep_alive_pays(timedelta(minutes=45))
    # Three pings in an hour of night cost as much as a new session.
    assert not client.keep_alive_pays(timedelta(hours=1))
