"""Pronote through the real config flow and entities, against the simulated Pronote."""

from __future__ import annotations

import json

from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest

from custom_components.schoolbag.const import CONF_STUDENTS, CONF_TRUST, DOMAIN
from simulator.pronote import PronoteSimulator

from .conftest import entity_id_for, select_options, start_reauth

USERNAME, PASSWORD = "demonstration", "pronotevs"


async def _open(hass: HomeAssistant, step: str) -> FlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "pronote"}
    )
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": step})


async def _password_login(
    hass: HomeAssistant, url: str, password: str = PASSWORD, device: str = "Maison"
) -> FlowResult:
    result = await _open(hass, "pronote_password")
    assert result["step_id"] == "pronote_password"
    return await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"server_url": url, "username": USERNAME, "password": password, "device_name": device},
    )


async def _created(hass: HomeAssistant, result: FlowResult) -> ConfigEntry:
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    return entry


async def test_student_password_login_and_entities(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    result = await _password_login(hass, f"{pronote_origin}/pronote/eleve.html")
    entry = await _created(hass, result)
    assert entry.unique_id is not None
    assert entry.unique_id.startswith("pronote_")
    assert entry.data["login_mode"] == "password"
    assert entry.title.endswith("(Pronote, student)")
    students = entry.runtime_data.data.students
    assert len(students) == 1
    data = next(iter(students.values()))
    assert data.lessons
    assert data.homework
    assert data.grades is not None
    assert data.grades.grades
    todo = entity_id_for(hass, "todo", "_homework_todo")
    assert hass.states.get(todo).state == str(sum(1 for w in data.homework if not w.done))


async def test_mobile_address_is_accepted(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    result = await _password_login(hass, f"{pronote_origin}/pronote/mobile.eleve.html")
    await _created(hass, result)


async def test_parent_chooses_children(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    result = await _password_login(hass, f"{pronote_origin}/pronote/parent.html")
    assert result["step_id"] == "students"
    children = select_options(result, "students")
    assert len(children) == 2
    first = next(iter(children))
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": [first]}
    )
    entry = await _created(hass, result)
    assert entry.options[CONF_STUDENTS] == [first]
    assert list(entry.runtime_data.data.students) == [first]


async def test_wrong_password_bad_and_ent_addresses(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    result = await _password_login(hass, f"{pronote_origin}/pronote/eleve.html", "nope")
    assert result["errors"] == {"base": "invalid_auth"}

    result = await _password_login(hass, f"{pronote_origin}/not-pronote")
    assert result["errors"] in ({"server_url": "invalid_url"}, {"base": "ent_url"})

    result = await _password_login(hass, "https://ent.example.fr/cas/login")
    assert result["errors"] == {"base": "ent_url"}
    assert result["description_placeholders"]["detail"] == "ent.example.fr"


@pytest.mark.parametrize("home", ["/pronote/", "/pronote", "https://0123456a.index-education.net/"])
async def test_school_pronote_address_without_its_page_asks_for_the_page(
    hass: HomeAssistant, pronote_origin: str, home: str
) -> None:
    """Not an ENT: the address only lacks eleve.html or parent.html."""
    url = home if home.startswith("https://") else f"{pronote_origin}{home}"
    result = await _password_login(hass, url)
    assert result["errors"] == {"server_url": "pronote_page_missing"}


async def test_address_help_shows_an_example_through_a_placeholder(hass: HomeAssistant) -> None:
    result = await _open(hass, "pronote_password")
    example = result["description_placeholders"]["pronote_example_url"]
    assert example.startswith("https://")
    assert example.endswith("/pronote/eleve.html")


async def test_pin_double_auth_registers_this_device(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    pronote_simulator.set_2fa_required(USERNAME, True)
    result = await _password_login(hass, f"{pronote_origin}/pronote/eleve.html", device="Cuisine")
    assert result["step_id"] == "challenge"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"answer": "0000"})
    assert result["errors"] == {"base": "challenge_failed"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"answer": pronote_simulator.pin(USERNAME)}
    )
    entry = await _created(hass, result)
    assert "Cuisine" in pronote_simulator.registered_devices(USERNAME)
    assert entry.data[CONF_TRUST]


async def test_qr_code_login_keeps_the_token_not_the_pin(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    qr, pin = pronote_simulator.qr_login("eleve")
    result = await _open(hass, "pronote_qr")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": "not json", "pin": pin, "device_name": "HA"}
    )
    assert result["errors"] == {"qr_code": "invalid_qr_code"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": json.dumps(qr), "pin": pin, "device_name": "HA"}
    )
    entry = await _created(hass, result)
    assert entry.data["login_mode"] == "token"
    assert "password" not in entry.data
    assert pin not in json.dumps(dict(entry.data))
    token = entry.data[CONF_TRUST]["token"]
    assert token == pronote_simulator.mobile_token(USERNAME, "eleve")

    # A restart logs in with the stored token, which rotates and is saved again.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.data[CONF_TRUST]["token"] != token
    assert entry.data[CONF_TRUST]["token"] == pronote_simulator.mobile_token(USERNAME, "eleve")


async def test_revoked_token_asks_for_a_new_qr_code(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    qr, pin = pronote_simulator.qr_login("eleve")
    result = await _open(hass, "pronote_qr")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": json.dumps(qr), "pin": pin, "device_name": "HA"}
    )
    entry = await _created(hass, result)
    result = await start_reauth(hass, entry)
    assert result["step_id"] == "pronote_qr"
    new_qr, new_pin = pronote_simulator.qr_login("eleve")
    pronote_simulator.revoke_tokens(USERNAME)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": json.dumps(new_qr), "pin": new_pin, "device_name": "HA"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    # The entry reloads after a successful flow: let it finish before the test ends.
    await hass.async_block_till_done()


async def test_homework_tick_round_trip(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    entry = await _created(
        hass, await _password_login(hass, f"{pronote_origin}/pronote/eleve.html")
    )
    todo = entity_id_for(hass, "todo", "_homework_todo")
    student_id, data = next(iter(entry.runtime_data.data.students.items()))
    work = next(w for w in data.homework if not w.done)
    done_before = {w.id for w in data.homework if w.done}

    await hass.services.async_call(
        "todo",
        "update_item",
        {"item": work.id, "status": "completed"},
        target={"entity_id": todo},
        blocking=True,
    )
    await hass.async_block_till_done()

    refreshed = entry.runtime_data.data.students[student_id]
    assert {w.id for w in refreshed.homework if w.done} == done_before | {work.id}
    assert student_id


async def test_session_kept_alive_and_reused(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    entry = await _created(
        hass, await _password_login(hass, f"{pronote_origin}/pronote/eleve.html")
    )
    logins = sum(1 for _, name in pronote_simulator.requests if name == "Authentification")
    await entry.runtime_data.async_refresh()
    assert entry.runtime_data.last_update_success
    assert sum(1 for _, name in pronote_simulator.requests if name == "Authentification") == logins

    pronote_simulator.expire_sessions()
    await entry.runtime_data.async_refresh()
    assert entry.runtime_data.last_update_success
    assert sum(1 for _, name in pronote_simulator.requests if name == "Authentification") == (
        logins + 1
    )


async def test_ip_suspended_raises_a_repair_issue(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    entry = await _created(
        hass, await _password_login(hass, f"{pronote_origin}/pronote/eleve.html")
    )
    pronote_simulator.faults.ip_suspended = True
    pronote_simulator.expire_sessions()
    await entry.runtime_data.async_refresh()
    registry = ir.async_get(hass)
    issue = registry.async_get_issue(DOMAIN, f"ip_suspended_{entry.entry_id}")
    assert issue is not None
    assert issue.translation_key == "ip_suspended"

    pronote_simulator.faults.ip_suspended = False
    await entry.runtime_data.async_refresh()
    assert registry.async_get_issue(DOMAIN, f"ip_suspended_{entry.entry_id}") is None


async def test_lunch_menu_sensor_shows_the_next_lunch(
    hass_paris: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    hass = hass_paris
    await _created(hass, await _password_login(hass, f"{pronote_origin}/pronote/eleve.html"))
    now = dt_util.now()
    upcoming = sorted(
        (meal for meal in pronote_simulator.world.menus if meal.kind == 0),
        key=lambda meal: meal.day,
    )
    expected = next(
        meal
        for meal in upcoming
        if meal.day > now.date() or (meal.day == now.date() and now.hour < 14)
    )
    main = next(foods for kind, foods in expected.dishes if kind == 1)

    state = hass.states.get(entity_id_for(hass, "sensor", "_lunch_menu"))

    assert state.state == ", ".join(food.name for food in main)
    assert state.attributes["date"] == expected.day.isoformat()
    dessert = next(foods for kind, foods in expected.dishes if kind == 4)
    assert state.attributes["dessert"] == [food.name for food in dessert]


async def test_unread_school_news(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    await _created(hass, await _password_login(hass, f"{pronote_origin}/pronote/eleve.html"))
    account = pronote_simulator.world.account("eleve", USERNAME)
    assert account is not None
    unread = [news for news in account.news if not news.read]
    assert unread

    state = hass.states.get(entity_id_for(hass, "sensor", "_unread_information"))

    assert state.state == str(len(unread))
    assert {item["title"] for item in state.attributes["unread"]} == {n.title for n in unread}
    assert any(item["survey"] for item in state.attributes["unread"]) == any(
        n.survey for n in unread
    )
