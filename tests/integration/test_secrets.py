"""No password, token, double-auth proof or answer reaches the logs or entity attributes."""

from __future__ import annotations

import logging

from homeassistant.core import HomeAssistant
import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import STUDENT, add_account

SPECIAL_PASSWORD = "s3cr3t+&%pass"


async def test_secrets_stay_out_of_logs_and_states(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    user = ed_simulator.world.users[STUDENT[0]]
    user.password = SPECIAL_PASSWORD
    entry = await add_account(hass, ed_url, ed_simulator, (STUDENT[0], SPECIAL_PASSWORD))
    ed_simulator.expire_tokens()
    await entry.runtime_data.async_refresh()
    ed_simulator.faults.next_http_status.extend([503] * 5)
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    tokens = list(ed_simulator.sessions._by_token)
    assert tokens
    secrets = [
        SPECIAL_PASSWORD,
        "s3cr3t%2B%26%25pass",
        entry.data["trust"]["cn"],
        entry.data["trust"]["cv"],
        *tokens,
    ]
    states = " ".join(str(state.as_dict()) for state in hass.states.async_all())
    for secret in secrets:
        assert secret not in caplog.text
        assert secret not in states
