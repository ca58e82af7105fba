"""Fixtures: a fresh Lectio simulator served on 127.0.0.1 through aiohttp's test client."""

from __future__ import annotations

from datetime import date

import pytest

from simulator.app import build_app
from simulator.lectio import LectioSimulator

from ..servers import AppClient, ServeAppClient
from .helpers import Browser

TODAY = date(2026, 3, 25)


@pytest.fixture
def sim() -> LectioSimulator:
    """Fresh simulator state for each test, dated around ``TODAY``."""
    return LectioSimulator(today=TODAY)


@pytest.fixture
async def client(serve_app_client: ServeAppClient, sim: LectioSimulator) -> AppClient:
    """An aiohttp test client bound to the simulator app (cookies accepted for 127.0.0.1)."""
    return await serve_app_client(build_app(lectio=sim))


@pytest.fixture
def browser(client: AppClient) -> Browser:
    """Wire-level helper acting like a browser on the simulated site."""
    return Browser(client)
