"""Pronote ENT login, reconfigure, reauth and keep-alive, against the simulated Pronote."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
import pytest

from custom_components.schoolbag.const import CONF_TRUST
from simulator.pronote import PronoteSimulator

from .conftest import start_reauth, start_reconfigure
from .test_pronote import PASSWORD, USERNAME, _created, _open, _password_login

CAS_LOGIN = ("/pronote/cas/login", "cas")
PING = ("/pronote/eleve.html", "Navigation")
LOGIN = "Authentification"


def _suggested(result: FlowResult) -> dict[str, Any]:
    """The values a shown form is prefilled with."""
    schema = result["data_schema"]
    assert schema is not None
    return {
        str(marker): marker.description["suggested_value"]
        for marker in schema.schema
        if marker.description and "suggested_value" in marker.description
    }


def _count(simulator: PronoteSimulator, request: tuple[str, str]) -> int:
    return simulator.requests.count(request)


def _logins(simulator: PronoteSimulator) -> int:
    return sum(1 for _, name in simulator.requests if name == LOGIN)


async def _ent_login(
    hass: HomeAssistant, url: str, password: str = PASSWORD, flow_id: str | None = None
) -> FlowResult:
    """Submit the ENT form (opening it first unless ``flow_id`` is already on it)."""
    if flow_id is None:
        result = await _open(hass, "pronote_ent")
        assert result["type"] is FlowResultType.FORM
        assert result["step_id"] == "pronote_ent"
        flow_id = result["flow_id"]
    return await hass.config_entries.flow.async_configure(
        flow_id,
        {"server_url": url, "username": USERNAME, "password": password, "device_name": "HA"},
    )


async def _qr_entry(hass: HomeAssistant, simulator: PronoteSimulator) -> ConfigEntry:
    qr, pin = simulator.qr_login("eleve")
    result = await _open(hass, "pronote_qr")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": json.dumps(qr), "pin": pin, "device_name": "HA"}
    )
    entry = await _created(hass, result)
    assert entry.data["login_mode"] == "token"
    return entry


# -- ENT (generic CAS) login ------------------------------------------------------------------


@pytest.mark.parametrize("address", ["cas", "pronote"])
async def test_ent_login_through_the_cas(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator, address: str
) -> None:
    pronote_simulator.cas_enabled = True
    page = f"{pronote_origin}/pronote/eleve.html"
    url = page if address == "pronote" else f"{pronote_origin}/pronote/cas/login?service="
    if address == "cas":
        url += quote(page, safe="")

    result = await _ent_login(hass, url)

    entry = await _created(hass, result)
    assert entry.data["login_mode"] == "cas"
    assert entry.data["server_url"] == url
    assert entry.title.endswith("(Pronote, student)")
    assert entry.runtime_data.data.students
    # The flow and the setup both logged in on the CAS form (GET, then POST).
    assert _count(pronote_simulator, CAS_LOGIN) >= 4
    # Pronote's own login page was never used: every space page went through the CAS.
    assert _count(pronote_simulator, CAS_LOGIN) >= 2 * _logins(pronote_simulator)


@pytest.mark.parametrize(
    "family", ["educonnect", "hub_educonnect", "open_ent_ng", "cas_educonnect", "wayf", "keycloak"]
)
async def test_ent_families_log_in_through_the_flow(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator, family: str
) -> None:
    pronote_simulator.ent_family = family
    entry = await _created(hass, await _ent_login(hass, f"{pronote_origin}/pronote/eleve.html"))
    assert entry.data["login_mode"] == "cas"
    assert entry.runtime_data.data.students


async def test_unsupported_ent_is_named_in_the_flow(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    pronote_simulator.ent_family = "antibot"
    result = await _ent_login(hass, f"{pronote_origin}/pronote/eleve.html")
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "ent_not_supported"}
    assert "anti-robot" in result["description_placeholders"]["detail"]


async def test_ent_wrong_credentials_then_right_ones(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    pronote_simulator.cas_enabled = True
    url = f"{pronote_origin}/pronote/eleve.html"

    result = await _ent_login(hass, url, password="nope")

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_ent"
    assert result["errors"] == {"base": "invalid_auth"}
    # The CAS refused it: Pronote itself was never asked to authenticate.
    assert _count(pronote_simulator, CAS_LOGIN) == 2
    assert _logins(pronote_simulator) == 0
    assert _suggested(result)["server_url"] == url

    result = await _ent_login(hass, url, flow_id=result["flow_id"])
    entry = await _created(hass, result)
    assert entry.data["login_mode"] == "cas"


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("https://ent.example.fr/cas/login", "ent.example.fr"),
        ("https://ent.example.fr/", "ent.example.fr"),
        ("https://0750000a.index-education.net/pronote/professeur.html", "professeur"),
    ],
)
async def test_ent_address_not_supported(hass: HomeAssistant, url: str, detail: str) -> None:
    result = await _ent_login(hass, url)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_ent"
    assert result["errors"] == {"base": "ent_not_supported"}
    assert detail in result["description_placeholders"]["detail"]


# -- Reconfigure --------------------------------------------------------------------------------


async def test_reconfigure_password_entry(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    url = f"{pronote_origin}/pronote/eleve.html"
    entry = await _created(hass, await _password_login(hass, url, device="Maison"))

    result = await start_reconfigure(hass, entry)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_password"
    assert _suggested(result) == {
        "server_url": url,
        "username": USERNAME,
        "device_name": "Maison",
    }
    flow_id = result["flow_id"]
    typed = {"server_url": url, "username": USERNAME, "device_name": "Salon"}

    result = await hass.config_entries.flow.async_configure(flow_id, {**typed, "password": "nope"})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_password"
    assert result["errors"] == {"base": "invalid_auth"}
    assert entry.data["device_name"] == "Maison"

    result = await hass.config_entries.flow.async_configure(
        flow_id, {**typed, "password": PASSWORD}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert entry.data["device_name"] == "Salon"
    assert entry.data["login_mode"] == "password"
    assert entry.data["password"] == PASSWORD
    assert entry.state is ConfigEntryState.LOADED


async def test_token_entry_reconfigure_and_reauth_ask_for_a_qr_code(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    entry = await _qr_entry(hass, pronote_simulator)

    result = await start_reauth(hass, entry)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_qr"
    hass.config_entries.flow.async_abort(result["flow_id"])

    result = await start_reconfigure(hass, entry)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_qr"

    qr, pin = pronote_simulator.qr_login("eleve")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": json.dumps(qr), "pin": pin, "device_name": "Tablette"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.data["login_mode"] == "token"
    assert entry.data["device_name"] == "Tablette"
    assert pin not in json.dumps(dict(entry.data))
    assert entry.data[CONF_TRUST]["token"] == pronote_simulator.mobile_token(USERNAME, "eleve")


# -- Reauth -------------------------------------------------------------------------------------


async def test_reauth_password_entry_keeps_mode_and_device(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    entry = await _created(
        hass,
        await _password_login(hass, f"{pronote_origin}/pronote/eleve.html", device="Cuisine"),
    )
    new_password = "nouveau-mot-de-passe"
    for account in pronote_simulator.world.accounts_of(USERNAME):
        account.password = new_password

    result = await start_reauth(hass, entry)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reauth_confirm"
    assert result["description_placeholders"]["username"] == USERNAME
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"password": PASSWORD}
    )
    assert result["step_id"] == "reauth_confirm"
    assert result["errors"] == {"base": "invalid_auth"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"password": new_password}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done()
    assert entry.data["password"] == new_password
    assert entry.data["login_mode"] == "password"
    assert entry.data["device_name"] == "Cuisine"
    assert entry.data["username"] == USERNAME
    assert entry.state is ConfigEntryState.LOADED


async def test_ent_refusing_the_login_method_is_explained(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    pronote_simulator.cas_enabled = False
    result = await _open(hass, "pronote_ent")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "server_url": f"{pronote_origin}/pronote/eleve.html",
            "username": "demonstration",
            "password": "pronotevs",
            "device_name": "HA",
        },
    )
    assert result["errors"] == {"base": "not_supported"}
