"""Fixtures: the simulated ScoDoc server and clients of it (``http_session`` is shared)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import aiohttp
import pytest

from custom_components.schoolbag.client.protocol import Credentials
from custom_components.schoolbag.client.scodoc import ScoDocClient
from simulator.app import build_app
from simulator.scodoc import ScoDocSimulator

from ..servers import ServeApp

ALICE = "31024587"
HUGO = "31029911"
MakeClient = Callable[..., ScoDocClient]


@pytest.fixture
def sim() -> ScoDocSimulator:
    """A fresh simulated ScoDoc instance."""
    return ScoDocSimulator()


@pytest.fixture
async def base_url(serve_app: ServeApp, sim: ScoDocSimulator) -> str:
    """Serve the simulator on 127.0.0.1 and return ``http://127.0.0.1:<port>/ScoDoc``."""
    return f"{await serve_app(build_app(scodoc=sim))}/ScoDoc"


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
