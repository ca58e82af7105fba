"""Where a homework tick goes: the school, the queue while it is away, or Home Assistant alone."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir

from .client import (
    RateLimitedError,
    SchoolClient,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from .client.models import Capability
from .const import DOMAIN, LOGGER
from .data import SchoolbagData, homework_title
from .error_keys import error_reason
from .local_ticks import LocalTicks
from .tick_queue import QueuedTick, TickQueue

# The school is away for a while: the tick waits and is sent when it answers.
WAIT_AND_RETRY = (ServerUnavailableError, SessionExpiredError, RateLimitedError)


class HomeworkTicks:
    """The ticks of one account, and what the to-do list shows on top of the school's data."""

    def __init__(self, hass: HomeAssistant, entry_id: str, client: SchoolClient) -> None:
        """Nothing is known until :meth:`async_load`."""
        self._hass = hass
        self._entry_id = entry_id
        self._client = client
        self.here = LocalTicks(hass, entry_id)
        self.waiting = TickQueue(hass, entry_id)
        # What the school said last, before the ticks are applied.
        self._school_data: SchoolbagData | None = None

    async def async_load(self) -> None:
        """Read the ticks kept from before a restart."""
        await self.here.async_load()
        await self.waiting.async_load()

    def shown(self, data: SchoolbagData) -> SchoolbagData:
        """The school's data with the ticks kept here and the waiting ones applied."""
        self._school_data = data
        return self._with_ticks(data)

    def shown_again(self) -> SchoolbagData | None:
        """The last data of the school with the ticks as they are now (None before any)."""
        return None if self._school_data is None else self._with_ticks(self._school_data)

    def _with_ticks(self, data: SchoolbagData) -> SchoolbagData:
        return self.waiting.apply(self.here.apply(data))

    @property
    def _school_records_ticks(self) -> bool:
        return Capability.HOMEWORK_DONE in self._client.capabilities

    async def async_set(self, student_id: str, homework_id: str, done: bool) -> bool:
        """Tick or untick; whether the school took it now (else it is kept or waits)."""
        if not self._school_records_ticks:
            await self.here.async_set(student_id, homework_id, done)
            return False
        try:
            await self._client.set_homework_done(student_id, homework_id, done)
        except WAIT_AND_RETRY as err:
            LOGGER.info("The school is away (%s); the tick waits to be sent", err)
            await self.waiting.async_put(QueuedTick(student_id, homework_id, done))
            return False
        except SchoolError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="homework_update_failed",
                translation_placeholders={"reason": error_reason(err)},
            ) from err
        await self.waiting.async_drop(student_id, homework_id)
        return True

    async def async_send_waiting(self) -> None:
        """Send the waiting ticks, oldest first; a refused one is dropped and reported.

        Stops at the first one the school cannot take yet: it is away again.
        """
        for tick in self.waiting.ticks:
            try:
                await self._client.set_homework_done(tick.student_id, tick.homework_id, tick.done)
            except WAIT_AND_RETRY:
                return
            except SchoolError as err:
                self._report_refused(tick, err)
            await self.waiting.async_drop(tick.student_id, tick.homework_id)

    def _report_refused(self, tick: QueuedTick, err: SchoolError) -> None:
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            f"tick_refused_{self._entry_id}_{tick.homework_id}",
            is_fixable=False,
            is_persistent=True,
            severity=ir.IssueSeverity.WARNING,
            translation_key="tick_refused",
            translation_placeholders={
                "homework": self._label(tick),
                "reason": error_reason(err),
            },
        )

    def _label(self, tick: QueuedTick) -> str:
        """The homework as the family knows it: subject and first line."""
        student = self._school_data.students.get(tick.student_id) if self._school_data else None
        for work in student.homework if student else ():
            if work.id == tick.homework_id:
                return homework_title(work)
        return tick.homework_id

    async def async_forget_gone(self, data: SchoolbagData) -> None:
        """Drop ticks kept here for homework the school no longer lists."""
        await self.here.async_forget_gone(data)


async def async_remove_ticks(hass: HomeAssistant, entry_id: str) -> None:
    """Forget the ticks of a removed account."""
    await LocalTicks(hass, entry_id).async_remove()
    await TickQueue(hass, entry_id).async_remove()
