"""The automation blueprints, loaded and run through Home Assistant's blueprint machinery.

Each blueprint file is copied into the test's own config folder and used by an automation
with ``use_blueprint``, against an account added through the config flow on the simulated
EcoleDirecte. The simulator is pinned to SCHOOL_DAY (a Tuesday) and time is frozen, so the
results do not depend on the day the tests run.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
import shutil
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.automation.config import AUTOMATION_BLUEPRINT_SCHEMA
from homeassistant.components.blueprint import models
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.yaml import load_yaml
import pytest
from pytest_homeassistant_custom_component.common import (
    async_fire_time_changed,
    async_mock_service,
)

from custom_components.schoolbag.data import StudentData
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, PARIS, SCHOOL_DAY, add_account, entity_id_for

BLUEPRINTS = Path(__file__).parents[2] / "blueprints" / "automation" / "schoolbag"
NAMES = ("new_grade", "homework_reminder", "wake_up_alarm", "lesson_changes", "weekly_summary")
FILES = [f"{name}{lang}.yaml" for name in NAMES for lang in ("", ".fr")]
STUDENT_ID = 2400
WEDNESDAY = SCHOOL_DAY + timedelta(days=1)
THURSDAY = SCHOOL_DAY + timedelta(days=2)
FRIDAY = SCHOOL_DAY + timedelta(days=3)


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """The demo school, its data dated from SCHOOL_DAY."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def blueprint_config(hass: HomeAssistant, tmp_path: Path) -> Path:
    """A config folder of the test's own with the blueprints where HA looks for them."""
    hass.config.config_dir = str(tmp_path)
    target = Path(hass.config.path("blueprints/automation/schoolbag"))
    shutil.copytree(BLUEPRINTS, target)
    return target


def _load(file: str) -> models.Blueprint:
    return models.Blueprint(
        load_yaml(BLUEPRINTS / file),
        expected_domain="automation",
        path=f"schoolbag/{file}",
        schema=AUTOMATION_BLUEPRINT_SCHEMA,
    )


def _inputs(blueprint: models.Blueprint) -> dict[str, tuple[Any, list[str]]]:
    """Each input's default and selector type, whatever the language of its labels."""
    return {
        key: (spec.get("default"), list(spec.get("selector", {})))
        for key, spec in blueprint.inputs.items()
    }


def test_every_blueprint_file_is_there() -> None:
    assert sorted(path.name for path in BLUEPRINTS.glob("*.yaml")) == sorted(FILES)


@pytest.mark.parametrize("file", FILES)
def test_each_blueprint_validates(file: str) -> None:
    blueprint = _load(file)
    assert blueprint.domain == "automation"
    assert blueprint.metadata["source_url"].endswith(f"/blueprints/automation/schoolbag/{file}")
    assert blueprint.metadata["homeassistant"]["min_version"] == "2026.2.0"


@pytest.mark.parametrize("name", NAMES)
def test_both_languages_have_the_same_inputs_and_logic(name: str) -> None:
    english, french = _load(f"{name}.yaml"), _load(f"{name}.fr.yaml")
    assert _inputs(english) == _inputs(french)
    assert english.metadata["name"] != french.metadata["name"]
    for key in ("triggers", "conditions", "mode"):
        assert english.data.get(key) == french.data.get(key)
    # The labels are translated, not copied.
    for key, spec in english.inputs.items():
        assert spec["name"] != french.inputs[key]["name"], key


def _asks_for_a_student(spec: dict[str, Any]) -> bool:
    """A device, or an entity, of Schoolbag: either names one student."""
    selector = spec.get("selector", {})
    chosen = selector.get("device") or selector.get("entity")
    if chosen is None:
        return False
    filters = chosen.get("filter", [])
    return any(f.get("integration") == "schoolbag" for f in filters)


@pytest.mark.parametrize("file", FILES)
def test_each_blueprint_asks_for_the_student_once(file: str) -> None:
    blueprint = _load(file)
    asked = [key for key, spec in blueprint.inputs.items() if _asks_for_a_student(spec)]
    assert len(asked) == 1, asked


def _device(hass: HomeAssistant, entry: ConfigEntry) -> dr.DeviceEntry:
    (device,) = dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)
    return device


def _student(entry: ConfigEntry) -> StudentData:
    data: StudentData = entry.runtime_data.data.students[str(STUDENT_ID)]
    return data


def _name(device: dr.DeviceEntry) -> str:
    return device.name_by_user or device.name or ""


async def _use(hass: HomeAssistant, *automations: tuple[str, dict[str, Any]]) -> None:
    """Set up one automation per (blueprint file, inputs)."""
    config = [
        {
            "alias": f"{file} {index}",
            "use_blueprint": {"path": f"schoolbag/{file}", "input": inputs},
        }
        for index, (file, inputs) in enumerate(automations)
    ]
    assert await async_setup_component(hass, "automation", {"automation": config})
    await hass.async_block_till_done()
    for index, (file, _) in enumerate(automations):
        state = hass.states.get(f"automation.{file.replace('.', '_')}_{index}")
        assert state is not None, file
        assert state.state == "on", file  # loaded and valid, not turned off by an error


async def _refresh(hass: HomeAssistant, entry: ConfigEntry) -> None:
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


async def _at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, moment: datetime) -> None:
    """Move the frozen clock to ``moment`` and let time triggers see it."""
    freezer.move_to(moment)
    async_fire_time_changed(hass, dt_util.utcnow())
    await hass.async_block_till_done()


def _sent(calls: list[ServiceCall]) -> list[tuple[str, str]]:
    return [(call.data["title"], call.data["message"]) for call in calls]


async def test_new_grade_notifies_every_grade_or_those_below_the_threshold(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    blueprint_config: Path,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = async_mock_service(hass, "notify", "notify")
    device = _device(hass, entry)
    news = entity_id_for(hass, "event", "_school_news")
    student = {"school_news": news}  # the student once: the device comes from the entity
    await _use(
        hass,
        ("new_grade.yaml", student),
        ("new_grade.fr.yaml", {**student, "threshold": 10}),
    )
    await _refresh(hass, entry)
    assert calls == []  # the grades known at setup are old news

    grade_id = ed_simulator.add_grade(STUDENT_ID, "MATHEMATIQUES", "14")
    await _refresh(hass, entry)
    (grade,) = [g for g in _student(entry).grades.grades if g.id == str(grade_id)]  # type: ignore[union-attr]
    # Every grade in English; 14/20 is not below the French automation's 10.
    assert len(calls) == 1
    assert calls[0].data["title"] == f"New grade for {_name(device)}"
    assert calls[0].data["message"].startswith(f"{grade.subject}: 14/20")

    freezer.tick(timedelta(minutes=1))
    ed_simulator.add_grade(STUDENT_ID, "MATHEMATIQUES", "8,5")
    await _refresh(hass, entry)
    assert sorted(call.data["title"] for call in calls[1:]) == [
        f"New grade for {_name(device)}",
        f"Nouvelle note pour {_name(device)}",
    ]
    messages = {call.data["title"][:3]: call.data["message"] for call in calls[1:]}
    assert messages["New"].startswith(f"{grade.subject}: 8.5/20")
    assert messages["Nou"].startswith(f"{grade.subject} : 8,5/20")

    # Reloaded (as at a restart), the entity shows its last grade again: not a new grade.
    last_grade = hass.states.get(news)
    assert last_grade is not None
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(news).state == last_grade.state  # type: ignore[union-attr]
    # Renamed: only its name changes.
    er.async_get(hass).async_update_entity(news, name="Nouvelles")
    await hass.async_block_till_done()
    assert hass.states.get(news).attributes["friendly_name"] == "Nouvelles"  # type: ignore[union-attr]
    assert len(calls) == 3

    # Nor any other kind of news.
    freezer.tick(timedelta(minutes=1))
    lesson = next(
        lesson
        for lesson in ed_simulator.student(STUDENT_ID).lessons
        if lesson.start.date() == THURSDAY and not lesson.cancelled
    )
    lesson.cancelled = True
    await _refresh(hass, entry)
    assert hass.states.get(news).state != last_grade.state  # type: ignore[union-attr]
    assert len(calls) == 3


async def test_homework_reminder_counts_tomorrow_s_homework_not_done(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    blueprint_config: Path,
    freezer: FrozenDateTimeFactory,
) -> None:
    ed_simulator.add_homework(STUDENT_ID, WEDNESDAY, "FRANCAIS", "<p>Lire</p>")
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = async_mock_service(hass, "notify", "notify")
    device = _device(hass, entry)
    await _use(
        hass,
        ("homework_reminder.yaml", {"student": device.id}),  # default 19:00
        ("homework_reminder.fr.yaml", {"student": device.id, "at": "19:30:00"}),
    )
    todo = [w for w in _student(entry).homework if w.due == WEDNESDAY and not w.done]
    due = entity_id_for(hass, "sensor", "_homework_due_tomorrow")
    assert len(todo) >= 2
    assert hass.states.get(due).state == str(len(todo))  # type: ignore[union-attr]
    subjects = ", ".join(work.subject for work in todo)

    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(18, 59), PARIS))
    assert calls == []
    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(19), PARIS))
    assert _sent(calls) == [
        (
            "Homework for tomorrow",
            f"{_name(device)} has {len(todo)} homework due tomorrow not done yet: {subjects}.",
        )
    ]
    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(19, 30), PARIS))
    assert _sent(calls)[1:] == [
        (
            "Devoirs pour demain",
            f"{_name(device)} a {len(todo)} devoirs pour demain pas encore faits : {subjects}.",
        )
    ]

    # Wednesday evening, everything due on Thursday done: nothing is sent.
    for work in ed_simulator.student(STUDENT_ID).homework:
        if work.due == THURSDAY:
            work.done = True
    await _at(hass, freezer, datetime.combine(WEDNESDAY, time(18), PARIS))
    await _refresh(hass, entry)
    await _at(hass, freezer, datetime.combine(WEDNESDAY, time(19), PARIS))
    await _at(hass, freezer, datetime.combine(WEDNESDAY, time(19, 30), PARIS))
    assert len(calls) == 2


async def test_wake_up_alarm_follows_tomorrow_s_first_lesson(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    blueprint_config: Path,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    assert await async_setup_component(
        hass,
        "input_datetime",
        {
            "input_datetime": {
                "wake_up": {"has_date": True, "has_time": True},
                "reveil": {"has_date": False, "has_time": True},
            }
        },
    )
    first_lesson = entity_id_for(hass, "sensor", "_first_lesson_tomorrow")
    await _use(
        hass,
        ("wake_up_alarm.yaml", {"first_lesson": first_lesson, "alarm": "input_datetime.wake_up"}),
        (
            "wake_up_alarm.fr.yaml",
            {
                "first_lesson": first_lesson,
                "alarm": "input_datetime.reveil",
                "offset": 45,
                "at": "20:30:00",
            },
        ),
    )
    first = _student(entry).lessons_on(WEDNESDAY)[0].start
    expected = dt_util.as_local(first - timedelta(minutes=60))
    expected_fr = dt_util.as_local(first - timedelta(minutes=45))

    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(20), PARIS))
    assert hass.states.get("input_datetime.wake_up").state == expected.strftime(  # type: ignore[union-attr]
        "%Y-%m-%d %H:%M:%S"
    )
    assert hass.states.get("input_datetime.reveil").state == "00:00:00"  # type: ignore[union-attr]
    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(20, 30), PARIS))
    assert hass.states.get("input_datetime.reveil").state == expected_fr.strftime("%H:%M:%S")  # type: ignore[union-attr]
    assert expected.date() == WEDNESDAY

    # Friday evening: no lesson on Saturday, the alarm stays as it was.
    await _at(hass, freezer, datetime.combine(FRIDAY, time(19), PARIS))
    await _refresh(hass, entry)
    assert hass.states.get(first_lesson).state == "unknown"  # type: ignore[union-attr]
    await _at(hass, freezer, datetime.combine(FRIDAY, time(20), PARIS))
    await _at(hass, freezer, datetime.combine(FRIDAY, time(20, 30), PARIS))
    assert hass.states.get("input_datetime.wake_up").state == expected.strftime(  # type: ignore[union-attr]
        "%Y-%m-%d %H:%M:%S"
    )
    assert hass.states.get("input_datetime.reveil").state == expected_fr.strftime("%H:%M:%S")  # type: ignore[union-attr]


async def test_lesson_changes_notify_cancelled_and_changed_lessons(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    blueprint_config: Path,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = async_mock_service(hass, "notify", "notify")
    device = _device(hass, entry)
    news = entity_id_for(hass, "event", "_school_news")
    student = {"school_news": news}  # the student once: the device comes from the entity
    await _use(
        hass,
        ("lesson_changes.yaml", student),
        ("lesson_changes.fr.yaml", {**student, "notify_changed": False}),
    )
    lessons = sorted(
        (
            lesson
            for lesson in ed_simulator.student(STUDENT_ID).lessons
            if lesson.start.date() == THURSDAY and not lesson.cancelled and not lesson.modified
        ),
        key=lambda lesson: lesson.start,
    )
    cancelled, changed = lessons[:2]
    cancelled.cancelled = True
    changed.modified, changed.room = True, "CDI"
    await _refresh(hass, entry)

    by_id = {lesson.id: lesson for lesson in _student(entry).lessons}
    gone, moved = by_id[str(cancelled.id)], by_id[str(changed.id)]
    gone_at, moved_at = dt_util.as_local(gone.start), dt_util.as_local(moved.start)
    name = _name(device)
    assert sorted(_sent(calls)) == sorted(
        [
            (
                f"{name}: lesson cancelled",
                f"{gone.subject} on Thursday 12 March at {gone_at:%H:%M} is cancelled.",
            ),
            (
                f"{name}: lesson changed",
                f"{moved.subject} on Thursday 12 March at {moved_at:%H:%M} is changed, room CDI"
                + (f", with {', '.join(moved.teachers)}." if moved.teachers else "."),
            ),
            # French: cancelled lessons only.
            (
                f"{name} : cours annulé",
                f"{gone.subject} du jeudi 12/03 à {gone_at:%H:%M} : annulé.",
            ),
        ]
    )


async def test_weekly_summary_counts_the_week_s_grades_and_pending_homework(
    hass: HomeAssistant,
    school_morning: date,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    blueprint_config: Path,
    freezer: FrozenDateTimeFactory,
) -> None:
    ed_simulator.add_grade(STUDENT_ID, "MATHEMATIQUES", "16,5")
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    calls = async_mock_service(hass, "notify", "notify")
    device = _device(hass, entry)
    await _use(
        hass,
        ("weekly_summary.yaml", {"student": device.id, "weekday": "tue"}),  # default 18:00
        ("weekly_summary.fr.yaml", {"student": device.id, "weekday": "wed", "at": "17:00:00"}),
    )
    data = _student(entry)
    week = [
        grade
        for grade in data.grades.grades  # type: ignore[union-attr]
        if SCHOOL_DAY - timedelta(days=6) <= grade.date <= SCHOOL_DAY
        and str(grade.mark) != "pending"
    ]
    latest = sorted(week, key=lambda grade: grade.date)[-1]
    assert latest.value == 16.5
    pending = len(data.pending_homework(SCHOOL_DAY))
    pending_sensor = hass.states.get(entity_id_for(hass, "sensor", "_pending_homework"))
    assert pending_sensor is not None
    assert pending_sensor.state == str(pending)
    assert pending > 1
    name = _name(device)

    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(17), PARIS))  # not Wednesday
    assert calls == []
    await _at(hass, freezer, datetime.combine(SCHOOL_DAY, time(18), PARIS))
    plural = "s" if len(week) > 1 else ""
    assert _sent(calls) == [
        (
            f"{name}: the week at school",
            f"{len(week)} grade{plural} this week, the latest {latest.subject}: 16.5/20."
            f" {pending} homework still to do.",
        )
    ]

    # The French one on Wednesday: the week now starts on Thursday the 5th.
    await _at(hass, freezer, datetime.combine(WEDNESDAY, time(17), PARIS))
    week = [g for g in week if g.date >= WEDNESDAY - timedelta(days=6)]
    pending = len(data.pending_homework(WEDNESDAY))
    assert _sent(calls)[1:] == [
        (
            f"{name} : la semaine à l'école",
            f"{len(week)} note{'s' if len(week) > 1 else ''} cette semaine, la dernière en"
            f" {latest.subject} : 16,5/20. {pending} devoirs à faire.",
        )
    ]
    await _at(hass, freezer, datetime.combine(WEDNESDAY, time(18), PARIS))
    assert len(calls) == 2  # the English one runs on Tuesdays only
