"""A tick made while the school is away waits, survives a restart and is sent later."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from custom_components.schoolbag.const import DOMAIN
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, add_account, entity_id_for

STUDENT_ID = 2400
WAITING_NOTE = "Waiting for the school"


async def _items(hass: HomeAssistant, todo: str) -> dict[str, dict[str, str]]:
    response = await hass.services.async_call(
        "todo", "get_items", target={"entity_id": todo}, blocking=True, return_response=True
    )
    assert response is not None
    return {item["uid"]: item for item in response[todo]["items"]}  # type: ignore[index]


async def _tick_during_an_outage(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> tuple[ConfigEntry, str, str]:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    uid = next(
        uid for uid, item in (await _items(hass, todo)).items() if item["status"] == "needs_action"
    )
    ed_simulator.faults.next_http_status.extend([503] * 200)
    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": uid, "status": "completed"},
        target={"entity_id": todo},
        blocking=True,
    )
    return entry, todo, uid


async def _school_back(
    hass: HomeAssistant, entry: ConfigEntry, ed_simulator: EcoleDirecteSimulator
) -> None:
    ed_simulator.faults.next_http_status.clear()
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


async def test_a_tick_during_an_outage_waits_and_is_sent_when_the_school_answers(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry, todo, uid = await _tick_during_an_outage(hass, ed_url, ed_simulator)
    item = (await _items(hass, todo))[uid]
    assert item["status"] == "completed"
    assert WAITING_NOTE in item["description"]
    assert ed_simulator.homework_done(STUDENT_ID, int(uid)) is False

    await _school_back(hass, entry, ed_simulator)

    assert ed_simulator.homework_done(STUDENT_ID, int(uid)) is True
    item = (await _items(hass, todo))[uid]
    assert item["status"] == "completed"
    assert WAITING_NOTE not in (item.get("description") or "")


async def test_a_waiting_tick_survives_a_restart(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry, todo, uid = await _tick_during_an_outage(hass, ed_url, ed_simulator)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert (await _items(hass, todo))[uid]["status"] == "completed"

    await _school_back(hass, entry, ed_simulator)

    assert ed_simulator.homework_done(STUDENT_ID, int(uid)) is True


async def test_a_tick_the_school_refuses_later_is_reported_and_undone(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry, todo, uid = await _tick_during_an_outage(hass, ed_url, ed_simulator)
    ed_simulator.faults.next_http_status.clear()
    # The session outlived the outage: the queued tick is the refresh's first request, and
    # it gets an answer the client cannot accept.
    ed_simulator.faults.next_codes.append(517)

    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert ed_simulator.homework_done(STUDENT_ID, int(uid)) is False
    assert (await _items(hass, todo))[uid]["status"] == "needs_action"
    issues = [
        issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN and issue_id.startswith("tick_refused_")
    ]
    assert len(issues) == 1
    assert issues[0].translation_placeholders is not None
    assert issues[0].translation_placeholders["homework"]


async def test_a_waiting_tick_keeps_waiting_when_the_school_stumbles_again(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry, todo, uid = await _tick_during_an_outage(hass, ed_url, ed_simulator)
    ed_simulator.faults.next_http_status.clear()
    # The queued tick is the refresh's first request: it alone meets the failure.
    ed_simulator.faults.next_http_status.append(503)
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert ed_simulator.homework_done(STUDENT_ID, int(uid)) is False
    assert WAITING_NOTE in (await _items(hass, todo))[uid]["description"]

    await _school_back(hass, entry, ed_simulator)
    assert ed_simulator.homework_done(STUDENT_ID, int(uid)) is True
