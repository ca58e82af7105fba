"""Fixtures: a fresh Pronote simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
import pytest

from simulator.app import build_app
from simulator.pronote import PronoteSimulator

from .helpers import Wire


@pytest.fixture
def sim() -> PronoteSimulator:
    """Fresh simulator state for each test."""
    return PronoteSimulator()


@pytest.fixture
async def client(
    socket_enabled: None, sim: PronoteSimulator
) -> AsyncGenerator[TestClient[web.Request, web.Application]]:
    """An aiohttp test client bound to the simulator app (cookies accepted for 127.0.0.1)."""
    async with TestClient(TestServer(build_app(pronote=sim), host="127.0.0.1")) as test_client:
        yield test_client


@pytest.fixture
def wire(client: TestClient[web.Request, web.Application], sim: PronoteSimulator) -> Wire:
    """Wire-level helper speaking the Pronote protocol to the simulator."""
    return Wire(client, sim)
