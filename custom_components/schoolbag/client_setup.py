"""The HTTP session a school client uses: one cookie jar per account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import ClientSession, CookieJar
from homeassistant.const import CONF_VERIFY_SSL
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession

from .client import RequestBudget


def school_session(
    hass: HomeAssistant,
    data: Mapping[str, Any],
    *,
    auto_cleanup: bool = True,
    budget: RequestBudget | None = None,
) -> ClientSession:
    """An HTTP session of its own: school sessions live in cookies, one jar per account.

    With ``auto_cleanup`` False (config flows), the caller must ``detach()`` it when done.
    With a ``budget``, every request the session sends is spent from it.
    """
    return async_create_clientsession(
        hass,
        verify_ssl=data.get(CONF_VERIFY_SSL, True),
        auto_cleanup=auto_cleanup,
        cookie_jar=CookieJar(unsafe=True),
        middlewares=() if budget is None else (budget.middleware,),
    )
