"""EcoleDirecte: a username and password (and maybe a security question)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from aiohttp import ClientSession
from homeassistant.config_entries import ConfigFlowResult

from .client.ecoledirecte import DEFAULT_BASE_URL, EcoleDirecteClient
from .client.models import SchoolPlatform
from .client_setup import ClientContext, EntryData
from .flow_handler import CREDENTIALS_FORM, PlatformHandler, UserInput


@dataclass(kw_only=True, frozen=True)
class EcoleDirecteData(EntryData):
    """An EcoleDirecte login: username, password, maybe another server."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.ECOLEDIRECTE

    def client(self, session: ClientSession, context: ClientContext) -> EcoleDirecteClient:
        """The client, on the official server unless another was typed."""
        url = self.server_url or DEFAULT_BASE_URL
        return EcoleDirecteClient(session, self.credentials(), base_url=url)


class EcoleDirecteHandler(PlatformHandler):
    """The EcoleDirecte step."""

    data_type = EcoleDirecteData

    async def async_step_ecoledirecte(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in to EcoleDirecte with a username and password."""
        login = EcoleDirecteData()
        return await self.async_login_form("ecoledirecte", CREDENTIALS_FORM, user_input, login)
