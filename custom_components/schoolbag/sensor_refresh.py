"""Diagnostic sensors: when the shown data was fetched, and when the school is asked next."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from homeassistant.components.sensor import SensorDeviceClass, SensorEntity
from homeassistant.const import EntityCategory

from .coordinator import SchoolbagCoordinator
from .data import StudentData
from .entity import LastGoodDataEntity


class _RefreshTimeSensor(LastGoodDataEntity, SensorEntity):
    """A diagnostic time of the student's device, named by its translation key."""

    _attr_device_class = SensorDeviceClass.TIMESTAMP
    _attr_entity_category = EntityCategory.DIAGNOSTIC

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """One per student device."""
        super().__init__(coordinator, data.student, str(self._attr_translation_key))


class LastRefreshSensor(_RefreshTimeSensor):
    """The time of the last successful refresh; it stays shown through outages."""

    _attr_translation_key = "last_refresh"

    @property
    def native_value(self) -> datetime:
        """When the school last answered a whole refresh."""
        return self.coordinator.data.fetched_at


class NextRefreshSensor(_RefreshTimeSensor):
    """When the school is asked next, and why then (school hours, night, holidays…)."""

    _attr_translation_key = "next_refresh"

    @property
    def native_value(self) -> datetime | None:
        """The time of the next planned refresh (unknown before the first one)."""
        planned = self.coordinator.next_refresh
        return None if planned is None else planned.at

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Why the refresh comes then."""
        planned = self.coordinator.next_refresh
        return {"reason": None if planned is None else str(planned.reason)}
