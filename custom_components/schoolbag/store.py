"""The last good data of an account, kept on disk for outages and restarts."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from .client.codec import from_json, to_json
from .const import DOMAIN, LOGGER
from .data import SchoolbagData

STORAGE_VERSION = 1


class LastGoodDataStore:
    """Saves each successful refresh; loads it when the school is unreachable."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """One file per config entry."""
        self._hass = hass
        # The plain JSON handed to the store is never changed after: it is written out as
        # text in the executor too, not on the event loop as the store would by default.
        self._store: Store[dict[str, Any]] = Store(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry_id}",
            private=True,
            serialize_in_event_loop=False,
        )

    async def async_save(self, data: SchoolbagData) -> None:
        """Keep this refresh.

        The data is immutable, so it is turned into plain JSON in the executor: a family's
        year of grades and weeks of lessons took over 10 ms of the event loop.
        """
        await self._store.async_save(await self._hass.async_add_executor_job(to_json, data))

    async def async_load(self) -> SchoolbagData | None:
        """The last kept refresh, or None when there is none or it is unreadable."""
        raw = await self._store.async_load()
        if raw is None:
            return None
        try:
            return from_json(SchoolbagData, raw)
        except (KeyError, TypeError, ValueError):
            LOGGER.warning("Ignoring unreadable saved school data")
            return None

    async def async_remove(self) -> None:
        """Forget the kept data (the account was removed)."""
        await self._store.async_remove()
