"""The config flow, every path, against the simulated EcoleDirecte."""

from __future__ import annotations

import json
from pathlib import Path
from unittest.mock import patch

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, UnknownStep
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.const import CONF_STUDENTS, CONF_TRUST, DOMAIN
from custom_components.schoolbag.flow_platforms import (
    PLATFORM_HANDLERS,
    STEP_PLATFORMS,
    STEP_PREFIX,
)
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import (
    NO_QCM_STUDENT,
    PARENT,
    STUDENT,
    add_account,
    answer_value,
    select_options,
    start_login,
    start_reauth,
    start_reauth_after_password_change,
    start_reconfigure,
)

STRINGS = Path(__file__).parents[2] / "custom_components" / "schoolbag" / "strings.json"


async def test_menu_offers_only_implemented_platforms(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["pronote", "ecoledirecte", "lectio", "scodoc"]


def test_each_platform_step_has_one_handler_and_its_strings() -> None:
    steps = [
        name.removeprefix(STEP_PREFIX)
        for handler in PLATFORM_HANDLERS.values()
        for name in dir(handler)
        if name.startswith(STEP_PREFIX)
    ]
    assert len(steps) == len(set(steps)) == len(STEP_PLATFORMS)
    strings = json.loads(STRINGS.read_text(encoding="utf-8"))["config"]["step"]
    assert set(steps) <= set(strings)


async def test_a_source_without_a_step_is_refused(hass: HomeAssistant) -> None:
    # Platform steps are looked up by name: a name no platform has is no step.
    with pytest.raises(UnknownStep):
        await hass.config_entries.flow.async_init(DOMAIN, context={"source": "no_such_step"})


async def test_server_url_waits_in_a_collapsed_section(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "ecoledirecte"}
    )
    schema = result["data_schema"].schema
    assert [str(key) for key in schema] == ["username", "password", "advanced"]
    advanced = next(value for key, value in schema.items() if str(key) == "advanced")
    assert advanced.options == {"collapsed": True}
    assert [str(key) for key in advanced.schema.schema] == ["server_url"]


async def test_student_with_double_auth(
    hass_paris: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    hass = hass_paris
    result = await start_login(hass, ed_url, *STUDENT)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "challenge"
    assert result["description_placeholders"]["question"].endswith("?")
    assert len(select_options(result, "answer")) == 4

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"answer": answer_value(result, ed_simulator.qcm_answer(STUDENT[0]))},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry = result["result"]
    assert entry.unique_id == "ecoledirecte_2345"
    assert entry.title == "Lucas MARTIN (EcoleDirecte, student)"
    assert entry.data["username"] == "demo.eleve"
    assert set(entry.data[CONF_TRUST]) == {"cn", "cv", "uuid"}
    # The only child: [] follows it and any child the school adds later.
    assert entry.options[CONF_STUDENTS] == []
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED


async def test_wrong_answer_shows_a_new_question(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *STUDENT)
    right = ed_simulator.qcm_answer(STUDENT[0])
    wrong = next(
        value for value, label in select_options(result, "answer").items() if label != right
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"answer": wrong})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "challenge"
    assert result["errors"] == {"base": "challenge_failed"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"answer": answer_value(result, right)}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()


async def test_no_answer_starts_selected_and_an_empty_submit_sends_nothing(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *STUDENT)
    (marker,) = result["data_schema"].schema
    # The frontend pre-selects the first choice of a required list: the answer is optional.
    assert isinstance(marker, vol.Optional)
    assert marker.default is vol.UNDEFINED
    requests_before = len(ed_simulator.requests)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["step_id"] == "challenge"
    assert result["errors"] == {"base": "no_answer"}
    assert len(ed_simulator.requests) == requests_before


async def test_parent_chooses_children(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *PARENT)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"answer": answer_value(result, ed_simulator.qcm_answer(PARENT[0]))},
    )
    assert result["step_id"] == "students"
    children = select_options(result, "students")
    assert set(children) == {"3456", "3457"}
    assert any(label.startswith("Emma MARTIN") for label in children.values())

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"students": []})
    assert result["errors"] == {"base": "no_students"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": ["3457"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["options"] == {CONF_STUDENTS: ["3457"]}
    await hass.async_block_till_done()
    devices = [d.name for d in hass.data["device_registry"].devices.values()]
    assert devices == ["Hugo MARTIN (EcoleDirecte, parent account)"]


async def test_account_without_double_auth_and_special_password(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["password"] == NO_QCM_STUDENT[1]
    await hass.async_block_till_done()


async def test_wrong_password(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, "demo.eleve", "not-the-password")
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "invalid_auth"}
    # The typed username is kept, the password is not.
    schema = result["data_schema"]
    suggested = {str(key): (key.description or {}).get("suggested_value") for key in schema.schema}
    assert suggested["username"] == "demo.eleve"
    assert suggested["password"] is None


async def test_server_error(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    ed_simulator.faults.next_http_status.extend([503] * 4)
    result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["errors"] == {"base": "cannot_connect"}


async def test_unreachable_server(hass: HomeAssistant, socket_enabled: None) -> None:
    result = await start_login(hass, "http://127.0.0.1:9/v3", *NO_QCM_STUDENT)
    assert result["errors"] == {"base": "cannot_connect"}


async def test_ip_flagged_is_rate_limited(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    ed_simulator.faults.ip_flagged = True
    result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["errors"] == {"base": "rate_limited"}


async def test_version_refused_is_protocol_changed(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    ed_simulator.faults.next_codes.extend([517] * 4)
    result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["errors"] == {"base": "protocol_changed"}


async def test_already_configured(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reauth_after_password_change(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    result = await start_reauth_after_password_change(hass, entry)
    assert result["step_id"] == "reauth_confirm"
    assert result["description_placeholders"]["username"] == "demo.eleve"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"password": "wrong"}
    )
    assert result["errors"] == {"base": "invalid_auth"}

    # The stored trust is reused: no new question during reauth.
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"password": "demo"})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED


async def test_reauth_asks_the_question_when_trust_is_revoked(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    old_trust = dict(entry.data[CONF_TRUST])
    ed_simulator.revoke_trust(STUDENT[0])
    # The stored password still works: only the question is asked, not the password.
    result = await start_reauth(hass, entry)
    assert result["step_id"] == "challenge"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"answer": answer_value(result, ed_simulator.qcm_answer(STUDENT[0]))},
    )
    assert result["reason"] == "reauth_successful"
    assert entry.data[CONF_TRUST] != old_trust
    await hass.async_block_till_done()


async def test_reauth_ends_by_itself_when_the_stored_login_works_again(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    result = await start_reauth(hass, entry)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED


async def test_reauth_with_another_account_is_refused(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, STUDENT)
    result = await start_reconfigure(hass, entry)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "username": NO_QCM_STUDENT[0],
            "password": NO_QCM_STUDENT[1],
            "advanced": {"server_url": ed_url},
        },
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "unique_id_mismatch"


async def test_reconfigure_same_account(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    result = await start_reconfigure(hass, entry)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": NO_QCM_STUDENT[0], "password": "bad"}
    )
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": NO_QCM_STUDENT[0], "password": NO_QCM_STUDENT[1]}
    )
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()


async def test_options_change_followed_children(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, PARENT)
    assert len(entry.runtime_data.data.students) == 2
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["step_id"] == "init"
    result = await hass.config_entries.options.async_configure(result["flow_id"], {"students": []})
    assert result["errors"] == {"base": "no_students"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"students": ["3456"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert list(entry.runtime_data.data.students) == ["3456"]
    devices = [
        d.name
        for d in hass.data["device_registry"].devices.values()
        if entry.entry_id in d.config_entries
    ]
    assert devices == ["Emma MARTIN (EcoleDirecte, parent account)"]


async def test_server_down_while_answering(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *STUDENT)
    value = answer_value(result, ed_simulator.qcm_answer(STUDENT[0]))
    ed_simulator.faults.next_http_status.extend([503] * 5)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"answer": value})
    assert result["step_id"] == "challenge"
    assert result["errors"] == {"base": "cannot_connect"}


async def test_unexpected_error_is_reported_as_unknown(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    # Only the library is replaced, as Home Assistant core tests do for this path.
    with patch.object(EcoleDirecteClient, "login", side_effect=RuntimeError("boom")):
        result = await start_login(hass, ed_url, *NO_QCM_STUDENT)
    assert result["errors"] == {"base": "unknown"}


async def test_only_unfollowed_children_devices_can_be_removed(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
) -> None:
    assert await async_setup_component(hass, "config", {})
    entry = await add_account(hass, ed_url, ed_simulator, PARENT)
    registry = dr.async_get(hass)
    emma = registry.async_get_device(identifiers={(DOMAIN, f"{entry.unique_id}_3456")})
    assert emma is not None
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "config/device_registry/remove_config_entry",
            "config_entry_id": entry.entry_id,
            "device_id": emma.id,
        }
    )
    response = await client.receive_json()
    assert not response["success"]
    assert response["error"]["code"] == "home_assistant_error"

    stale = registry.async_get_or_create(
        config_entry_id=entry.entry_id, identifiers={(DOMAIN, f"{entry.unique_id}_999")}
    )
    await client.send_json_auto_id(
        {
            "type": "config/device_registry/remove_config_entry",
            "config_entry_id": entry.entry_id,
            "device_id": stale.id,
        }
    )
    response = await client.receive_json()
    assert response["success"], response


async def test_options_need_a_loaded_account(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, PARENT)
    assert await hass.config_entries.async_unload(entry.entry_id)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_loaded"
