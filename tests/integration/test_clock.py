"""Time-based sensors move on by the clock, without waiting for a refresh."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, add_account, entity_id_for


async def test_next_lesson_moves_on_when_the_lesson_ends(
    hass_paris: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    hass = hass_paris
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    # Stop refreshing so only the clock can change the state.
    await entry.runtime_data.async_shutdown()
    sensor = entity_id_for(hass, "sensor", "_next_lesson")
    before = hass.states.get(sensor)
    end = dt_util.parse_datetime(before.attributes["end"])
    assert end is not None

    freezer.move_to(end + timedelta(seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    after = hass.states.get(sensor)
    assert after.attributes.get("start", "") != before.attributes["start"]
    if "start" in after.attributes:
        assert dt_util.parse_datetime(after.attributes["start"]) >= end
