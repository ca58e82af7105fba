"""Fixtures: the simulated Pronote server and its addresses (``http_session`` is shared)."""

from __future__ import annotations

import pytest

from simulator.app import build_app
from simulator.pronote import PronoteSimulator

from ..servers import ServeApp


@pytest.fixture
def sim() -> PronoteSimulator:
    """A fresh simulated Pronote instance."""
    return PronoteSimulator()


@pytest.fixture
async def origin(serve_app: ServeApp, sim: PronoteSimulator) -> str:
    """Serve the simulator on 127.0.0.1 and return ``http://127.0.0.1:<port>``."""
    sim.base_url = await serve_app(build_app(pronote=sim))
    return sim.base_url


@pytest.fixture
def root(origin: str) -> str:
    """The simulated instance root (``…/pronote``)."""
    return f"{origin}/pronote"
