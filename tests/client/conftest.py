"""Fixtures for the EcoleDirecte client tests."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import aiohttp
from aiohttp.test_utils import TestServer
import pytest

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator

from .fake_server import FakeServer


@pytest.fixture
async def http_session() -> AsyncGenerator[aiohttp.ClientSession]:
    """An aiohttp session owned by the test (the client must never close it)."""
    session = aiohttp.ClientSession()
    yield session
    await session.close()


@pytest.fixture
def fake() -> FakeServer:
    """The scriptable fake server's state."""
    return FakeServer()


@pytest.fixture
async def fake_url(socket_enabled: None, fake: FakeServer) -> AsyncGenerator[str]:
    """Serve the fake server on 127.0.0.1 and return its base URL."""
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    yield f"http://127.0.0.1:{server.port}/v3"
    await server.close()


@pytest.fixture
def sim() -> EcoleDirecteSimulator:
    """A fresh simulated EcoleDirecte server (with values pydirecte cannot decode)."""
    return EcoleDirecteSimulator(realistic_extras=True)


@pytest.fixture
async def sim_url(socket_enabled: None, sim: EcoleDirecteSimulator) -> AsyncGenerator[str]:
    """Serve the simulator on 127.0.0.1 and return its ``/v3`` base URL."""
    server = TestServer(build_app(ecoledirecte=sim), host="127.0.0.1")
    await server.start_server()
    yield f"http://127.0.0.1:{server.port}/v3"
    await server.close()
