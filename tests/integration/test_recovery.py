"""After an outage, fresh data returns within minutes of the school answering again."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.schoolbag.refresh_schedule import RefreshReason
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, SCHOOL_DAY, add_account, entity_id_for

# Retries are measured in school hours, where the schedule's interval is 30 minutes.
pytestmark = pytest.mark.usefixtures("school_morning")


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """The simulated school, with lessons on the test's school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


async def _wait(hass: HomeAssistant, minutes: float) -> None:
    """Let ``minutes`` pass for Home Assistant's timers."""
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=minutes))
    # Scheduled refreshes run as background tasks.
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_a_restart_during_an_outage_recovers_within_minutes(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    pending = entity_id_for(hass, "sensor", "_pending_homework")
    assert await hass.config_entries.async_unload(entry.entry_id)
    ed_simulator.faults.next_http_status.extend([503] * 50)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(pending).state == STATE_UNAVAILABLE

    ed_simulator.faults.next_http_status.clear()
    await _wait(hass, minutes=1.5)

    assert entry.runtime_data.last_update_success
    assert hass.states.get(pending).state != STATE_UNAVAILABLE
    # Back to the usual pace once the school answers.
    assert entry.runtime_data.update_interval == timedelta(minutes=30)
    next_refresh = entry.runtime_data.next_refresh
    assert next_refresh is not None
    assert next_refresh.reason is RefreshReason.SCHOOL_HOURS


async def test_a_long_outage_is_asked_less_and_less_often(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    ed_simulator.faults.next_http_status.extend([503] * 500)
    await entry.runtime_data.async_refresh()
    delays = [entry.runtime_data.update_interval]
    for _ in range(6):
        await _wait(hass, minutes=31)
        delays.append(entry.runtime_data.update_interval)

    assert not entry.runtime_data.last_update_success
    assert delays[0] is not None
    assert delays[0] <= timedelta(minutes=1)
    assert all(
        earlier is not None and later is not None and earlier <= later * 1.3
        for earlier, later in pairwise(delays)
    )
    assert delays[-1] is not None
    assert timedelta(minutes=24) <= delays[-1] <= timedelta(minutes=30)
    ed_simulator.faults.next_http_status.clear()
    await _wait(hass, minutes=31)
    assert entry.runtime_data.last_update_success
