"""Canteen sensors: whether lunch is booked for tomorrow, and the next lunch's menu."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.util import dt as dt_util

from .client.models import DishKind, Meal, MenuMeal
from .data import LUNCH_OVER_HOUR, StudentData
from .sensor_description import (
    MAX_STATE_LENGTH,
    SchoolbagSensorDescription,
    next_midnight,
    tomorrow,
)


def _lunch_tomorrow(data: StudentData, now: datetime) -> str | None:
    """Whether lunch is booked at the canteen for tomorrow (None on days without booking)."""
    if data.canteen is None:
        return None
    weekday = tomorrow(now).isoweekday()
    for reservation in data.canteen.reservations:
        if reservation.weekday == weekday and reservation.meal is Meal.LUNCH:
            return "booked" if reservation.booked else "not_booked"
    return None


def _lunch_menu(data: StudentData, now: datetime) -> str | None:
    """The main course of the next lunch, as the state."""
    lunch = data.next_lunch(now)
    if lunch is None:
        return None
    courses = _courses(lunch[1])
    main = courses.get(DishKind.MAIN) or next(iter(courses.values()), [])
    return ", ".join(main)[:MAX_STATE_LENGTH] or None


def _lunch_menu_attributes(data: StudentData, now: datetime) -> dict[str, Any]:
    lunch = data.next_lunch(now)
    if lunch is None:
        return {}
    day, meal = lunch
    return {"date": day.isoformat(), **{str(kind): foods for kind, foods in _courses(meal).items()}}


def _courses(meal: MenuMeal) -> dict[DishKind, list[str]]:
    courses: dict[DishKind, list[str]] = {}
    for dish in meal.dishes:
        courses.setdefault(dish.kind, []).extend(food.name for food in dish.foods)
    return courses


def _lunch_over(data: StudentData, now: datetime) -> datetime:
    """When the menu shown moves on to the next lunch."""
    day = now.date() + timedelta(days=1 if now.hour >= LUNCH_OVER_HOUR else 0)
    return dt_util.start_of_local_day(day) + timedelta(hours=LUNCH_OVER_HOUR)


CANTEEN_SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    SchoolbagSensorDescription(
        key="lunch_tomorrow",
        translation_key="lunch_tomorrow",
        device_class=SensorDeviceClass.ENUM,
        options=["booked", "not_booked"],
        exists_fn=lambda data: data.canteen is not None and bool(data.canteen.reservations),
        value_fn=_lunch_tomorrow,
        attributes_fn=lambda data, now: {"regime": data.canteen.regime if data.canteen else None},
        next_change_fn=next_midnight,
    ),
    SchoolbagSensorDescription(
        key="lunch_menu",
        translation_key="lunch_menu",
        exists_fn=lambda data: bool(data.menus),
        value_fn=_lunch_menu,
        attributes_fn=_lunch_menu_attributes,
        next_change_fn=_lunch_over,
    ),
)
