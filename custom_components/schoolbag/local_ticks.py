"""Homework ticked in Home Assistant where the school cannot record it.

Pronote parent accounts and Lectio cannot mark homework done on the school's side.
Families can tick it all the same: the tick is kept here, across restarts, and
shown on top of what the school says.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from .client.models import Homework
from .const import DOMAIN
from .data import SchoolbagData, with_homework_changed

STORAGE_VERSION = 1


class LocalTicks:
    """The homework ids ticked in Home Assistant, per student, saved in one file per entry."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Nothing is ticked until :meth:`async_load`."""
        self._store: Store[dict[str, Any]] = Store(
            hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}.ticks", private=True
        )
        self._ticked: dict[str, set[str]] = {}

    async def async_load(self) -> None:
        """Read the ticks kept from earlier runs."""
        raw = await self._store.async_load() or {}
        self._ticked = {
            student_id: set(homework_ids)
            for student_id, homework_ids in raw.get("ticked", {}).items()
        }

    def is_ticked(self, student_id: str, homework_id: str) -> bool:
        """Whether this homework was ticked in Home Assistant."""
        return homework_id in self._ticked.get(student_id, set())

    async def async_set(self, student_id: str, homework_id: str, done: bool) -> None:
        """Tick or untick one homework, and save at once."""
        ticked = self._ticked.setdefault(student_id, set())
        if done:
            ticked.add(homework_id)
        else:
            ticked.discard(homework_id)
        await self._async_save()

    async def async_forget_gone(self, data: SchoolbagData) -> None:
        """Drop ticks of homework the school no longer lists (the file stays small)."""
        listed = {
            student_id: {work.id for work in student.homework}
            for student_id, student in data.students.items()
        }
        kept = {
            student_id: ticked & listed[student_id]
            for student_id, ticked in self._ticked.items()
            if student_id in listed
        }
        if kept != self._ticked:
            self._ticked = kept
            await self._async_save()

    def apply(self, data: SchoolbagData) -> SchoolbagData:
        """The school's data with ticked homework shown done."""
        if not any(self._ticked.values()):
            return data
        return with_homework_changed(data, self._ticked_done)

    def _ticked_done(self, student_id: str, work: Homework) -> Homework:
        if work.done or not self.is_ticked(student_id, work.id):
            return work
        return replace(work, done=True)

    async def _async_save(self) -> None:
        await self._store.async_save(
            {"ticked": {sid: sorted(ids) for sid, ids in self._ticked.items() if ids}}
        )

    async def async_remove(self) -> None:
        """Forget the ticks (the account was removed)."""
        await self._store.async_remove()
