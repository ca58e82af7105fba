"""ScoDoc through the real config flow, entities and actions, against the simulated ScoDoc."""

from __future__ import annotations

import json
from typing import Any

from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.schoolbag.client.codec import from_json, to_json
from custom_components.schoolbag.client.models import AverageKind, GradeBook, GradeMark
from custom_components.schoolbag.const import CONF_SEMESTER, CONF_STUDENTS, DOMAIN
from custom_components.schoolbag.data import SchoolbagData
from simulator.scodoc import ScoDocSimulator

from .conftest import (
    attributes,
    enable_entity,
    entity_id_for,
    select_options,
    start_reauth_after_password_change,
)

ALICE, HUGO = "31024587", "31029911"
ALICE_ETUDID = 90417
# An evaluation of Alice's current semester that has no grade yet.
PENDING_EVALUATION = 51022


async def _open(hass: HomeAssistant) -> FlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "scodoc"}
    )


async def test_address_help_gets_its_example_through_a_placeholder(hass: HomeAssistant) -> None:
    result = await _open(hass)
    assert result["description_placeholders"]["scodoc_example_url"].endswith("/ScoDoc")


async def _account(
    hass: HomeAssistant, url: str, username: str = "demo", password: str = "demo", **extra: Any
) -> FlowResult:
    result = await _open(hass)
    assert result["step_id"] == "scodoc"
    return await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"server_url": url, "username": username, "password": password, **extra},
    )


async def add_scodoc(hass: HomeAssistant, url: str, query: str = f"{ALICE}, {HUGO}") -> ConfigEntry:
    result = await _account(hass, url)
    assert result["step_id"] == "scodoc_department"
    assert "INFO" in select_options(result, "department")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"department": "INFO"}
    )
    assert result["step_id"] == "scodoc_students"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": query}
    )
    assert result["step_id"] == "scodoc_pick"
    chosen = list(select_options(result, "students"))
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"students": chosen})
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    return entry


def _book(entry: ConfigEntry, nip: str) -> GradeBook:
    book = entry.runtime_data.data.students[nip].grades
    assert book is not None
    return book


def _ue_sensors(hass: HomeAssistant, entry: ConfigEntry, nip: str) -> set[str]:
    marker = f"{entry.unique_id}_{nip}_ue_average_"
    return {
        item.unique_id.removeprefix(marker)
        for item in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
        if item.unique_id.startswith(marker)
    }


async def test_flow_follows_students_and_builds_their_entities(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    # Named after the students, not the staff API account.
    assert entry.title.endswith(" (ScoDoc)")
    assert "demo" not in entry.title
    assert entry.data["department"] == "INFO"
    assert entry.data["student_ids"] == [ALICE, HUGO]
    assert entry.options[CONF_STUDENTS] == []
    assert "password" in entry.data

    book = _book(entry, ALICE)
    current = book.current_period(book.periods[-1].start)
    assert current is not None
    overall = next(a for a in book.averages if a.subject is None and a.period_id == current.id)
    average = hass.states.get(entity_id_for(hass, "sensor", f"{ALICE}_overall_average"))
    assert float(average.state) == pytest.approx(overall.value)
    rank = entity_id_for(hass, "sensor", f"{ALICE}_rank")
    assert hass.states.get(rank) is None
    await enable_entity(hass, entry, rank)
    assert hass.states.get(rank).state == str(overall.rank)
    assert attributes(hass, rank)["rank_total"] == overall.rank_total
    assert attributes(hass, rank)["group"] == book.group
    assert book.group

    units = {
        a.code: a
        for a in book.averages
        if a.kind is AverageKind.UE and a.period_id == current.id and a.code
    }
    assert units
    assert _ue_sensors(hass, entry, ALICE) == set(units)
    for code, unit in units.items():
        sensor = entity_id_for(hass, "sensor", f"{ALICE}_ue_average_{code}")
        assert float(hass.states.get(sensor).state) == pytest.approx(unit.value)
        if unit.ects is not None:
            assert attributes(hass, sensor)["ects"] == unit.ects

    absences = entry.runtime_data.data.students[ALICE].school_life
    assert absences is not None
    unjustified = entity_id_for(hass, "sensor", f"{ALICE}_absences_unjustified")
    assert hass.states.get(unjustified).state == str(
        sum(1 for a in absences.absences if not a.justified)
    )
    # No timetable or homework on ScoDoc: no such calendars, to-do lists or sensors.
    registry = er.async_get(hass)
    suffixes = {item.unique_id.rsplit(f"{ALICE}_", 1)[-1] for item in registry.entities.values()}
    assert "timetable" not in suffixes
    assert "next_lesson" not in suffixes


async def test_evaluations_calendar_lists_dated_evaluations(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    book = _book(entry, ALICE)
    calendar = entity_id_for(hass, "calendar", f"{ALICE}_evaluations_calendar")
    first = min(grade.date for grade in book.grades)
    last = max(grade.date for grade in book.grades)
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"start_date_time": f"{first}T00:00:00", "end_date_time": f"{last}T23:59:59"},
        target={"entity_id": calendar},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events = response[calendar]["events"]  # type: ignore[index]
    assert len(events) == len(book.grades)
    graded = next(g for g in book.grades if g.value is not None and g.title)
    event = next(e for e in events if e["summary"] == f"{graded.subject}: {graded.title}")
    assert event["start"] == graded.date.isoformat()
    assert f"{graded.value:g}" in event["description"]


async def test_new_grade_on_a_pending_evaluation_fires_an_event(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    pending = {g.id: g for g in _book(entry, ALICE).grades}[str(PENDING_EVALUATION)]
    assert pending.mark is GradeMark.PENDING
    news = entity_id_for(hass, "event", f"{ALICE}_school_news")
    before = hass.states.get(news).state

    scodoc_simulator.set_grade(ALICE_ETUDID, PENDING_EVALUATION, "16.25")
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    state = hass.states.get(news)
    assert state.state != before
    assert state.attributes["event_type"] == "new_grade"
    assert state.attributes["id"] == str(PENDING_EVALUATION)
    assert state.attributes["value"] == 16.25


async def test_expired_token_is_renewed_without_reauth(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    scodoc_simulator.expire_tokens()
    tokens_before = sum(1 for _, path in scodoc_simulator.requests if path.endswith("/tokens"))
    await entry.runtime_data.async_refresh()
    assert entry.runtime_data.last_update_success
    tokens_after = sum(1 for _, path in scodoc_simulator.requests if path.endswith("/tokens"))
    assert tokens_after == tokens_before + 1
    assert not hass.config_entries.flow.async_progress()


async def test_semester_option_switches_the_ue_sensors(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    entry = await add_scodoc(hass, scodoc_url, query=ALICE)
    book = _book(entry, ALICE)
    current = book.current_period(book.periods[-1].start)
    past = next(p for p in book.periods if p.closed)
    assert current is not None
    current_units = _ue_sensors(hass, entry, ALICE)

    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert set(select_options(result, CONF_SEMESTER)) == {"current", past.id, current.id}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_STUDENTS: [ALICE], CONF_SEMESTER: past.id}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()

    past_units = {
        a.code
        for a in _book(entry, ALICE).averages
        if a.kind is AverageKind.UE and a.period_id == past.id
    }
    assert past_units
    assert past_units != current_units
    assert _ue_sensors(hass, entry, ALICE) == past_units
    average = hass.states.get(entity_id_for(hass, "sensor", f"{ALICE}_overall_average"))
    overall = next(
        a for a in _book(entry, ALICE).averages if a.subject is None and a.period_id == past.id
    )
    assert float(average.state) == pytest.approx(overall.value)


async def test_department_typed_skips_the_list_and_search_by_name(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    result = await _account(hass, scodoc_url, "infoonly", department="INFO")
    assert result["step_id"] == "scodoc_students"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": "nobody-here"}
    )
    assert result["errors"] == {"student_query": "no_student_found"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": "verneuil"}
    )
    assert result["step_id"] == "scodoc_pick"
    assert list(select_options(result, "students")) == [ALICE]


async def test_account_errors_are_explained(hass: HomeAssistant, scodoc_url: str) -> None:
    result = await _account(hass, scodoc_url, password="wrong")
    assert result["errors"] == {"base": "invalid_auth"}
    result = await _account(hass, scodoc_url, "noperm", department="INFO")
    assert result["errors"] == {"base": "permission_denied"}
    # An account whose role is only in INFO cannot list departments on the global root.
    result = await _account(hass, scodoc_url, "infoonly")
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "scodoc_departments_denied"


async def test_reauth_keeps_department_and_students(hass: HomeAssistant, scodoc_url: str) -> None:
    entry = await add_scodoc(hass, scodoc_url, query=ALICE)
    result = await start_reauth_after_password_change(hass, entry)
    assert result["step_id"] == "reauth_confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"password": "demo"})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert entry.data["department"] == "INFO"
    assert entry.data["student_ids"] == [ALICE]
    # The entry reloads after a successful flow: let it finish before the test ends.
    await hass.async_block_till_done()


async def test_grades_action_returns_the_bulletin(hass: HomeAssistant, scodoc_url: str) -> None:
    entry = await add_scodoc(hass, scodoc_url, query=ALICE)
    response = await hass.services.async_call(
        DOMAIN,
        "get_grades",
        {"config_entry": entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    student = response[ALICE]
    assert isinstance(student, dict)
    kinds = {average["kind"] for average in student["averages"]}  # type: ignore[index]
    assert {"ue", "resource"} <= kinds


async def test_saved_data_reads_back_the_same(hass: HomeAssistant, scodoc_url: str) -> None:
    """What the Store keeps for outages and restarts (UE averages, ranks, pending grades)."""
    entry = await add_scodoc(hass, scodoc_url)
    data = entry.runtime_data.data
    assert from_json(SchoolbagData, json.loads(json.dumps(to_json(data)))) == data
