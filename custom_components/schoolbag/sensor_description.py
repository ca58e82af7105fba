"""How a sensor computed from one student's data is described, and when days turn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from homeassistant.components.sensor import SensorEntityDescription
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from .client.models import Capability
from .data import StudentData

MAX_STATE_LENGTH = 255


@dataclass(frozen=True, kw_only=True)
class SchoolbagSensorDescription(SensorEntityDescription):
    """A sensor computed from one student's data at a given time."""

    value_fn: Callable[[StudentData, datetime], StateType | datetime]
    attributes_fn: Callable[[StudentData, datetime], dict[str, Any]] | None = None
    exists_fn: Callable[[StudentData], bool] = lambda _: True
    # The platform must offer this for the sensor to exist at all.
    capability: Capability | None = None
    # When the state changes by the clock alone (a lesson ends, a day starts).
    next_change_fn: Callable[[StudentData, datetime], datetime | None] | None = None


def tomorrow(now: datetime) -> date:
    """The day after ``now``."""
    return (now + timedelta(days=1)).date()


def next_midnight(data: StudentData, now: datetime) -> datetime:
    """When the sensors about "today" and "tomorrow" move on."""
    return dt_util.start_of_local_day(tomorrow(now))
