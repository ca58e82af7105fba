"""Saved data and client creation edge cases."""

from __future__ import annotations

from datetime import UTC, datetime
import json
import threading
from typing import Any
from unittest.mock import patch

import aiohttp
from homeassistant.core import HomeAssistant
from homeassistant.helpers import json as json_helper
from homeassistant.helpers.storage import Store
import pytest

from custom_components.schoolbag.client.models import Account, AccountKind, SchoolPlatform
from custom_components.schoolbag.const import DOMAIN
from custom_components.schoolbag.data import SchoolbagData
from custom_components.schoolbag.entry_data import ClientContext
from custom_components.schoolbag.entry_data.lectio import LectioData
from custom_components.schoolbag.entry_data.pronote import PronoteData
from custom_components.schoolbag.flow_platforms import PLATFORM_HANDLERS
from custom_components.schoolbag.store import LastGoodDataStore

# Home Assistant's own write, read before the test harness puts its storage mock in place.
REAL_WRITE = Store._async_write_data


async def test_every_platform_builds_its_client_from_its_entry_data() -> None:
    stored = {
        "username": "u",
        "password": "p",
        "server_url": "https://0123456a.index-education.net/pronote/eleve.html",
        "school_id": "680",
        "department": "INFO",
    }
    async with aiohttp.ClientSession() as session:
        assert set(PLATFORM_HANDLERS) == set(SchoolPlatform)
        for platform, handler in PLATFORM_HANDLERS.items():
            data = handler.data_type.from_dict({**stored, "platform": platform})
            client = data.client(session, ClientContext())
            assert client.platform is platform
        # A Lectio client needs to know the school.
        with pytest.raises(ValueError, match="school"):
            LectioData(username="u", password="p").client(session, ClientContext())


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


async def test_saving_turns_the_data_into_text_off_the_event_loop(hass: HomeAssistant) -> None:
    serialized_in: list[threading.Thread] = []
    written: list[str | bytes] = []
    prepare = json_helper.prepare_save_json

    def recorded_prepare(data: dict[str, Any], **kwargs: Any) -> tuple[str, str | bytes]:
        serialized_in.append(threading.current_thread())
        return prepare(data, **kwargs)

    def write(store: Store[Any], mode: str, text: str | bytes) -> None:
        written.append(text)

    account = Account(id="a", kind=AccountKind.STUDENT, display_name="Ada", students=())
    data = SchoolbagData(fetched_at=datetime(2026, 3, 10, 9, tzinfo=UTC), account=account)
    # Undone inside the test: the harness's own storage mock is put back after it.
    with (
        patch.object(Store, "_async_write_data", REAL_WRITE),
        patch.object(json_helper, "prepare_save_json", recorded_prepare),
        patch.object(Store, "_write_prepared_data", write),
    ):
        await LastGoodDataStore(hass, "abc").async_save(data)

    assert serialized_in
    assert threading.main_thread() not in serialized_in
    assert json.loads(written[0])["data"]["account"]["display_name"] == "Ada"


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
