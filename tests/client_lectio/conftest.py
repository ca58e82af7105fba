"""Fixtures: the simulated Lectio site and clients of it (``http_session`` is shared)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import aiohttp
import pytest

from custom_components.schoolbag.client.lectio import LectioClient
from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.protocol import Credentials
from simulator.app import build_app
from simulator.lectio import LectioSimulator

from ..servers import ServeApp

# A Wednesday of ISO week 13 of 2026: summer time starts on its Sunday (29 March).
TODAY = date(2026, 3, 25)
DEMO_SCHOOL = "680"
MITID_SCHOOL = "681"
DEMO_ELEVID = "60000000001"

MakeClient = Callable[..., LectioClient]


@pytest.fixture
def sim() -> LectioSimulator:
    """A fresh simulated Lectio, its demo data dated around ``TODAY``."""
    return LectioSimulator(today=TODAY)


@pytest.fixture
async def origin(serve_app: ServeApp, sim: LectioSimulator) -> str:
    """Serve the simulator on 127.0.0.1 and return ``http://127.0.0.1:<port>``."""
    return await serve_app(build_app(lectio=sim))


@pytest.fixture
def make_client(http_session: aiohttp.ClientSession, origin: str) -> MakeClient:
    """Build a client for the simulator (demo password login unless told otherwise)."""

    def make(
        username: str = "demo",
        password: str = "demo",
        *,
        school_id: str = DEMO_SCHOOL,
        **options: object,
    ) -> LectioClient:
        options.setdefault("now", lambda: datetime.combine(TODAY, time(10), tzinfo=COPENHAGEN))
        return LectioClient(
            http_session,
            Credentials(username, password),
            school_id=school_id,
            base_url=origin,
            **options,  # type: ignore[arg-type]
        )

    return make
