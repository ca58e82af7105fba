"""Fixtures: an aiohttp session owned by the test and the simulated Pronote server."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import aiohttp
from aiohttp.test_utils import TestServer
import pytest

from simulator.app import build_app
from simulator.pronote import PronoteSimulator


@pytest.fixture
async def http_session() -> AsyncGenerator[aiohttp.ClientSession]:
    """An aiohttp session owned by the test (the client must never close it)."""
    session = aiohttp.ClientSession()
    yield session
    await session.close()


@pytest.fixture
def sim() -> PronoteSimulator:
    """A fresh simulated Pronote instance."""
    return PronoteSimulator()


@pytest.fixture
async def origin(socket_enabled: None, sim: PronoteSimulator) -> AsyncGenerator[str]:
    """Serve the simulator on 127.0.0.1 and return ``http://127.0.0.1:<port>``."""
    server = TestServer(build_app(pronote=sim), host="127.0.0.1")
    await server.start_server()
    sim.base_url = f"http://127.0.0.1:{server.port}"
    yield sim.base_url
    await server.close()


@pytest.fixture
def root(origin: str) -> str:
    """The simulated instance root (``…/pronote``)."""
    return f"{origin}/pronote"
