"""ScoDoc reads its students at once, within the account's limit of requests in flight."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from custom_components.schoolbag.client.http.budget import MAX_IN_FLIGHT
from simulator.scodoc import ScoDocSimulator

from .test_scodoc import ALICE, HUGO, add_scodoc


async def test_two_students_are_read_at_once(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    coordinator = entry.runtime_data
    scodoc_simulator.faults.latency = 0.05
    scodoc_simulator.most_in_flight = 0

    await coordinator.async_refresh()

    assert coordinator.last_update_success
    assert set(coordinator.data.students) == {ALICE, HUGO}
    assert 2 <= scodoc_simulator.most_in_flight <= MAX_IN_FLIGHT


async def test_a_failure_while_both_are_read_keeps_the_last_data(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    coordinator = entry.runtime_data
    kept = coordinator.data
    scodoc_simulator.faults.latency = 0.02
    # Both students' first requests find the school changed: neither can be read.
    scodoc_simulator.faults.next_errors.extend(["wrong_shape", "wrong_shape"])

    await coordinator.async_refresh()

    assert not coordinator.last_update_success
    assert coordinator.data is kept
    assert scodoc_simulator.most_in_flight >= 2
