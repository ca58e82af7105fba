"""Fixtures: a fresh Pronote simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

import pytest

from simulator.app import build_app
from simulator.pronote import PronoteSimulator

from ..servers import AppClient, ServeAppClient
from .helpers import Wire


@pytest.fixture
def sim() -> PronoteSimulator:
    """Fresh simulator state for each test."""
    return PronoteSimulator()


@pytest.fixture
async def client(serve_app_client: ServeAppClient, sim: PronoteSimulator) -> AppClient:
    """An aiohttp test client bound to the simulator app (cookies accepted for 127.0.0.1)."""
    return await serve_app_client(build_app(pronote=sim))


@pytest.fixture
def wire(client: AppClient, sim: PronoteSimulator) -> Wire:
    """Wire-level helper speaking the Pronote protocol to the simulator."""
    return Wire(client, sim)
