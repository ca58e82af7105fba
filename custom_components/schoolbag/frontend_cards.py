"""The dashboard cards: served by the integration and loaded by every browser on its own.

The built JavaScript ships in ``frontend/`` (HACS installs files, it does not build them).
It is served once per Home Assistant, whatever the number of accounts, and registered as an
extra frontend module so that families add no dashboard resource by hand. Its URL carries a
hash of the file, so browsers fetch it again after an update despite the long cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

CARDS_FILE = Path(__file__).parent / "frontend" / "schoolbag-cards.js"
CARDS_PATH = f"/{DOMAIN}_cards/{CARDS_FILE.name}"
# The URL registered once per Home Assistant, with its version query.
CARDS_URL_KEY: HassKey[str] = HassKey(f"{DOMAIN}_cards_url")


def _file_hash(path: Path) -> str:
    """A short digest of the built file: it changes whenever the cards change."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


async def async_register_cards(hass: HomeAssistant) -> None:
    """Serve the cards' JavaScript and load it in the frontend, once per Home Assistant."""
    if CARDS_URL_KEY in hass.data:
        return
    # Claimed before the first await, so a second caller cannot register it again.
    hass.data[CARDS_URL_KEY] = CARDS_PATH
    digest = await hass.async_add_executor_job(_file_hash, CARDS_FILE)
    url = f"{CARDS_PATH}?v={digest}"
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARDS_PATH, str(CARDS_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, url)
    hass.data[CARDS_URL_KEY] = url
