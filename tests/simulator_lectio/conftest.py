"""Fixtures: a fresh Lectio simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
import pytest

from simulator.app import build_app
from simulator.lectio import LectioSimulator

from .helpers import Browser

TODAY = date(2026, 3, 25)


@pytest.fixture
def sim() -> LectioSimulator:
    """Fresh simulator state for each test, dated around ``TODAY``."""
    return LectioSimulator(today=TODAY)


@pytest.fixture
async def client(
    socket_enabled: None, sim: LectioSimulator
) -> AsyncGenerator[TestClient[web.Request, web.Application]]:
    """An aiohttp test client bound to the simulator app (cookies accepted for 127.0.0.1)."""
    async with TestClient(TestServer(build_app(lectio=sim), host="127.0.0.1")) as test_client:
        yield test_client


@pytest.fixture
def browser(client: TestClient[web.Request, web.Application]) -> Browser:
    """Wire-level helper acting like a browser on the simulated site."""
    return Browser(client)
