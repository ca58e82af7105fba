"""Fixtures: a fresh ScoDoc simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
import pytest

from simulator.app import build_app
from simulator.scodoc import ScoDocSimulator

from .helpers import Api


@pytest.fixture
def sim() -> ScoDocSimulator:
    """Fresh simulator state for each test."""
    return ScoDocSimulator()


@pytest.fixture
async def client(
    socket_enabled: None, sim: ScoDocSimulator
) -> AsyncGenerator[TestClient[web.Request, web.Application]]:
    """An aiohttp test client bound to the simulator app."""
    async with TestClient(TestServer(build_app(scodoc=sim), host="127.0.0.1")) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient[web.Request, web.Application]) -> Api:
    """Token-aware helper speaking to the simulated API."""
    return Api(client)
