"""Setup, session reuse, expiry, failures and unload of an account."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers.update_coordinator import UpdateFailed
from homeassistant.util import dt as dt_util
import pytest

from custom_components.schoolbag.const import DOMAIN
from custom_components.schoolbag.refresh_schedule import RefreshReason
from custom_components.schoolbag.store import LastGoodDataStore
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, STUDENT, add_account, entity_id_for, login_requests


def doubleauth_requests(simulator: EcoleDirecteSimulator) -> int:
    return sum(1 for path, _ in simulator.requests if "doubleauth" in path.lower())


async def test_setup_and_unload(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert entry.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED


async def test_session_is_reused_across_refreshes(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    coordinator = entry.runtime_data
    logins_before = login_requests(ed_simulator)
    requests_before = len(ed_simulator.requests)

    await coordinator.async_refresh()
    await coordinator.async_refresh()

    assert coordinator.last_update_success
    assert login_requests(ed_simulator) == logins_before
    assert len(ed_simulator.requests) > requests_before


async def test_expired_session_logs_in_again_without_a_question(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    coordinator = entry.runtime_data
    logins_before = login_requests(ed_simulator)
    questions_before = doubleauth_requests(ed_simulator)

    ed_simulator.expire_tokens()
    await coordinator.async_refresh()

    assert coordinator.last_update_success
    assert login_requests(ed_simulator) > logins_before
    assert doubleauth_requests(ed_simulator) == questions_before


async def test_revoked_trust_asks_for_reauthentication(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    ed_simulator.revoke_trust(STUDENT[0])
    ed_simulator.expire_tokens()

    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]
    assert flows[0]["context"]["entry_id"] == entry.entry_id


async def test_outage_makes_sensors_unavailable_but_keeps_calendar_and_todo(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    pending = entity_id_for(hass, "sensor", "_pending_homework")
    calendar = entity_id_for(hass, "calendar", "_homework_calendar")
    todo = entity_id_for(hass, "todo", "_homework_todo")
    todo_state_before = hass.states.get(todo)
    assert todo_state_before is not None

    ed_simulator.faults.next_http_status.extend([503] * 20)
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert not entry.runtime_data.last_update_success
    assert hass.states.get(pending).state == STATE_UNAVAILABLE
    assert hass.states.get(calendar).state != STATE_UNAVAILABLE
    assert hass.states.get(todo).state == todo_state_before.state


async def test_server_down_at_start_without_saved_data_retries_setup(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert await hass.config_entries.async_unload(entry.entry_id)
    await LastGoodDataStore(hass, entry.entry_id).async_remove()
    ed_simulator.faults.next_http_status.extend([500] * 20)

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_RETRY


async def test_restart_during_outage_shows_the_last_good_data(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    calendar = entity_id_for(hass, "calendar", "_timetable")
    pending = entity_id_for(hass, "sensor", "_pending_homework")
    items_before = hass.states.get(todo).state
    fetched_at = entry.runtime_data.data.fetched_at
    assert await hass.config_entries.async_unload(entry.entry_id)
    ed_simulator.faults.next_http_status.extend([500] * 20)

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert not entry.runtime_data.last_update_success
    assert hass.states.get(todo).state == items_before
    assert hass.states.get(todo).attributes["fetched_at"] == fetched_at.isoformat()
    assert hass.states.get(calendar).state != STATE_UNAVAILABLE
    assert hass.states.get(pending).state == STATE_UNAVAILABLE

    # Once the school answers again, everything is live.
    ed_simulator.faults.next_http_status.clear()
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert entry.runtime_data.last_update_success
    assert hass.states.get(pending).state != STATE_UNAVAILABLE


async def test_wrong_stored_password_fails_setup_and_starts_reauth(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert await hass.config_entries.async_unload(entry.entry_id)
    hass.config_entries.async_update_entry(entry, data={**entry.data, "password": "changed"})

    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]


async def test_blocked_ip_waits_before_the_next_refresh(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    coordinator = entry.runtime_data
    ed_simulator.expire_tokens()
    ed_simulator.faults.ip_flagged = True

    await coordinator.async_refresh()

    assert not coordinator.last_update_success
    error = coordinator.last_exception
    assert isinstance(error, UpdateFailed)
    assert error.translation_key == "rate_limited"
    assert error.retry_after is not None
    # The ban (an hour here) holds the next refresh back, and so does the schedule.
    assert error.retry_after >= 3600
    assert coordinator.next_refresh is not None
    assert coordinator.next_refresh.reason is RefreshReason.RETRY
    wait = coordinator.next_refresh.at - dt_util.now()
    assert wait.total_seconds() == pytest.approx(error.retry_after, abs=5)
