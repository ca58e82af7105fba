"""Fixtures: a fresh ScoDoc simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

import pytest

from simulator.app import build_app
from simulator.scodoc import ScoDocSimulator

from ..servers import AppClient, ServeAppClient
from .helpers import Api


@pytest.fixture
def sim() -> ScoDocSimulator:
    """Fresh simulator state for each test."""
    return ScoDocSimulator()


@pytest.fixture
async def client(serve_app_client: ServeAppClient, sim: ScoDocSimulator) -> AppClient:
    """An aiohttp test client bound to the simulator app."""
    return await serve_app_client(build_app(scodoc=sim))


@pytest.fixture
def api(client: AppClient) -> Api:
    """Token-aware helper speaking to the simulated API."""
    return Api(client)
