"""The homework to-do list: unchanged ticks, ticks kept in Home Assistant per child, cleanup."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
import pytest

from custom_components.schoolbag.client.models import Capability
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.pronote import PronoteSimulator

from .conftest import NO_QCM_STUDENT, add_account, entity_id_for, select_options
from .test_pronote import _created, _password_login

SCHOOL_DAY = date(2026, 12, 3)


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """EcoleDirecte data dated from a fixed school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """Pronote data dated from a fixed school day."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture(autouse=True)
def _school_day(freezer: FrozenDateTimeFactory) -> None:
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")


async def _items(hass: HomeAssistant, entity_id: str) -> dict[str, dict[str, Any]]:
    response = await hass.services.async_call(
        "todo",
        "get_items",
        {},
        target={"entity_id": entity_id},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    items: list[dict[str, Any]] = response[entity_id]["items"]  # type: ignore[index,assignment]
    return {item["uid"]: item for item in items}


async def _set_status(hass: HomeAssistant, entity_id: str, uid: str, status: str) -> None:
    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": uid, "status": status},
        target={"entity_id": entity_id},
        blocking=True,
    )
    await hass.async_block_till_done()


async def _pronote_parent(hass: HomeAssistant, origin: str) -> ConfigEntry:
    """A Pronote parent account following both children (it cannot tick on the school's side)."""
    result = await _password_login(hass, f"{origin}/pronote/parent.html")
    children = list(select_options(result, "students"))
    assert len(children) == 2
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": children}
    )
    entry = await _created(hass, result)
    assert Capability.HOMEWORK_DONE not in entry.runtime_data.client.capabilities
    return entry


def _ticks(hass_storage: dict[str, Any], entry: ConfigEntry) -> dict[str, list[str]]:
    ticked: dict[str, list[str]] = hass_storage[f"schoolbag.{entry.entry_id}.ticks"]["data"][
        "ticked"
    ]
    return ticked


async def test_sending_the_current_status_again_asks_nothing_of_the_school(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    todo = entity_id_for(hass, "todo", "_homework_todo")
    items = await _items(hass, todo)
    pending = next(uid for uid, item in items.items() if item["status"] == "needs_action")
    done = next(uid for uid, item in items.items() if item["status"] == "completed")
    requests = len(ed_simulator.requests)

    await _set_status(hass, todo, pending, "needs_action")
    await _set_status(hass, todo, done, "completed")

    assert len(ed_simulator.requests) == requests
    assert await _items(hass, todo) == items


async def test_ticks_kept_here_belong_to_one_child_and_go_with_their_homework(
    hass: HomeAssistant,
    pronote_origin: str,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    entry = await _pronote_parent(hass, pronote_origin)
    first, second = entry.runtime_data.data.students.values()
    first_todo = entity_id_for(hass, "todo", f"{first.student.id}_homework_todo")
    second_todo = entity_id_for(hass, "todo", f"{second.student.id}_homework_todo")
    second_items = await _items(hass, second_todo)
    # The oldest homework not done yet: the first to leave the fetched range.
    work = min((w for w in first.homework if not w.done), key=lambda w: w.due)

    await _set_status(hass, first_todo, work.id, "completed")

    assert (await _items(hass, first_todo))[work.id]["status"] == "completed"
    assert _ticks(hass_storage, entry) == {first.student.id: [work.id]}
    # The other child's list is the school's, untouched.
    assert await _items(hass, second_todo) == second_items

    # A week and more later the school no longer lists it: its tick is dropped too.
    freezer.move_to(f"{(work.due + timedelta(days=8)).isoformat()} 10:00:00+01:00")
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert work.id not in {
        w.id for w in entry.runtime_data.data.students[first.student.id].homework
    }
    assert _ticks(hass_storage, entry) == {}


async def test_removing_the_account_deletes_its_saved_data_and_ticks(
    hass: HomeAssistant, pronote_origin: str, hass_storage: dict[str, Any]
) -> None:
    entry = await _pronote_parent(hass, pronote_origin)
    data = next(iter(entry.runtime_data.data.students.values()))
    todo = entity_id_for(hass, "todo", f"{data.student.id}_homework_todo")
    work = next(w for w in data.homework if not w.done)
    await _set_status(hass, todo, work.id, "completed")
    kept = {f"schoolbag.{entry.entry_id}", f"schoolbag.{entry.entry_id}.ticks"}
    assert kept <= set(hass_storage)

    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    assert not kept & set(hass_storage)
