"""Sensors: next lesson, first lesson tomorrow, homework, grades, school life."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from .client.models import (
    AbsenceRate,
    AbsenceRateKind,
    Capability,
    DishKind,
    Lesson,
    Meal,
    MenuMeal,
    Wallet,
)
from .coordinator import SchoolbagConfigEntry, SchoolbagCoordinator
from .data import LUNCH_OVER_HOUR, StudentData
from .entity import SchoolbagEntity
from .sensor_averages import AverageSensors
from .sensor_refresh import LastRefreshSensor
from .summaries import (
    current_overall,
    grade_attributes,
    homework_attributes,
    lesson_attributes,
    overall_average,
    skill_attributes,
)

PARALLEL_UPDATES = 0
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


def _next_lesson_change(data: StudentData, now: datetime) -> datetime | None:
    lesson = data.next_lesson(now)
    return lesson.end if lesson else None


def _next_midnight(data: StudentData, now: datetime) -> datetime:
    return dt_util.start_of_local_day(now.date() + timedelta(days=1))


def _first_lesson_tomorrow(data: StudentData, now: datetime) -> Lesson | None:
    lessons = data.lessons_on((now + timedelta(days=1)).date())
    return lessons[0] if lessons else None


def _lunch_tomorrow(data: StudentData, now: datetime) -> str | None:
    """Whether lunch is booked at the canteen for tomorrow (None on days without booking)."""
    if data.canteen is None:
        return None
    weekday = (now + timedelta(days=1)).isoweekday()
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


def _due_tomorrow(data: StudentData, now: datetime) -> list[Any]:
    tomorrow = (now + timedelta(days=1)).date()
    return [work for work in data.homework if work.due == tomorrow and not work.done]


def _overall_rate(data: StudentData, kind: AbsenceRateKind) -> AbsenceRate | None:
    if data.school_life is None:
        return None
    return next(
        (r for r in data.school_life.absence_rates if r.kind is kind and r.subject is None), None
    )


def _rate_value(data: StudentData, kind: AbsenceRateKind) -> float | None:
    rate = _overall_rate(data, kind)
    return rate.percent if rate else None


def _rate_attributes(data: StudentData, kind: AbsenceRateKind) -> dict[str, Any]:
    """The whole-year figure and each subject's (team's) rate."""
    overall = _overall_rate(data, kind)
    if overall is None or data.school_life is None:
        return {}
    return {
        "percent_year": overall.percent_year,
        "absent": overall.absent,
        "total": overall.total,
        "subjects": {
            rate.subject: rate.percent
            for rate in data.school_life.absence_rates
            if rate.kind is kind and rate.subject is not None
        },
    }


def _rank_attributes(data: StudentData, now: datetime) -> dict[str, Any]:
    """Out of how many students, and in which group."""
    average = current_overall(data, now.date())
    return {
        "rank_total": average.rank_total if average else None,
        "group": data.grades.group if data.grades else None,
    }


SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    SchoolbagSensorDescription(
        key="next_lesson",
        translation_key="next_lesson",
        capability=Capability.TIMETABLE,
        value_fn=lambda data, now: (lesson.subject if (lesson := data.next_lesson(now)) else None),
        attributes_fn=lambda data, now: lesson_attributes(data.next_lesson(now)),
        next_change_fn=_next_lesson_change,
    ),
    SchoolbagSensorDescription(
        key="first_lesson_tomorrow",
        translation_key="first_lesson_tomorrow",
        capability=Capability.TIMETABLE,
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda data, now: (
            lesson.start if (lesson := _first_lesson_tomorrow(data, now)) else None
        ),
        attributes_fn=lambda data, now: lesson_attributes(_first_lesson_tomorrow(data, now)),
        next_change_fn=_next_midnight,
    ),
    SchoolbagSensorDescription(
        key="homework_due_tomorrow",
        translation_key="homework_due_tomorrow",
        capability=Capability.HOMEWORK,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda data, now: len(_due_tomorrow(data, now)),
        attributes_fn=lambda data, now: homework_attributes(_due_tomorrow(data, now)),
        next_change_fn=_next_midnight,
    ),
    SchoolbagSensorDescription(
        key="pending_homework",
        translation_key="pending_homework",
        capability=Capability.HOMEWORK,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda data, now: len(data.pending_homework(now.date())),
        attributes_fn=lambda data, now: homework_attributes(data.pending_homework(now.date())),
        next_change_fn=_next_midnight,
    ),
    SchoolbagSensorDescription(
        key="latest_grade",
        translation_key="latest_grade",
        exists_fn=lambda data: data.grades is not None,
        value_fn=lambda data, now: (grade.value if (grade := data.latest_grade()) else None),
        attributes_fn=lambda data, now: grade_attributes(data.latest_grade()),
    ),
    SchoolbagSensorDescription(
        key="overall_average",
        translation_key="overall_average",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        # Averages are per term: a grade book without terms (Lectio) has none.
        exists_fn=lambda data: data.grades is not None and bool(data.grades.periods),
        value_fn=lambda data, now: overall_average(data, now.date()),
    ),
    SchoolbagSensorDescription(
        key="rank",
        translation_key="rank",
        # Many schools hide ranks, and few families follow them.
        entity_registry_enabled_default=False,
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.grades is not None
        and any(average.rank is not None for average in data.grades.averages),
        value_fn=lambda data, now: (
            average.rank if (average := current_overall(data, now.date())) else None
        ),
        attributes_fn=lambda data, now: _rank_attributes(data, now),
    ),
    SchoolbagSensorDescription(
        key="latest_skill_evaluation",
        translation_key="latest_skill_evaluation",
        exists_fn=lambda data: data.grades is not None and bool(data.grades.skills),
        value_fn=lambda data, now: (
            skill.title[:MAX_STATE_LENGTH] if (skill := data.latest_skill()) else None
        ),
        attributes_fn=lambda data, now: skill_attributes(data.latest_skill()),
    ),
    SchoolbagSensorDescription(
        key="absences_unjustified",
        translation_key="unjustified_absences",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.school_life is not None,
        value_fn=lambda data, now: (
            sum(1 for item in data.school_life.absences if not item.justified)
            if data.school_life
            else None
        ),
    ),
    SchoolbagSensorDescription(
        key="absences",
        translation_key="absences",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.school_life is not None,
        value_fn=lambda data, now: len(data.school_life.absences) if data.school_life else None,
        attributes_fn=lambda data, now: {
            "unjustified": sum(1 for item in data.school_life.absences if not item.justified)
            if data.school_life
            else 0
        },
    ),
    SchoolbagSensorDescription(
        key="delays",
        translation_key="delays",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.school_life is not None,
        value_fn=lambda data, now: len(data.school_life.delays) if data.school_life else None,
    ),
    SchoolbagSensorDescription(
        key="absence_rate",
        translation_key="absence_rate",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        exists_fn=lambda data: _overall_rate(data, AbsenceRateKind.PHYSICAL) is not None,
        value_fn=lambda data, now: _rate_value(data, AbsenceRateKind.PHYSICAL),
        attributes_fn=lambda data, now: _rate_attributes(data, AbsenceRateKind.PHYSICAL),
    ),
    SchoolbagSensorDescription(
        key="written_absence_rate",
        translation_key="written_absence_rate",
        entity_registry_enabled_default=False,
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        exists_fn=lambda data: _overall_rate(data, AbsenceRateKind.WRITTEN) is not None,
        value_fn=lambda data, now: _rate_value(data, AbsenceRateKind.WRITTEN),
        attributes_fn=lambda data, now: _rate_attributes(data, AbsenceRateKind.WRITTEN),
    ),
    SchoolbagSensorDescription(
        key="lunch_tomorrow",
        translation_key="lunch_tomorrow",
        device_class=SensorDeviceClass.ENUM,
        options=["booked", "not_booked"],
        exists_fn=lambda data: data.canteen is not None and bool(data.canteen.reservations),
        value_fn=_lunch_tomorrow,
        attributes_fn=lambda data, now: {"regime": data.canteen.regime if data.canteen else None},
        next_change_fn=_next_midnight,
    ),
    SchoolbagSensorDescription(
        key="lunch_menu",
        translation_key="lunch_menu",
        exists_fn=lambda data: bool(data.menus),
        value_fn=_lunch_menu,
        attributes_fn=_lunch_menu_attributes,
        next_change_fn=lambda data, now: dt_util.start_of_local_day(now.date())
        + timedelta(days=1 if now.hour >= LUNCH_OVER_HOUR else 0, hours=LUNCH_OVER_HOUR),
    ),
    SchoolbagSensorDescription(
        key="unread_information",
        translation_key="unread_information",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.information is not None,
        value_fn=lambda data, now: sum(1 for item in data.information or () if not item.read),
        attributes_fn=lambda data, now: {
            "unread": [
                {"title": item.title, "author": item.author, "survey": item.survey}
                for item in data.information or ()
                if not item.read
            ]
        },
    ),
    SchoolbagSensorDescription(
        key="unread_messages",
        translation_key="unread_messages",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.mailbox is not None,
        value_fn=lambda data, now: data.mailbox.unread if data.mailbox else None,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: SchoolbagConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the sensors of every followed student."""
    coordinator = entry.runtime_data
    entities: list[SensorEntity] = []
    for data in coordinator.data.students.values():
        entities.extend(
            SchoolbagSensor(coordinator, data, description)
            for description in SENSORS
            if description.capability in (None, *coordinator.client.capabilities)
            and description.exists_fn(data)
        )
        entities.extend(WalletSensor(coordinator, data, wallet) for wallet in data.wallets)
        entities.append(LastRefreshSensor(coordinator, data))
    async_add_entities(entities)
    averages = AverageSensors(coordinator, async_add_entities)
    averages.async_update()
    entry.async_on_unload(coordinator.async_add_listener(averages.async_update))


class SchoolbagSensor(SchoolbagEntity, SensorEntity):
    """A sensor described by a SchoolbagSensorDescription."""

    entity_description: SchoolbagSensorDescription

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


class WalletSensor(SchoolbagEntity, SensorEntity):
    """Balance of a prepaid account (canteen, activities)."""

    _attr_translation_key = "wallet_balance"
    _attr_device_class = SensorDeviceClass.MONETARY
    _attr_suggested_display_precision = 2

    def __init__(
        self, coordinator: SchoolbagCoordinator, data: StudentData, wallet: Wallet
    ) -> None:
        """Bind the wallet to the student's device."""
        super().__init__(coordinator, data.student, f"wallet_{wallet.id}")
        self.wallet_id = wallet.id
        self._attr_translation_placeholders = {"wallet": wallet.label}
        self._attr_native_unit_of_measurement = wallet.currency

    def _wallet(self) -> Wallet | None:
        data = self.student_data
        if data is None:
            return None
        return next((w for w in data.wallets if w.id == self.wallet_id), None)

    @property
    def available(self) -> bool:
        """Unavailable once the wallet disappears."""
        return super().available and self._wallet() is not None

    @property
    def native_value(self) -> float | None:
        """The balance."""
        wallet = self._wallet()
        return wallet.balance if wallet else None
