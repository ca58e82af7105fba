"""Grade sensors: the latest grade and skills evaluation, the overall average, the rank."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from homeassistant.components.sensor import SensorStateClass

from .data import StudentData
from .sensor_description import MAX_STATE_LENGTH, SchoolbagSensorDescription
from .summaries import (
    current_overall,
    latest_grade_attributes,
    overall_average,
    skill_attributes,
)

# Attributes kept out of the recorder's database: the list of recent grades changes with
# every new grade and would store the same grades again and again.
UNRECORDED_GRADE_ATTRIBUTES = frozenset({"recent"})


def _overall_attributes(data: StudentData, now: datetime) -> dict[str, Any]:
    """The scale of the overall average, for the cards to show "/20"."""
    average = current_overall(data, now.date())
    return {"out_of": average.out_of} if average else {}


def _rank_attributes(data: StudentData, now: datetime) -> dict[str, Any]:
    """Out of how many students, and in which group."""
    average = current_overall(data, now.date())
    return {
        "rank_total": average.rank_total if average else None,
        "group": data.grades.group if data.grades else None,
    }


GRADE_SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    SchoolbagSensorDescription(
        key="latest_grade",
        translation_key="latest_grade",
        exists_fn=lambda data: data.grades is not None,
        value_fn=lambda data, now: (grade.value if (grade := data.latest_grade()) else None),
        # The latest grade's details, and ``recent``: up to 10 grades for the cards.
        attributes_fn=lambda data, now: latest_grade_attributes(data),
    ),
    SchoolbagSensorDescription(
        key="overall_average",
        translation_key="overall_average",
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        # Averages are per term: a grade book without terms (Lectio) has none.
        exists_fn=lambda data: data.grades is not None and bool(data.grades.periods),
        value_fn=lambda data, now: overall_average(data, now.date()),
        attributes_fn=_overall_attributes,
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
        attributes_fn=_rank_attributes,
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
)
