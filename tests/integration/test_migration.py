"""Entries stored by Schoolbag before version 2 are moved to today's layout, then load."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.schoolbag.const import DOMAIN, ENTRY_VERSION
from simulator.lectio import LectioSimulator

from .conftest import NO_QCM_STUDENT
from .test_lectio import MITID_SCHOOL

PRONOTE_URL = "https://0123456a.index-education.net/pronote/eleve.html"
TOKEN = {"token": "mobile-token", "login": "demo.eleve"}
PRONOTE_V1 = {"platform": "pronote", "server_url": PRONOTE_URL, "device_name": "Salon"}

# (what version 1 stored, what version 2 keeps), for every platform and login mode.
ENTRIES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "ecoledirecte": (
        {
            "platform": "ecoledirecte",
            "username": "demo.eleve",
            "password": "demo",
            "server_url": None,
            "trust": {"cn": "c", "cv": "v"},
        },
        {
            "platform": "ecoledirecte",
            "username": "demo.eleve",
            "password": "demo",
            "trust": {"cn": "c", "cv": "v"},
        },
    ),
    "pronote_password": (
        {**PRONOTE_V1, "username": "u", "password": "p", "login_mode": "password", "trust": {}},
        {**PRONOTE_V1, "username": "u", "password": "p", "login_mode": "password", "trust": {}},
    ),
    "pronote_cas": (
        {**PRONOTE_V1, "username": "u", "password": "p", "login_mode": "cas", "trust": {}},
        {**PRONOTE_V1, "username": "u", "password": "p", "login_mode": "cas", "trust": {}},
    ),
    # A QR-code login was stored as its token, with an empty username and password.
    "pronote_token": (
        {**PRONOTE_V1, "username": "", "password": "", "login_mode": "token", "trust": TOKEN},
        {**PRONOTE_V1, "login_mode": "token", "trust": TOKEN},
    ),
    # Had a QR-code login been kept as such, its PIN was in "password": it goes.
    "pronote_qr": (
        {
            **PRONOTE_V1,
            "username": "",
            "password": "1234",
            "login_mode": "qr",
            "qr_code": '{"jeton": "j", "login": "l", "url": "u"}',
            "trust": TOKEN,
        },
        {**PRONOTE_V1, "login_mode": "token", "trust": TOKEN},
    ),
    "lectio_password": (
        {
            "platform": "lectio",
            "server_url": None,
            "school_id": "680",
            "username": "demo",
            "password": "demo",
            "login_mode": "password",
            "trust": {},
        },
        {
            "platform": "lectio",
            "school_id": "680",
            "username": "demo",
            "password": "demo",
            "login_mode": "password",
            "trust": {},
        },
    ),
    # The MitID autologin cookie was kept in "password".
    "lectio_cookie": (
        {
            "platform": "lectio",
            "server_url": None,
            "school_id": "681",
            "username": "",
            "password": "autologin-key",
            "login_mode": "cookie",
            "trust": {"autologinkey": "rotated"},
        },
        {
            "platform": "lectio",
            "school_id": "681",
            "cookie": "autologin-key",
            "login_mode": "cookie",
            "trust": {"autologinkey": "rotated"},
        },
    ),
    "scodoc": (
        {
            "platform": "scodoc",
            "server_url": "https://scodoc.example.fr/ScoDoc",
            "username": "api",
            "password": "secret",
            "verify_ssl": False,
            "department": "INFO",
            "student_ids": ["21000001"],
            "trust": {},
        },
        {
            "platform": "scodoc",
            "server_url": "https://scodoc.example.fr/ScoDoc",
            "username": "api",
            "password": "secret",
            "verify_ssl": False,
            "department": "INFO",
            "student_ids": ["21000001"],
            "trust": {},
        },
    ),
}


@pytest.mark.parametrize("kind", list(ENTRIES))
async def test_version_1_entry_is_moved_to_the_new_layout(hass: HomeAssistant, kind: str) -> None:
    stored, expected = ENTRIES[kind]
    entry = MockConfigEntry(domain=DOMAIN, version=1, minor_version=1, data=stored)
    entry.add_to_hass(hass)

    # Only the migration runs: setting up would log in to the school.
    with patch("custom_components.schoolbag.async_setup_entry", return_value=True):
        assert await hass.config_entries.async_setup(entry.entry_id)

    assert dict(entry.data) == expected
    assert (entry.version, entry.minor_version) == (ENTRY_VERSION, 1)


async def test_entry_of_a_newer_schoolbag_is_left_alone(hass: HomeAssistant) -> None:
    stored = ENTRIES["ecoledirecte"][1]
    entry = MockConfigEntry(domain=DOMAIN, version=ENTRY_VERSION + 1, data=stored)
    entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(entry.entry_id)

    assert entry.state is ConfigEntryState.MIGRATION_ERROR
    assert dict(entry.data) == stored


async def test_migrated_password_entry_loads(hass: HomeAssistant, ed_url: str) -> None:
    username, password = NO_QCM_STUDENT
    stored = {
        "platform": "ecoledirecte",
        "username": username,
        "password": password,
        "server_url": ed_url,
        "trust": {},
    }
    entry = MockConfigEntry(domain=DOMAIN, version=1, data=stored, unique_id="ecoledirecte_1")
    entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert entry.version == ENTRY_VERSION
    assert entry.data["password"] == password


async def test_migrated_mitid_entry_logs_in_with_its_cookie(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator
) -> None:
    cookie = lectio_simulator.issue_autologin_key()
    stored = {
        "platform": "lectio",
        "server_url": lectio_origin,
        "school_id": MITID_SCHOOL,
        "username": "",
        "password": cookie,
        "login_mode": "cookie",
        "trust": {},
    }
    entry = MockConfigEntry(domain=DOMAIN, version=1, data=stored, unique_id="lectio_1")
    entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert entry.data["cookie"] == cookie
    assert "password" not in entry.data
    (data,) = entry.runtime_data.data.students.values()
    assert data.lessons
