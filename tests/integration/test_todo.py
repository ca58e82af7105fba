"""The homework to-do list writes back to the school."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, add_account, entity_id_for

STUDENT_ID = 2400


async def _items(hass: HomeAssistant, entity_id: str) -> list[dict[str, str]]:
    response = await hass.services.async_call(
        "todo",
        "get_items",
        {},
        target={"entity_id": entity_id},
        blocking=True,
        return_response=True,
    )
    items: list[dict[str, str]] = response[entity_id]["items"]  # type: ignore[index,assignment]
    return items


async def test_items_mirror_homework(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    known = {w.id: w for w in entry.runtime_data.data.students[str(STUDENT_ID)].homework}

    items = await _items(hass, todo)

    assert {item["uid"] for item in items} == set(known)
    for item in items:
        work = known[item["uid"]]
        assert item["status"] == ("completed" if work.done else "needs_action")
        assert item["due"] == work.due.isoformat()
        assert item["summary"].startswith(work.subject)
    assert hass.states.get(todo).state == str(sum(1 for w in known.values() if not w.done))


async def test_ticking_marks_done_on_the_server_and_back(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    item = next(i for i in await _items(hass, todo) if i["status"] == "needs_action")

    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": item["uid"], "rename": item["summary"], "status": "completed"},
        target={"entity_id": todo},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert ed_simulator.homework_done(STUDENT_ID, int(item["uid"])) is True
    updated = {i["uid"]: i for i in await _items(hass, todo)}
    assert updated[item["uid"]]["status"] == "completed"

    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": item["uid"], "status": "needs_action"},
        target={"entity_id": todo},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert ed_simulator.homework_done(STUDENT_ID, int(item["uid"])) is False


async def test_failed_tick_keeps_the_item_and_explains(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    item = next(i for i in await _items(hass, todo) if i["status"] == "needs_action")
    # An answer the client does not understand: not an outage, so the tick does not wait.
    ed_simulator.faults.next_codes.append(517)

    with pytest.raises(HomeAssistantError) as raised:
        await hass.services.async_call(
            "todo",
            "update_item",
            {"item": item["uid"], "status": "completed"},
            target={"entity_id": todo},
            blocking=True,
        )
    assert raised.value.translation_key == "homework_update_failed"
    assert "did not record the change" in str(raised.value)
    assert ed_simulator.homework_done(STUDENT_ID, int(item["uid"])) is False
    current = {i["uid"]: i for i in await _items(hass, todo)}
    assert current[item["uid"]]["status"] == "needs_action"


async def test_other_edits_are_refused(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    item = (await _items(hass, todo))[0]
    with pytest.raises(ServiceValidationError):
        await hass.services.async_call(
            "todo",
            "update_item",
            {"item": item["uid"], "due_date": "2030-01-01"},
            target={"entity_id": todo},
            blocking=True,
        )
    with pytest.raises(ServiceValidationError):
        await hass.services.async_call(
            "todo", "add_item", {"item": "New"}, target={"entity_id": todo}, blocking=True
        )
    requests_before = len(ed_simulator.requests)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            "todo",
            "update_item",
            {"item": item["uid"], "status": "completed", "rename": "Something else"},
            target={"entity_id": todo},
            blocking=True,
        )
    assert raised.value.translation_key == "homework_text_read_only"
    # Nothing was sent to the school, and the item is unchanged.
    assert len(ed_simulator.requests) == requests_before
    assert (await _items(hass, todo))[0] == item
