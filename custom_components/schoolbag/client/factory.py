"""Build the right client for a platform."""

from __future__ import annotations

import aiohttp

from .ecoledirecte import EcoleDirecteClient
from .errors import NotSupported
from .models import Platform
from .protocol import Credentials, SchoolClient

# Platforms with a working client, in the order offered to users.
IMPLEMENTED_PLATFORMS: tuple[Platform, ...] = (Platform.ECOLEDIRECTE,)


def create_client(
    platform: Platform,
    session: aiohttp.ClientSession,
    credentials: Credentials,
    server_url: str | None = None,
) -> SchoolClient:
    """Return a client for ``platform`` using the injected HTTP session."""
    if platform is Platform.ECOLEDIRECTE:
        if server_url:
            return EcoleDirecteClient(session, credentials, base_url=server_url)
        return EcoleDirecteClient(session, credentials)
    raise NotSupported(f"{platform} is not supported yet")
