"""Sensors: timetable, homework, grades, school life, canteen, messages and wallets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from homeassistant.components.sensor import SensorEntity
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import StudentData
from .entity import SchoolbagEntity, add_student_entities
from .sensor_averages import AverageSensors
from .sensor_canteen import CANTEEN_SENSORS
from .sensor_description import SchoolbagSensorDescription
from .sensor_grades import GRADE_SENSORS, UNRECORDED_GRADE_ATTRIBUTES
from .sensor_homework import HOMEWORK_SENSORS
from .sensor_messages import MESSAGE_SENSORS
from .sensor_refresh import LastRefreshSensor, NextRefreshSensor
from .sensor_school_life import SCHOOL_LIFE_SENSORS
from .sensor_timetable import TIMETABLE_SENSORS
from .sensor_wallet import WalletSensor

PARALLEL_UPDATES = 0

SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    *TIMETABLE_SENSORS,
    *HOMEWORK_SENSORS,
    *GRADE_SENSORS,
    *SCHOOL_LIFE_SENSORS,
    *CANTEEN_SENSORS,
    *MESSAGE_SENSORS,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the sensors of every followed student, then follow their averages."""
    add_student_entities(entry, async_add_entities, _student_sensors)
    coordinator = entry.runtime_data
    averages = AverageSensors(coordinator, async_add_entities)
    averages.async_update()
    entry.async_on_unload(coordinator.async_add_listener(averages.async_update))


def _student_sensors(
    coordinator: SchoolbagCoordinator, data: StudentData
) -> Iterator[SensorEntity]:
    offered = (None, *coordinator.client.capabilities)
    for description in SENSORS:
        if description.capability in offered and description.exists_fn(data):
            yield SchoolbagSensor(coordinator, data, description)
    for wallet in data.wallets:
        yield WalletSensor(coordinator, data, wallet)
    yield LastRefreshSensor(coordinator, data)
    yield NextRefreshSensor(coordinator, data)


class SchoolbagSensor(SchoolbagEntity, SensorEntity):
    """A sensor described by a SchoolbagSensorDescription."""

    entity_description: SchoolbagSensorDescription
    _unrecorded_attributes = UNRECORDED_GRADE_ATTRIBUTES

    def __init__(
        self,
        coordinator: SchoolbagCoordinator,
        data: StudentData,
        description: SchoolbagSensorDescription,
    ) -> None:
        """Bind the description to a student."""
        super().__init__(coordinator, data.student, description.key)
        self.entity_description = description
        self._cancel_timer: CALLBACK_TYPE | None = None

    async def async_added_to_hass(self) -> None:
        """Start following the clock as well as the coordinator."""
        await super().async_added_to_hass()
        self.async_on_remove(self._cancel_clock)
        self._schedule_clock()

    @callback
    def _handle_coordinator_update(self) -> None:
        super()._handle_coordinator_update()
        self._schedule_clock()

    @callback
    def _cancel_clock(self) -> None:
        if self._cancel_timer is not None:
            self._cancel_timer()
            self._cancel_timer = None

    @callback
    def _schedule_clock(self) -> None:
        """Write the state again when time alone changes it."""
        self._cancel_clock()
        next_change_fn = self.entity_description.next_change_fn
        data = self.student_data
        if next_change_fn is None or data is None:
            return
        when = next_change_fn(data, dt_util.now())
        if when is not None:
            self._cancel_timer = async_track_point_in_utc_time(self.hass, self._clock_tick, when)

    @callback
    def _clock_tick(self, _now: datetime) -> None:
        self._cancel_timer = None
        self.async_write_ha_state()
        self._schedule_clock()

    @property
    def native_value(self) -> StateType | datetime:
        """Computed at each state write, so 'next lesson' moves on with time."""
        data = self.student_data
        if data is None:
            return None
        return self.entity_description.value_fn(data, dt_util.now())

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Details of the lesson, homework or grade behind the state."""
        data = self.student_data
        if data is None or self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(data, dt_util.now())
