"""Fixtures: a fresh simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
import pytest

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import EdClient


@pytest.fixture
def sim() -> EcoleDirecteSimulator:
    """Fresh simulator state for each test."""
    return EcoleDirecteSimulator()


@pytest.fixture
async def client(
    socket_enabled: None, sim: EcoleDirecteSimulator
) -> AsyncGenerator[TestClient[web.Request, web.Application]]:
    """An aiohttp test client bound to the simulator app (cookie jar accepts 127.0.0.1)."""
    async with TestClient(TestServer(build_app(ecoledirecte=sim), host="127.0.0.1")) as test_client:
        yield test_client


@pytest.fixture
def ed(client: TestClient[web.Request, web.Application], sim: EcoleDirecteSimulator) -> EdClient:
    """Wire-level helper speaking the EcoleDirecte protocol to the simulator."""
    return EdClient(client, sim)
