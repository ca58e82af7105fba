"""Config flow of EcoleDirecte: a username and password (and maybe a security question)."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME

from .client_setup import EcoleDirecteData
from .flow_handler import PlatformHandler
from .flow_selectors import CREDENTIALS_SCHEMA, UserInput, typed_server_url, with_server_url_section


class EcoleDirecteHandler(PlatformHandler):
    """The EcoleDirecte step."""

    data_type = EcoleDirecteData

    async def async_step_ecoledirecte(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in to EcoleDirecte with a username and password."""
        schema = with_server_url_section(CREDENTIALS_SCHEMA)
        return await self.async_login_form("ecoledirecte", schema, user_input, _login)


def _login(user_input: dict[str, Any]) -> EcoleDirecteData:
    return EcoleDirecteData(
        username=user_input[CONF_USERNAME].strip(),
        password=user_input[CONF_PASSWORD],
        server_url=typed_server_url(user_input),
    )
