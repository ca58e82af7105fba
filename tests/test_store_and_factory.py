"""Saved data and client creation edge cases."""

from __future__ import annotations

from typing import Any

import aiohttp
from homeassistant.core import HomeAssistant
import pytest

from custom_components.schoolbag.client import Credentials, NotSupportedError
from custom_components.schoolbag.client.factory import (
    CLIENT_BUILDERS,
    IMPLEMENTED_PLATFORMS,
    ClientOptions,
    create_client,
)
from custom_components.schoolbag.client.models import SchoolPlatform
from custom_components.schoolbag.const import DOMAIN
from custom_components.schoolbag.flow_lectio import LectioData
from custom_components.schoolbag.flow_pronote import PronoteData
from custom_components.schoolbag.store import LastGoodDataStore


async def test_every_platform_has_a_client_and_options_are_checked() -> None:
    async with aiohttp.ClientSession() as session:
        for platform in SchoolPlatform:
            assert platform in IMPLEMENTED_PLATFORMS
        # A Lectio client needs to know the school.
        with pytest.raises(ValueError, match="school"):
            create_client(SchoolPlatform.LECTIO, session, Credentials("u", "p"))
        with pytest.raises(NotSupportedError):
            create_client("moodle", session, Credentials("u", "p"))  # type: ignore[arg-type]


async def test_each_platform_has_one_builder() -> None:
    options = ClientOptions(
        server_url="https://0123456a.index-education.net/pronote/eleve.html",
        school_id="680",
        department="INFO",
    )
    async with aiohttp.ClientSession() as session:
        for platform, build in CLIENT_BUILDERS.items():
            client = create_client(platform, session, Credentials("u", "p"), options)
            assert client.platform is platform
            assert type(client) is type(build(session, Credentials("u", "p"), options))


async def test_unreadable_saved_data_is_ignored(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    hass_storage[f"{DOMAIN}.abc"] = {
        "version": 1,
        "minor_version": 1,
        "key": f"{DOMAIN}.abc",
        "data": {"fetched_at": "not a date"},
    }
    assert await LastGoodDataStore(hass, "abc").async_load() is None


def test_each_secret_is_kept_under_its_own_name() -> None:
    url = "https://0123456a.index-education.net/pronote/eleve.html"
    qr_login = PronoteData(server_url=url, login_mode="qr", qr_code='{"jeton": "j"}', pin="1234")
    # The PIN logs in once; the entry keeps the token the login earns (in trust), never the PIN.
    assert qr_login.credentials().password == "1234"
    assert qr_login.stored().to_dict() == {
        "platform": "pronote",
        "server_url": url,
        "login_mode": "token",
        "device_name": "Home Assistant",
        "trust": {},
    }

    cookie_login = LectioData(school_id="681", login_mode="cookie", cookie="autologin-key")
    assert cookie_login.credentials().password == "autologin-key"
    assert cookie_login.replaces_trust()
    assert cookie_login.to_dict() == {
        "platform": "lectio",
        "school_id": "681",
        "login_mode": "cookie",
        "cookie": "autologin-key",
        "trust": {},
    }
    # Keys of other platforms are not part of a Lectio login.
    assert LectioData.from_dict({**cookie_login.to_dict(), "department": "INFO"}) == cookie_login
