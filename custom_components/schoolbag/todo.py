"""To-do list of homework; ticking an item marks it done on the school server."""

from __future__ import annotations

from homeassistant.components.todo import TodoItem, TodoListEntity
from homeassistant.components.todo.const import TodoItemStatus, TodoListEntityFeature
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .client.models import Capability, Homework, HomeworkKind
from .const import DOMAIN
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData
from .entity import LastGoodDataEntity

PARALLEL_UPDATES = 1
SUMMARY_LENGTH = 80


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a homework list for every followed student (where the platform has homework)."""
    coordinator = entry.runtime_data
    if Capability.HOMEWORK not in coordinator.client.capabilities:
        return
    async_add_entities(
        HomeworkTodoList(coordinator, data) for data in coordinator.data.students.values()
    )


class HomeworkTodoList(LastGoodDataEntity, TodoListEntity):
    """Homework of one student, kept through outages with the last good data."""

    _attr_translation_key = "homework"

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Offer ticking only where the platform supports it."""
        super().__init__(coordinator, data.student, "homework_todo")
        if Capability.HOMEWORK_DONE in coordinator.client.capabilities:
            self._attr_supported_features = TodoListEntityFeature.UPDATE_TODO_ITEM

    @property
    def todo_items(self) -> list[TodoItem] | None:
        """Homework by due date."""
        data = self.student_data
        if data is None:
            return None
        return [homework_item(work) for work in sorted(data.homework, key=lambda w: w.due)]

    async def async_update_todo_item(self, item: TodoItem) -> None:
        """Send a done / not done change to the school; other edits are refused."""
        data = self.student_data
        work = next((w for w in data.homework if w.id == item.uid), None) if data else None
        if work is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="homework_not_found",
                translation_placeholders={"homework_id": str(item.uid)},
            )
        done = item.status == TodoItemStatus.COMPLETED
        if done == work.done:
            return
        try:
            await self.coordinator.async_set_homework_done(self.student_id, work.id, done)
        except HomeAssistantError:
            # Re-push the unchanged items so an optimistic checkbox snaps back.
            self.async_write_ha_state()
            raise


def homework_item(work: Homework) -> TodoItem:
    """A to-do item for homework."""
    first_line = work.text.strip().splitlines()[0] if work.text.strip() else ""
    summary = f"{work.subject}: {first_line}" if first_line else work.subject
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1] + "…"
    # An assignment is due at its hand-in time; its status says what is awaited.
    details = (
        [work.text, work.status or ""] if work.kind is HomeworkKind.ASSIGNMENT else [work.text]
    )
    return TodoItem(
        summary=summary,
        uid=work.id,
        status=TodoItemStatus.COMPLETED if work.done else TodoItemStatus.NEEDS_ACTION,
        due=work.deadline or work.due,
        description="\n".join(line for line in details if line) or None,
    )
