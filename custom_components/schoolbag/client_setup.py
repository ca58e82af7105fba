"""Build a platform client from what a config entry (or a flow in progress) stores."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import ClientSession, CookieJar
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME, CONF_VERIFY_SSL
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession

from .client import Credentials, SchoolClient
from .client.factory import ClientOptions, create_client
from .client.models import SchoolPlatform
from .const import (
    CONF_DEPARTMENT,
    CONF_DEVICE_NAME,
    CONF_LOGIN_MODE,
    CONF_QR_CODE,
    CONF_SCHOOL_ID,
    CONF_SEMESTER,
    CONF_SERVER_URL,
    CONF_STUDENT_IDS,
    CONF_TRUST,
    SEMESTER_CURRENT,
)


def school_session(
    hass: HomeAssistant, data: Mapping[str, Any], *, auto_cleanup: bool = True
) -> ClientSession:
    """An HTTP session of its own: school sessions live in cookies, one jar per account.

    With ``auto_cleanup`` False (config flows), the caller must ``detach()`` it when done.
    """
    return async_create_clientsession(
        hass,
        verify_ssl=data.get(CONF_VERIFY_SSL, True),
        auto_cleanup=auto_cleanup,
        cookie_jar=CookieJar(unsafe=True),
    )


def build_client(
    platform: SchoolPlatform,
    session: ClientSession,
    data: Mapping[str, Any],
    options: Mapping[str, Any] | None = None,
    on_trust_change: Callable[[dict[str, str]], None] | None = None,
) -> SchoolClient:
    """The client for an entry's ``data`` (login) and ``options`` (semester)."""
    semester = (options or {}).get(CONF_SEMESTER)
    return create_client(
        platform,
        session,
        Credentials(
            username=data.get(CONF_USERNAME) or "",
            password=data.get(CONF_PASSWORD) or "",
            trust=data.get(CONF_TRUST) or {},
        ),
        ClientOptions(
            server_url=data.get(CONF_SERVER_URL),
            login_mode=data.get(CONF_LOGIN_MODE),
            device_name=data.get(CONF_DEVICE_NAME),
            qr_code=data.get(CONF_QR_CODE),
            school_id=data.get(CONF_SCHOOL_ID),
            department=data.get(CONF_DEPARTMENT),
            student_ids=tuple(data.get(CONF_STUDENT_IDS) or ()),
            semester_id=None if semester in (None, SEMESTER_CURRENT) else semester,
            verify_ssl=data.get(CONF_VERIFY_SSL, True),
            on_trust_change=on_trust_change,
        ),
    )
