"""The dashboard cards are served by the integration and loaded by the frontend by themselves."""

from __future__ import annotations

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.schoolbag.frontend_cards import (
    CARDS_FILE,
    CARDS_PATH,
    async_register_cards,
)
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, STUDENT, add_account


def _cards_urls(hass: HomeAssistant) -> list[str]:
    """The extra frontend modules that are Schoolbag's cards."""
    return [url for url in hass.data[DATA_EXTRA_MODULE_URL].urls if url.startswith(CARDS_PATH)]


async def test_cards_are_served_and_loaded_by_the_frontend(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert entry.state is ConfigEntryState.LOADED

    [url] = _cards_urls(hass)
    # A version query makes browsers fetch the file again after an update.
    assert url.startswith(f"{CARDS_PATH}?v=")
    client = await hass_client()
    response = await client.get(url)
    assert response.status == 200
    assert "javascript" in response.headers["Content-Type"]
    assert await response.read() == CARDS_FILE.read_bytes()
    assert "customElements.define" in CARDS_FILE.read_text(encoding="utf-8")


async def test_two_accounts_register_the_cards_once(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    first = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    second = await add_account(hass, ed_url, ed_simulator, STUDENT)
    assert first.state is second.state is ConfigEntryState.LOADED
    assert first.unique_id != second.unique_id

    assert await hass.config_entries.async_reload(first.entry_id)
    await hass.async_block_till_done()

    # Asking again (another entry, a reload) changes nothing either.
    await async_register_cards(hass)

    assert len(_cards_urls(hass)) == 1
    response = await (await hass_client()).get(_cards_urls(hass)[0])
    assert response.status == 200
