"""Diagnostic sensor: when the shown school data was last fetched."""

from __future__ import annotations

from datetime import datetime

from homeassistant.components.sensor import SensorDeviceClass, SensorEntity
from homeassistant.const import EntityCategory

from .coordinator import SchoolbagCoordinator
from .data import StudentData
from .entity import LastGoodDataEntity


class LastRefreshSensor(LastGoodDataEntity, SensorEntity):
    """The time of the last successful refresh; it stays shown through outages."""

    _attr_translation_key = "last_refresh"
    _attr_device_class = SensorDeviceClass.TIMESTAMP
    _attr_entity_category = EntityCategory.DIAGNOSTIC

    def __init__(self, coordinator: SchoolbagCoordinator, data: StudentData) -> None:
        """One per student device."""
        super().__init__(coordinator, data.student, "last_refresh")

    @property
    def native_value(self) -> datetime:
        """When the school last answered a whole refresh."""
        return self.coordinator.data.fetched_at
