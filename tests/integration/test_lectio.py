"""Lectio through the real config flow, entities and actions, against the simulated Lectio."""

from __future__ import annotations

from datetime import timedelta
import json

from homeassistant.components.todo import TodoListEntityFeature
from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.const import ATTR_SUPPORTED_FEATURES
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest

from custom_components.schoolbag.client.codec import from_json, to_json
from custom_components.schoolbag.client.models import AbsenceRateKind, HomeworkKind
from custom_components.schoolbag.const import DOMAIN
from custom_components.schoolbag.data import SchoolbagData
from simulator.lectio import LectioSimulator

from .conftest import (
    attributes,
    entity_id_for,
    select_options,
    start_reauth_after_password_change,
    start_reconfigure,
)

DEMO_SCHOOL, MITID_SCHOOL = "680", "681"


async def _school(hass: HomeAssistant, origin: str, school: str) -> FlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "lectio"}
    )
    assert result["step_id"] == "lectio"
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"school": school, "advanced": {"server_url": origin}}
    )


async def test_help_texts_get_lectio_addresses_through_placeholders(
    hass: HomeAssistant, lectio_origin: str
) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "lectio"}
    )
    assert "/lectio/680/" in result["description_placeholders"]["lectio_example_url"]
    result = await _choose(hass, await _school(hass, lectio_origin, MITID_SCHOOL), "lectio_cookie")
    assert result["description_placeholders"]["lectio_host"] == "www.lectio.dk"


async def _choose(hass: HomeAssistant, result: FlowResult, mode: str) -> FlowResult:
    assert result["type"] is FlowResultType.MENU, result
    assert result["step_id"] == "lectio_login"
    return await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": mode})


async def _created(hass: HomeAssistant, result: FlowResult) -> ConfigEntry:
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    return entry


async def _password_entry(hass: HomeAssistant, origin: str) -> ConfigEntry:
    result = await _choose(hass, await _school(hass, origin, DEMO_SCHOOL), "lectio_password")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "demo"}
    )
    return await _created(hass, result)


async def cookie_entry(hass: HomeAssistant, origin: str, cookie: str) -> ConfigEntry:
    """A MitID account of the MitID-only school, added with ``cookie``."""
    result = await _choose(hass, await _school(hass, origin, MITID_SCHOOL), "lectio_cookie")
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"cookie": cookie})
    return await _created(hass, result)


async def test_school_found_by_name_then_password_login(
    hass: HomeAssistant, lectio_origin: str
) -> None:
    result = await _school(hass, lectio_origin, "gymnasium")
    assert result["step_id"] == "lectio_school"
    schools = select_options(result, "school_id")
    assert schools == {DEMO_SCHOOL: "Eksempel Gymnasium & HF", MITID_SCHOOL: "Nordby Gymnasium"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"school_id": DEMO_SCHOOL}
    )
    result = await _choose(hass, result, "lectio_password")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "wrong"}
    )
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "demo"}
    )
    entry = await _created(hass, result)
    assert entry.data["school_id"] == DEMO_SCHOOL
    assert entry.data["login_mode"] == "password"
    assert entry.unique_id is not None
    assert entry.unique_id.startswith(f"lectio_{DEMO_SCHOOL}_")


async def test_school_search_errors(hass: HomeAssistant, lectio_origin: str) -> None:
    result = await _school(hass, lectio_origin, "no such school")
    assert result["errors"] == {"school": "school_not_found"}
    result = await _choose(hass, await _school(hass, lectio_origin, "999"), "lectio_password")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "demo"}
    )
    assert result["errors"] == {"base": "unknown_school"}
    # A school that only allows MitID says so and points to the cookie login.
    result = await _choose(
        hass, await _school(hass, lectio_origin, "Nordby Gymnasium"), "lectio_password"
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "magnus", "password": "x"}
    )
    assert result["errors"] == {"base": "mitid_only"}


async def test_entities_show_lessons_assignments_and_absence(
    hass: HomeAssistant, lectio_origin: str
) -> None:
    entry = await _password_entry(hass, lectio_origin)
    (data,) = entry.runtime_data.data.students.values()
    student = data.student.id
    assert data.lessons
    assert any(lesson.all_day for lesson in data.lessons)

    todo = entity_id_for(hass, "todo", f"{student}_homework_todo")
    state = hass.states.get(todo)
    # Lectio has no "done" for homework: the checkbox is offered all the same, kept here.
    features = state.attributes.get(ATTR_SUPPORTED_FEATURES, 0)
    assert features & TodoListEntityFeature.UPDATE_TODO_ITEM
    assert state.state == str(sum(1 for work in data.homework if not work.done))
    response = await hass.services.async_call(
        "todo", "get_items", target={"entity_id": todo}, blocking=True, return_response=True
    )
    assert response is not None
    items = {item["uid"]: item for item in response[todo]["items"]}  # type: ignore[index]
    assignment = next(w for w in data.homework if w.kind is HomeworkKind.ASSIGNMENT and not w.done)
    assert assignment.deadline is not None
    assert items[assignment.id]["due"] == assignment.deadline.isoformat()

    assert data.school_life is not None
    overall = next(
        rate
        for rate in data.school_life.absence_rates
        if rate.subject is None and rate.kind is AbsenceRateKind.PHYSICAL
    )
    absence = entity_id_for(hass, "sensor", f"{student}_absence_rate")
    assert float(hass.states.get(absence).state) == pytest.approx(overall.percent)
    assert attributes(hass, absence)["subjects"]
    assert hass.states.get(entity_id_for(hass, "sensor", f"{student}_unread_messages")).state
    # Lectio grades have no terms and no averages: no average sensor that would stay unknown.
    registry = er.async_get(hass)
    assert not any(
        item.unique_id.endswith(f"{student}_overall_average") for item in registry.entities.values()
    )
    assert hass.states.get(entity_id_for(hass, "sensor", f"{student}_latest_grade")).state


async def test_whole_day_notes_are_all_day_calendar_events(
    hass: HomeAssistant, lectio_origin: str
) -> None:
    entry = await _password_entry(hass, lectio_origin)
    (data,) = entry.runtime_data.data.students.values()
    note = next(lesson for lesson in data.lessons if lesson.all_day)
    calendar = entity_id_for(hass, "calendar", f"{data.student.id}_timetable")
    day = note.start.date()
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"start_date_time": f"{day}T00:00:00", "end_date_time": f"{day}T23:59:59"},
        target={"entity_id": calendar},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events = response[calendar]["events"]  # type: ignore[index]
    whole_day = [event for event in events if "T" not in event["start"]]
    assert any(event["start"] == day.isoformat() for event in whole_day)


async def _todo_items(hass: HomeAssistant, todo: str) -> dict[str, dict[str, str]]:
    response = await hass.services.async_call(
        "todo", "get_items", target={"entity_id": todo}, blocking=True, return_response=True
    )
    assert response is not None
    return {item["uid"]: item for item in response[todo]["items"]}  # type: ignore[index]


async def test_ticks_stay_in_home_assistant_where_lectio_cannot_record_them(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator
) -> None:
    entry = await _password_entry(hass, lectio_origin)
    (data,) = entry.runtime_data.data.students.values()
    todo = entity_id_for(hass, "todo", f"{data.student.id}_homework_todo")
    work = next(w for w in data.homework if not w.done)
    pending = int(hass.states.get(todo).state)
    requests_before = len(lectio_simulator.requests)

    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": work.id, "status": "completed"},
        target={"entity_id": todo},
        blocking=True,
    )
    item = (await _todo_items(hass, todo))[work.id]
    assert item["status"] == "completed"
    assert item["description"].endswith("the school's site does not record it.")
    assert int(hass.states.get(todo).state) == pending - 1
    assert len(lectio_simulator.requests) == requests_before

    # Kept across a restart of the integration (and its refresh from the school).
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert (await _todo_items(hass, todo))[work.id]["status"] == "completed"

    # The action does the same; unticking brings the school's state back.
    await hass.services.async_call(
        DOMAIN,
        "mark_homework_done",
        {"config_entry": entry.entry_id, "homework_id": work.id, "done": False},
        blocking=True,
    )
    item = (await _todo_items(hass, todo))[work.id]
    assert item["status"] == "needs_action"
    assert "does not record" not in item.get("description", "")
    assert int(hass.states.get(todo).state) == pending


async def test_mitid_cookie_login_and_reauth_with_a_new_cookie(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator
) -> None:
    key = lectio_simulator.issue_autologin_key()
    result = await _choose(hass, await _school(hass, lectio_origin, MITID_SCHOOL), "lectio_cookie")
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"cookie": key})
    entry = await _created(hass, result)
    assert entry.data["login_mode"] == "cookie"
    # The cookie is kept under its own name, with no empty username or password.
    assert entry.data["cookie"] == key
    assert "username" not in entry.data
    assert "password" not in entry.data
    (data,) = entry.runtime_data.data.students.values()
    assert data.lessons

    lectio_simulator.revoke_autologin_keys()
    lectio_simulator.expire_sessions()
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    (flow,) = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert flow["step_id"] == "lectio_cookie"

    new_key = lectio_simulator.issue_autologin_key()
    result = await hass.config_entries.flow.async_configure(flow["flow_id"], {"cookie": new_key})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.data["school_id"] == MITID_SCHOOL


async def test_timetable_horizon_follows_the_weeks_option(
    hass: HomeAssistant, lectio_origin: str
) -> None:
    entry = await _password_entry(hass, lectio_origin)
    (data,) = entry.runtime_data.data.students.values()
    today = dt_util.now().date()
    assert max(lesson.start.date() for lesson in data.lessons) <= today + timedelta(days=14)

    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["step_id"] == "init"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"students": [data.student.id], "weeks_ahead": 4}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()

    (data,) = entry.runtime_data.data.students.values()
    last = max(lesson.start.date() for lesson in data.lessons)
    assert today + timedelta(days=21) < last <= today + timedelta(weeks=4)


async def test_password_reauth_and_reconfigure_keep_the_school(
    hass: HomeAssistant, lectio_origin: str
) -> None:
    entry = await _password_entry(hass, lectio_origin)
    result = await start_reauth_after_password_change(hass, entry)
    assert result["step_id"] == "reauth_confirm"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"password": "wrong"}
    )
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"password": "demo"})
    assert result["reason"] == "reauth_successful"
    assert entry.data["school_id"] == DEMO_SCHOOL

    result = await start_reconfigure(hass, entry)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "demo"}
    )
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["school_id"] == DEMO_SCHOOL
    assert entry.data["login_mode"] == "password"
    # The entry reloads after a successful flow: let it finish before the test ends.
    await hass.async_block_till_done()


async def test_reconfigure_of_a_mitid_account_asks_for_a_cookie(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator
) -> None:
    result = await _choose(hass, await _school(hass, lectio_origin, MITID_SCHOOL), "lectio_cookie")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"cookie": lectio_simulator.issue_autologin_key()}
    )
    entry = await _created(hass, result)
    result = await start_reconfigure(hass, entry)
    assert result["step_id"] == "lectio_cookie"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"cookie": "not-a-key"}
    )
    assert result["errors"] == {"base": "invalid_cookie"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"cookie": lectio_simulator.issue_autologin_key()}
    )
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["login_mode"] == "cookie"
    # The entry reloads after a successful flow: let it finish before the test ends.
    await hass.async_block_till_done()


async def test_saved_data_reads_back_the_same(hass: HomeAssistant, lectio_origin: str) -> None:
    """What the Store keeps for outages and restarts (assignments, rates, all-day notes)."""
    entry = await _password_entry(hass, lectio_origin)
    data = entry.runtime_data.data
    assert from_json(SchoolbagData, json.loads(json.dumps(to_json(data)))) == data


@pytest.mark.parametrize("fault", ["maintenance", "truncated"])
async def test_a_bad_page_keeps_the_homework_and_marks_the_refresh_failed(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator, fault: str
) -> None:
    entry = await _password_entry(hass, lectio_origin)
    (data,) = entry.runtime_data.data.students.values()
    todo = entity_id_for(hass, "todo", f"{data.student.id}_homework_todo")
    items = (await _todo_items(hass, todo)).keys()
    assert items
    if fault == "maintenance":
        lectio_simulator.faults.next_errors.append("maintenance")
    else:
        lectio_simulator.faults.truncate_pages = 1

    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert not entry.runtime_data.last_update_success
    assert (await _todo_items(hass, todo)).keys() == items
    pending = entity_id_for(hass, "sensor", f"{data.student.id}_pending_homework")
    assert hass.states.get(pending).state == "unavailable"
