"""The Schoolbag sidebar panel comes with the first account and goes with the last one."""

from __future__ import annotations

from typing import Any

from homeassistant.components.frontend import DATA_PANELS
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.schoolbag.frontend_cards import CARDS_FILE, CARDS_PATH, CARDS_URL_KEY
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, STUDENT, add_account


def _has_panel(hass: HomeAssistant) -> bool:
    return "schoolbag" in hass.data.get(DATA_PANELS, {})


async def _panels(hass: HomeAssistant, client_factory: WebSocketGenerator, token: str) -> Any:
    """What the frontend of the user with this token is told about the sidebar."""
    client = await client_factory(hass, token)
    await client.send_json_auto_id({"type": "get_panels"})
    response = await client.receive_json()
    assert response["success"], response
    return response["result"]


async def test_the_panel_is_in_every_users_sidebar_after_setup(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    assert not _has_panel(hass)
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert entry.state is ConfigEntryState.LOADED

    # A child's or a parent's account is often not an administrator's.
    panel = (await _panels(hass, hass_ws_client, hass_read_only_access_token))["schoolbag"]
    assert panel["component_name"] == "custom"
    assert panel["title"] == "Schoolbag"
    assert panel["icon"] == "mdi:school-outline"
    assert panel["url_path"] == "schoolbag"
    assert panel["require_admin"] is False
    custom = panel["config"]["_panel_custom"]
    assert custom["name"] == "schoolbag-panel"
    # The very module of the cards, with its version query: the browser loads one file.
    assert custom["module_url"] == hass.data[CARDS_URL_KEY]
    assert custom["module_url"].startswith(f"{CARDS_PATH}?v=")
    assert custom["embed_iframe"] is False
    assert "js_url" not in custom
    assert '"schoolbag-panel"' in CARDS_FILE.read_text(encoding="utf-8")


async def test_two_accounts_share_one_panel_until_the_last_is_removed(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    first = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    registered = hass.data[DATA_PANELS]["schoolbag"]
    second = await add_account(hass, ed_url, ed_simulator, STUDENT)
    assert first.state is second.state is ConfigEntryState.LOADED
    # The second account neither failed on nor replaced the first one's panel.
    assert hass.data[DATA_PANELS]["schoolbag"] is registered

    assert await hass.config_entries.async_remove(first.entry_id)
    await hass.async_block_till_done()
    assert _has_panel(hass)

    # Unloading the last account (a reload after changing options does) keeps the page open.
    assert await hass.config_entries.async_unload(second.entry_id)
    await hass.async_block_till_done()
    assert hass.data[DATA_PANELS]["schoolbag"] is registered
    assert await hass.config_entries.async_setup(second.entry_id)
    await hass.async_block_till_done()
    assert hass.data[DATA_PANELS]["schoolbag"] is registered

    assert await hass.config_entries.async_remove(second.entry_id)
    await hass.async_block_till_done()
    assert not _has_panel(hass)
