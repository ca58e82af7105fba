"""Diagnostics never contain secrets or names."""

from __future__ import annotations

import json

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator

from .conftest import STUDENT, add_account
from .test_lectio import cookie_entry as lectio_cookie_entry
from .test_scodoc import ALICE as SCODOC_STUDENT, add_scodoc as scodoc_entry


async def test_diagnostics_are_redacted(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    text = json.dumps(diagnostics)

    trust = entry.data["trust"]
    secrets = [
        STUDENT[0],
        trust["cn"],
        trust["cv"],
        "Lucas",
        "MARTIN",
        ed_simulator.qcm_answer(STUDENT[0]),
    ]
    for secret in secrets:
        assert secret not in text
    assert f'"{STUDENT[1]}"' not in text  # the password
    assert diagnostics["platform"] == "ecoledirecte"
    assert diagnostics["entry"]["data"]["password"] == "**REDACTED**"
    student = diagnostics["students"][0]
    assert student["lessons"] > 0
    assert student["grades"] == len(ed_simulator.student(2345).grades)


async def test_scodoc_nips_and_lectio_cookie_are_redacted(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    scodoc_url: str,
    lectio_origin: str,
    lectio_simulator: LectioSimulator,
) -> None:
    scodoc = await scodoc_entry(hass, scodoc_url, query=SCODOC_STUDENT)
    text = json.dumps(await get_diagnostics_for_config_entry(hass, hass_client, scodoc))
    assert SCODOC_STUDENT not in text
    assert "Verneuil" not in text
    assert '"demo"' not in text  # the API account's name and password

    cookie = lectio_simulator.issue_autologin_key()
    lectio = await lectio_cookie_entry(hass, lectio_origin, cookie)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, lectio)
    text = json.dumps(diagnostics)
    assert cookie not in text
    for value in lectio.data["trust"].values():
        assert value not in text
    assert diagnostics["platform"] == "lectio"
