"""Homework ticks the school could not take yet, kept until it answers again.

A tick made while the school is unreachable is not lost: it waits here, across restarts,
is shown as wanted (and pending) on the to-do list, and is sent once the school answers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from .client.models import Homework
from .const import DOMAIN
from .data import SchoolbagData, with_homework_changed

STORAGE_VERSION = 1


@dataclass(frozen=True, slots=True)
class QueuedTick:
    """One change of a homework's done state, still to send."""

    student_id: str
    homework_id: str
    done: bool


class TickQueue:
    """The ticks waiting for the school, in the order they were made, saved per entry."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Empty until :meth:`async_load`."""
        self._store: Store[dict[str, Any]] = Store(
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}.queue", private=True
        )
        self._ticks: dict[tuple[str, str], QueuedTick] = {}

    async def async_load(self) -> None:
        """Read the ticks left from before a restart."""
        raw = await self._store.async_load() or {}
        ticks = (QueuedTick(**item) for item in raw.get("ticks", []))
        self._ticks = {(tick.student_id, tick.homework_id): tick for tick in ticks}

    @property
    def ticks(self) -> list[QueuedTick]:
        """The waiting ticks, oldest first."""
        return list(self._ticks.values())

    def is_waiting(self, student_id: str, homework_id: str) -> bool:
        """Whether a change of this homework waits to be sent."""
        return (student_id, homework_id) in self._ticks

    async def async_put(self, tick: QueuedTick) -> None:
        """Keep a tick to send later (a newer tick of the same homework replaces it)."""
        key = (tick.student_id, tick.homework_id)
        self._ticks.pop(key, None)
        self._ticks[key] = tick
        await self._async_save()

    async def async_drop(self, student_id: str, homework_id: str) -> None:
        """Forget a tick: it was sent, refused, or replaced by one the school took."""
        if self._ticks.pop((student_id, homework_id), None) is not None:
            await self._async_save()

    def apply(self, data: SchoolbagData) -> SchoolbagData:
        """The data with each waiting tick shown as wanted."""
        if not self._ticks:
            return data
        return with_homework_changed(data, self._wanted)

    def _wanted(self, student_id: str, work: Homework) -> Homework:
        tick = self._ticks.get((student_id, work.id))
        return work if tick is None else replace(work, done=tick.done)

    async def _async_save(self) -> None:
        await self._store.async_save(
            {
                "ticks": [
                    {"student_id": t.student_id, "homework_id": t.homework_id, "done": t.done}
                    for t in self._ticks.values()
                ]
            }
        )

    async def async_remove(self) -> None:
        """Forget every waiting tick (the account was removed)."""
        await self._store.async_remove()
