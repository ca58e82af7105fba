"""A restart asks the school again only when the saved data is due for a refresh."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import CoreState, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.schoolbag.refresh_schedule import RefreshReason
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, SCHOOL_DAY, add_account, entity_id_for

pytestmark = pytest.mark.usefixtures("school_morning")


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """The simulated school, with lessons on the test's school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


async def _restart(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Unload the entry, then set it up again as Home Assistant does when it starts."""
    assert await hass.config_entries.async_unload(entry.entry_id)
    hass.set_state(CoreState.starting)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    hass.set_state(CoreState.running)


async def test_a_restart_soon_after_a_refresh_sends_no_request(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    pending = entity_id_for(hass, "sensor", "_pending_homework")
    shown = hass.states.get(pending).state
    fetched_at = entry.runtime_data.data.fetched_at
    freezer.tick(timedelta(minutes=10))
    ed_simulator.requests.clear()

    await _restart(hass, entry)

    assert entry.state is ConfigEntryState.LOADED
    assert ed_simulator.requests == []
    coordinator = entry.runtime_data
    assert coordinator.last_update_success
    assert coordinator.data.fetched_at == fetched_at
    assert hass.states.get(pending).state == shown
    # The refresh the saved data was due for comes at its time, 30 minutes after it.
    assert coordinator.next_refresh is not None
    assert coordinator.next_refresh.at == fetched_at + timedelta(minutes=30)
    assert coordinator.next_refresh.reason is RefreshReason.SCHOOL_HOURS
    freezer.tick(timedelta(minutes=21))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert ed_simulator.requests != []
    assert coordinator.data.fetched_at > fetched_at


async def test_a_restart_with_old_saved_data_refreshes_at_once(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    fetched_at = entry.runtime_data.data.fetched_at
    freezer.tick(timedelta(minutes=45))
    ed_simulator.requests.clear()

    await _restart(hass, entry)

    assert ed_simulator.requests != []
    assert entry.runtime_data.data.fetched_at > fetched_at


async def test_an_options_reload_refreshes_at_once(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    # A reload while running (new options) may need other data: it is not a restart.
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    ed_simulator.requests.clear()

    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()

    assert ed_simulator.requests != []
    assert hass.states.get(entity_id_for(hass, "sensor", "_pending_homework")).state != (
        STATE_UNAVAILABLE
    )
