"""An EcoleDirecte login: a username and password."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from aiohttp import ClientSession

from ..client.ecoledirecte import DEFAULT_BASE_URL, EcoleDirecteClient
from ..client.models import SchoolPlatform
from .base import ClientContext, EntryData


@dataclass(kw_only=True, frozen=True)
class EcoleDirecteData(EntryData):
    """An EcoleDirecte login: username, password, maybe another server."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.ECOLEDIRECTE

    def client(self, session: ClientSession, context: ClientContext) -> EcoleDirecteClient:
        """The client, on the official server unless another was typed."""
        url = self.server_url or DEFAULT_BASE_URL
        return EcoleDirecteClient(session, self.credentials(), base_url=url)
