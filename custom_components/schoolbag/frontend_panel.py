"""The Schoolbag sidebar panel: every student's day, homework and grades, with no dashboard to make.

Registered once per Home Assistant when the first account is set up, for every user (children
and parents are often not administrators), and removed with the last account. A reload (after
changing options) keeps it, so the page a family is looking at does not vanish. Its web
component ships in the cards' module, so the browser loads one file for both.
"""

from __future__ import annotations

from homeassistant.components.frontend import DATA_PANELS, async_remove_panel
from homeassistant.components.panel_custom import async_register_panel
from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN
from .frontend_cards import CARDS_URL_KEY

PANEL_URL_PATH = DOMAIN
PANEL_COMPONENT = "schoolbag-panel"
PANEL_TITLE = "Schoolbag"
PANEL_ICON = "mdi:school-outline"


async def async_register_schoolbag_panel(hass: HomeAssistant) -> None:
    """Add the Schoolbag panel to the sidebar, unless an account already did."""
    if PANEL_URL_PATH in hass.data.get(DATA_PANELS, {}):
        return
    await async_register_panel(
        hass,
        frontend_url_path=PANEL_URL_PATH,
        webcomponent_name=PANEL_COMPONENT,
        sidebar_title=PANEL_TITLE,
        sidebar_icon=PANEL_ICON,
        module_url=hass.data[CARDS_URL_KEY],
        require_admin=False,
    )


@callback
def async_remove_schoolbag_panel(hass: HomeAssistant, removed_entry_id: str) -> None:
    """Remove the panel once no other Schoolbag account is left."""
    others = [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.entry_id != removed_entry_id
    ]
    if not others:
        async_remove_panel(hass, PANEL_URL_PATH, warn_if_unknown=False)
