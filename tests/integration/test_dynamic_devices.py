"""Children the school adds to a parent account later get their device by themselves."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from custom_components.schoolbag.const import CONF_STUDENTS
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import PARENT, add_account

EMMA, HUGO = 3456, 3457


def _device_names(hass: HomeAssistant, entry_id: str) -> list[str]:
    devices = dr.async_entries_for_config_entry(dr.async_get(hass), entry_id)
    return sorted(device.name or "" for device in devices)


async def test_a_child_added_by_the_school_appears_without_the_options(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    parent_account = ed_simulator.world.users[PARENT[0]].accounts[0]
    parent_account.student_ids.remove(HUGO)
    entry = await add_account(hass, ed_url, ed_simulator, PARENT)
    assert entry.options[CONF_STUDENTS] == []
    assert _device_names(hass, entry.entry_id) == ["Emma MARTIN (EcoleDirecte, parent account)"]

    parent_account.student_ids.append(HUGO)
    # The account's children are read at login: the next login after the change.
    ed_simulator.expire_tokens()
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert _device_names(hass, entry.entry_id) == [
        "Emma MARTIN (EcoleDirecte, parent account)",
        "Hugo MARTIN (EcoleDirecte, parent account)",
    ]
    assert set(entry.runtime_data.data.students) == {str(EMMA), str(HUGO)}


async def test_a_child_left_out_by_the_family_stays_out(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, PARENT, students=[str(EMMA)])
    assert entry.options[CONF_STUDENTS] == [str(EMMA)]
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert _device_names(hass, entry.entry_id) == ["Emma MARTIN (EcoleDirecte, parent account)"]


async def test_children_chosen_during_an_outage_get_their_entities_once_the_school_is_back(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, PARENT, students=[str(EMMA)])
    assert await hass.config_entries.async_unload(entry.entry_id)
    # Hugo is chosen while the school is down: the start shows Emma's saved data only.
    hass.config_entries.async_update_entry(entry, options={CONF_STUDENTS: []})
    ed_simulator.faults.ip_flagged = True
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert not entry.runtime_data.last_update_success
    assert _todo_lists(hass) == ["Emma MARTIN (EcoleDirecte, parent account) Homework"]

    ed_simulator.faults.ip_flagged = False
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert _todo_lists(hass) == [
        "Emma MARTIN (EcoleDirecte, parent account) Homework",
        "Hugo MARTIN (EcoleDirecte, parent account) Homework",
    ]


def _todo_lists(hass: HomeAssistant) -> list[str]:
    return sorted(state.name for state in hass.states.async_all("todo"))
