"""To-do list of homework; a tick is sent to the school, or kept here where it cannot be."""

from __future__ import annotations

from homeassistant.components.todo import TodoItem, TodoListEntity
from homeassistant.components.todo.const import TodoItemStatus, TodoListEntityFeature
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.translation import async_get_translations

from .client.models import Capability, Homework, HomeworkKind
from .const import DOMAIN
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData, homework_lines, homework_title
from .entity import LastGoodDataEntity, add_student_entities

PARALLEL_UPDATES = 1
# Notes on items (selector options: translatable texts hassfest accepts outside forms).
NOTE_KEY = f"component.{DOMAIN}.selector.todo_note.options.{{}}"
TICKED_HERE, WAITING = "ticked_here", "waiting"


def _student_homework_list(
    coordinator: SchoolbagCoordinator, data: StudentData
) -> list[TodoListEntity]:
    """A homework list, where the platform has homework."""
    if Capability.HOMEWORK not in coordinator.client.capabilities:
        return []
    return [HomeworkTodoList(coordinator, data)]


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the homework to-do list of every followed student."""
    add_student_entities(entry, async_add_entities, _student_homework_list)


class HomeworkTodoList(LastGoodDataEntity, TodoListEntity):
    """Homework of one student, kept through outages with the last good data."""

    _attr_translation_key = "homework"
    _attr_supported_features = TodoListEntityFeature.UPDATE_TODO_ITEM

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """Ticks go to the school where it records them, else they stay here."""
        super().__init__(coordinator, data.student, "homework_todo")
        self._ticks_stay_here = Capability.HOMEWORK_DONE not in coordinator.client.capabilities
        self._notes: dict[str, str] = {}

    async def async_added_to_hass(self) -> None:
        """Read the notes on ticked items, in Home Assistant's language."""
        await super().async_added_to_hass()
        texts = await async_get_translations(
            self.hass, self.hass.config.language, "selector", {DOMAIN}
        )
        self._notes = {
            note: texts.get(NOTE_KEY.format(note), "") for note in (TICKED_HERE, WAITING)
        }

    @property
    def todo_items(self) -> list[TodoItem] | None:
        """Homework by due date."""
        data = self.student_data
        if data is None:
            return None
        return [
            homework_item(work, self._note_for(work))
            for work in sorted(data.homework, key=lambda w: w.due)
        ]

    def _note_for(self, work: Homework) -> str:
        ticks = self.coordinator.ticks
        if ticks.waiting.is_waiting(self.student_id, work.id):
            return self._notes.get(WAITING, "")
        ticked_here = self._ticks_stay_here and ticks.here.is_ticked(self.student_id, work.id)
        return self._notes.get(TICKED_HERE, "") if ticked_here and work.done else ""

    async def async_update_todo_item(self, item: TodoItem) -> None:
        """Tick or untick homework; its text comes from the school and stays as it is."""
        data = self.student_data
        # Home Assistant looked the item up in todo_items just before calling.
        works = {work.id: work for work in data.homework} if data else {}
        work = works[str(item.uid)]
        # Home Assistant refuses description and due date edits itself: they are not offered.
        if item.summary != homework_title(work):
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="homework_text_read_only"
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


def homework_item(work: Homework, note: str = "") -> TodoItem:
    """A to-do item for homework: the first line titles it, the rest describes it."""
    # An assignment is due at its hand-in time; its status says what is awaited.
    status = work.status if work.kind is HomeworkKind.ASSIGNMENT else None
    details = [*homework_lines(work)[1:], status or "", note]
    return TodoItem(
        summary=homework_title(work),
        uid=work.id,
        status=TodoItemStatus.COMPLETED if work.done else TodoItemStatus.NEEDS_ACTION,
        due=work.deadline or work.due,
        description="\n".join(line for line in details if line) or None,
    )
