"""Config flows release their HTTP sessions however they end."""

from __future__ import annotations

from collections.abc import Iterator
from unittest.mock import patch

import aiohttp
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, add_account, start_login


@pytest.fixture
def opened_sessions() -> Iterator[list[aiohttp.ClientSession]]:
    """Every aiohttp session created while the test runs (aiohttp itself is wrapped)."""
    opened: list[aiohttp.ClientSession] = []
    real_session = aiohttp.ClientSession

    def track(*args: object, **kwargs: object) -> aiohttp.ClientSession:
        session = real_session(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(session)
        return session

    with patch.object(aiohttp, "ClientSession", side_effect=track):
        yield opened


async def test_aborted_flows_leave_no_session_open(
    hass: HomeAssistant, ed_url: str, opened_sessions: list[aiohttp.ClientSession]
) -> None:
    for _ in range(5):
        result = await start_login(hass, ed_url, "demo.eleve", "wrong password")
        assert result["errors"] == {"base": "invalid_auth"}
        hass.config_entries.flow.async_abort(result["flow_id"])
    assert len(opened_sessions) == 5
    assert [session for session in opened_sessions if not session.closed] == []


async def test_finished_flow_closes_its_session_and_the_entry_keeps_its_own(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    opened_sessions: list[aiohttp.ClientSession],
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    open_sessions = [session for session in opened_sessions if not session.closed]
    # The flow's session is released; the loaded entry's session stays in use.
    assert len(opened_sessions) == 2
    assert len(open_sessions) == 1
    assert entry.runtime_data.last_update_success


async def test_flow_aborted_by_the_school_closes_its_session(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    opened_sessions: list[aiohttp.ClientSession],
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert len([session for session in opened_sessions if not session.closed]) == 1
