"""Fixtures for the EcoleDirecte client tests."""

from __future__ import annotations

import pytest

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator

from ..servers import ServeApp
from .fake_server import FakeServer


@pytest.fixture
def fake() -> FakeServer:
    """The scriptable fake server's state."""
    return FakeServer()


@pytest.fixture
async def fake_url(serve_app: ServeApp, fake: FakeServer) -> str:
    """Serve the fake server on 127.0.0.1 and return its base URL."""
    return f"{await serve_app(fake.app())}/v3"


@pytest.fixture
def sim() -> EcoleDirecteSimulator:
    """A fresh simulated EcoleDirecte server (with values pydirecte cannot decode)."""
    return EcoleDirecteSimulator(realistic_extras=True)


@pytest.fixture
async def sim_url(serve_app: ServeApp, sim: EcoleDirecteSimulator) -> str:
    """Serve the simulator on 127.0.0.1 and return its ``/v3`` base URL."""
    return f"{await serve_app(build_app(ecoledirecte=sim))}/v3"
