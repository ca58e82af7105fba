"""Schoolbag: timetable, homework, grades and school life in Home Assistant."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.const import CONF_PASSWORD, Platform
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .client import BudgetLimits, RequestBudget
from .client_setup import school_session
from .const import (
    CONF_COOKIE,
    CONF_LOGIN_MODE,
    CONF_QR_CODE,
    CONF_STUDENTS,
    DOMAIN,
    ENTRY_VERSION,
    LOGIN_COOKIE,
    LOGIN_QR,
    LOGIN_TOKEN,
)
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator, async_save_trust
from .entry_data import ClientContext
from .flow_platforms import stored_login
from .frontend_cards import async_register_cards
from .frontend_panel import async_register_schoolbag_panel, async_remove_schoolbag_panel
from .homework_ticks import async_remove_ticks
from .services import async_setup_services
from .store import LastGoodDataStore

PLATFORMS: list[Platform] = [
    Platform.CALENDAR,
    Platform.EVENT,
    Platform.SENSOR,
    Platform.TODO,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions and the dashboard cards once for all accounts."""
    async_setup_services(hass)
    await async_register_cards(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: SchoolbagConfigEntry) -> bool:
    """Log in to the school platform and start refreshing."""
    context = ClientContext(
        options=entry.options,
        # Rotating tokens must be saved at once, not at the end of a refresh.
        on_trust_change=lambda trust: async_save_trust(hass, entry, trust),
    )
    budget = RequestBudget(BudgetLimits.for_students(len(entry.options.get(CONF_STUDENTS, ()))))
    session = school_session(hass, entry.data, budget=budget)
    client = stored_login(entry.data).client(session, context)
    store = LastGoodDataStore(hass, entry.entry_id)
    coordinator = SchoolbagCoordinator(hass, entry, client, store, budget)
    saved = await store.async_load()
    # A restart does not ask the school again for data that is not due for a refresh yet.
    starting = hass.state is not CoreState.running
    if not (starting and saved is not None and await coordinator.async_resume(saved)):
        try:
            await coordinator.async_config_entry_first_refresh()
        except ConfigEntryNotReady:
            # Through an outage at start-up, show the last good data rather than nothing.
            if saved is None:
                raise
            coordinator.async_use_saved_data(saved)
    entry.runtime_data = coordinator
    coordinator.async_start_keep_alive()
    _remove_stale_devices(hass, entry, coordinator)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    await async_register_schoolbag_panel(hass)
    return True


async def async_migrate_entry(hass: HomeAssistant, entry: SchoolbagConfigEntry) -> bool:
    """Bring an entry stored by an older Schoolbag to today's layout."""
    if entry.version > ENTRY_VERSION:
        # Stored by a newer Schoolbag: this one cannot read it.
        return False
    if entry.version == 1:
        hass.config_entries.async_update_entry(
            entry, data=_data_of_version_2(entry.data), version=2, minor_version=1
        )
    return True


def _data_of_version_2(data: Mapping[str, Any]) -> dict[str, Any]:
    """Each secret under its own name, and no empty field.

    Version 1 kept a Lectio MitID cookie in "password", and stored a Pronote QR-code
    login as its token (in "trust") beside an empty username and password.
    """
    moved = dict(data)
    mode = moved.get(CONF_LOGIN_MODE)
    if mode == LOGIN_COOKIE:
        moved[CONF_COOKIE] = moved.pop(CONF_PASSWORD, "")
    elif mode in (LOGIN_QR, LOGIN_TOKEN):
        # The token logs in from now on: a PIN or QR code is never kept.
        moved[CONF_LOGIN_MODE] = LOGIN_TOKEN
        moved.pop(CONF_PASSWORD, None)
        moved.pop(CONF_QR_CODE, None)
    return {key: value for key, value in moved.items() if value not in ("", None)}


async def async_unload_entry(hass: HomeAssistant, entry: SchoolbagConfigEntry) -> bool:
    """Unload the entity platforms."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: SchoolbagConfigEntry) -> None:
    """Delete the saved data and the homework ticks of a removed account (and the panel)."""
    async_remove_schoolbag_panel(hass, entry.entry_id)
    await LastGoodDataStore(hass, entry.entry_id).async_remove()
    await async_remove_ticks(hass, entry.entry_id)


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: SchoolbagConfigEntry, device: dr.DeviceEntry
) -> bool:
    """Allow removing a student's device once the account no longer has them."""
    followed = {
        (DOMAIN, f"{entry.unique_id}_{student.id}") for student in entry.runtime_data.students
    }
    return not device.identifiers & followed


def _remove_stale_devices(
    hass: HomeAssistant, entry: SchoolbagConfigEntry, coordinator: SchoolbagCoordinator
) -> None:
    """Remove the devices of students no longer followed (unselected or gone)."""
    registry = dr.async_get(hass)
    followed = {(DOMAIN, f"{entry.unique_id}_{student.id}") for student in coordinator.students}
    for device in dr.async_entries_for_config_entry(registry, entry.entry_id):
        if not device.identifiers & followed:
            registry.async_remove_device(device.id)
