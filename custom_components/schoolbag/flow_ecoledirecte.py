"""EcoleDirecte: a username and password (and maybe a security question)."""

from __future__ import annotations

from homeassistant.config_entries import ConfigFlowResult

from .entry_data.ecoledirecte import EcoleDirecteData
from .flow_handler import CREDENTIALS_FORM, PlatformHandler, UserInput


class EcoleDirecteHandler(PlatformHandler):
    """The EcoleDirecte step."""

    data_type = EcoleDirecteData

    async def async_step_ecoledirecte(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in to EcoleDirecte with a username and password."""
        login = EcoleDirecteData()
        return await self.async_login_form("ecoledirecte", CREDENTIALS_FORM, user_input, login)
