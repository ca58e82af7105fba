"""How entities and devices present themselves: names, categories, defaults."""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_USER, ConfigEntry
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util

from custom_components.schoolbag.const import DOMAIN
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import STUDENT, add_account


async def _pronote_entry(hass: HomeAssistant, origin: str, page: str) -> ConfigEntry:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    for step in ("pronote", "pronote_password"):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"next_step_id": step}
        )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "server_url": f"{origin}/pronote/{page}",
            "username": "demonstration",
            "password": "pronotevs",
            "device_name": "HA",
        },
    )
    if result.get("step_id") == "students":
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"students": [option["value"] for option in _options(result)]}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return entry


def _options(result: dict[str, object]) -> list[dict[str, str]]:
    schema = result["data_schema"]
    (selector,) = schema.schema.values()  # type: ignore[attr-defined]
    options: list[dict[str, str]] = selector.config["options"]
    return options


async def test_two_accounts_following_one_child_can_be_told_apart(
    hass: HomeAssistant, pronote_origin: str
) -> None:
    student = await _pronote_entry(hass, pronote_origin, "eleve.html")
    parent = await _pronote_entry(hass, pronote_origin, "parent.html")
    assert student.title != parent.title
    assert student.title.endswith("(Pronote, student)")
    assert parent.title.endswith("(Pronote, parent)")
    registry = dr.async_get(hass)
    names = {
        entry.entry_id: sorted(
            device.name or ""
            for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
        )
        for entry in (student, parent)
    }
    assert names[student.entry_id] == ["Léa MARTIN (Pronote, student account)"]
    assert "Léa MARTIN (Pronote, parent account)" in names[parent.entry_id]
    todo_names = sorted(
        state.name for state in hass.states.async_all("todo") if "Léa" in state.name
    )
    assert todo_names == [
        "Léa MARTIN (Pronote, parent account) Homework",
        "Léa MARTIN (Pronote, student account) Homework",
    ]


async def test_last_refresh_is_a_diagnostic_sensor(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    entities = er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    refresh = next(e for e in entities if e.unique_id.endswith("_last_refresh"))
    assert refresh.entity_category is EntityCategory.DIAGNOSTIC
    state = hass.states.get(refresh.entity_id)
    fetched_at = entry.runtime_data.data.fetched_at
    assert dt_util.parse_datetime(state.state) == fetched_at.replace(microsecond=0)
    enabled = [e for e in entities if e.disabled_by is None and e.entity_category is None]
    assert enabled
    assert all(hass.states.get(e.entity_id) is not None for e in enabled)
