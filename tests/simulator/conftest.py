"""Fixtures: a fresh simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

import pytest

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator

from ..servers import AppClient, ServeAppClient
from .helpers import EdClient


@pytest.fixture
def sim() -> EcoleDirecteSimulator:
    """Fresh simulator state for each test."""
    return EcoleDirecteSimulator()


@pytest.fixture
async def client(serve_app_client: ServeAppClient, sim: EcoleDirecteSimulator) -> AppClient:
    """An aiohttp test client bound to the simulator app (cookie jar accepts 127.0.0.1)."""
    return await serve_app_client(build_app(ecoledirecte=sim))


@pytest.fixture
def ed(client: AppClient, sim: EcoleDirecteSimulator) -> EdClient:
    """Wire-level helper speaking the EcoleDirecte protocol to the simulator."""
    return EdClient(client, sim)
