"""Base entity: one device per student, data from the account's coordinator."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .client.models import PLATFORM_NAMES, Student
from .const import DOMAIN
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData

type StudentEntitiesBuilder = Callable[[SchoolbagCoordinator, StudentData], Iterable[Entity]]


def add_student_entities(
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    build: StudentEntitiesBuilder,
) -> None:
    """Add the entities ``build`` makes for each followed student."""
    coordinator = entry.runtime_data
    async_add_entities(
        [
            entity
            for data in coordinator.data.students.values()
            for entity in build(coordinator, data)
        ]
    )


def student_device_info(coordinator: SchoolbagCoordinator, student: Student) -> DeviceInfo:
    """The device that groups one student's entities."""
    entry = coordinator.config_entry
    platform = PLATFORM_NAMES.get(coordinator.client.platform, "Schoolbag")
    return DeviceInfo(
        identifiers={(DOMAIN, f"{entry.unique_id}_{student.id}")},
        # The platform and the account kind tell apart two accounts following one child.
        translation_key=f"student_on_{coordinator.account.kind}_account",
        translation_placeholders={"student": student.full_name, "platform": platform},
        manufacturer=platform,
        model=student.class_name or None,
    )


class SchoolbagEntity(CoordinatorEntity[SchoolbagCoordinator]):
    """An entity about one student."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: SchoolbagCoordinator, student: Student, key: str) -> None:
        """Attach the entity to the student's device."""
        super().__init__(coordinator)
        self.student_id = student.id
        self._attr_unique_id = f"{coordinator.config_entry.unique_id}_{student.id}_{key}"
        self._attr_device_info = student_device_info(coordinator, student)

    @property
    def student_data(self) -> StudentData | None:
        """This student's part of the latest data, None if no longer followed."""
        return self.coordinator.data.students.get(self.student_id)

    @property
    def available(self) -> bool:
        """Unavailable when the refresh failed or the student is no longer followed."""
        return super().available and self.student_data is not None


class LastGoodDataEntity(SchoolbagEntity):
    """An entity that keeps showing the last good data through outages and restarts."""

    @property
    def available(self) -> bool:
        """Available as long as some data for the student exists."""
        return self.student_data is not None

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """When the shown data was fetched from the school."""
        return {"fetched_at": self.coordinator.data.fetched_at.isoformat()}
