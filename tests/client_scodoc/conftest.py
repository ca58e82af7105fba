"""Fixtures: an aiohttp session owned by the test and the simulated ScoDoc server."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Iterable

import aiohttp
from aiohttp.test_utils import TestServer
import pytest

from custom_components.schoolbag.client.protocol import Credentials
from custom_components.schoolbag.client.scodoc import ScoDocClient
from simulator.app import build_app
from simulator.scodoc import ScoDocSimulator

ALICE = "31024587"
HUGO = "31029911"
MakeClient = Callable[..., ScoDocClient]


@pytest.fixture
async def http_session() -> AsyncGenerator[aiohttp.ClientSession]:
    """An aiohttp session owned by the test (the client must never close it)."""
    session = aiohttp.ClientSession()
    yield session
    await session.close()


@pytest.fixture
def sim() -> ScoDocSimulator:
    """A fresh simulated ScoDoc instance."""
    return ScoDocSimulator()


@pytest.fixture
async def base_url(socket_enabled: None, sim: ScoDocSimulator) -> AsyncGenerator[str]:
    """Serve the simulator on 127.0.0.1 and return ``http://127.0.0.1:<port>/ScoDoc``."""
    server = TestServer(build_app(scodoc=sim), host="127.0.0.1")
    await server.start_server()
    yield f"http://127.0.0.1:{server.port}/ScoDoc"
    await server.close()


@pytest.fixture
def make_client(http_session: aiohttp.ClientSession, base_url: str) -> MakeClient:
    """Build a client on the simulator: ``make_client(username=..., department=...)``."""

    def make(
        *,
        username: str = "demo",
        password: str = "demo",
        department: str | None = "INFO",
        student_ids: Iterable[str] = (ALICE, HUGO),
        url: str | None = None,
        **kwargs: object,
    ) -> ScoDocClient:
        return ScoDocClient(
            http_session,
            Credentials(username, password),
            base_url=url or base_url,
            department=department,
            student_ids=student_ids,
            **kwargs,  # type: ignore[arg-type]
        )

    return make
