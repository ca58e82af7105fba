"""Shared fixtures.

Without Home Assistant installed (``scripts/test-client``), only the client's suites run:
the client package is loaded on its own and the Home Assistant fixtures are left out.
"""

from __future__ import annotations

# pytest-homeassistant-custom-component ships its own `custom_components`
# package; importing ours first makes Home Assistant find the integration.
import custom_components  # noqa: F401  # isort: skip

from collections.abc import AsyncGenerator
from contextlib import AsyncExitStack
from importlib.util import find_spec

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
import pytest

from .client_alone import load_client_package_alone
from .servers import AppClient, ServeApp, ServeAppClient

if find_spec("homeassistant") is None:
    load_client_package_alone()
else:

    @pytest.fixture(autouse=True)
    def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
        """Let Home Assistant load integrations from custom_components/."""


@pytest.fixture(autouse=True)
def lectio_without_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """No second between Lectio requests: it would add minutes to the suite.

    tests/client_lectio/test_pacing.py checks the pause.
    """
    from custom_components.schoolbag.client.lectio import const

    monkeypatch.setattr(const, "REQUEST_GAP", 0.0)


@pytest.fixture
async def http_session() -> AsyncGenerator[aiohttp.ClientSession]:
    """An aiohttp session owned by the test (the client must never close it).

    Its cookie jar is aiohttp's default one, which refuses cookies from IP addresses.
    """
    session = aiohttp.ClientSession()
    yield session
    await session.close()


@pytest.fixture
async def serve_app(socket_enabled: None) -> AsyncGenerator[ServeApp]:
    """``await serve_app(app)``: serve ``app`` on 127.0.0.1 until the test ends; its origin."""
    async with AsyncExitStack() as servers:

        async def start(app: web.Application) -> str:
            server = await servers.enter_async_context(TestServer(app, host="127.0.0.1"))
            return f"http://127.0.0.1:{server.port}"

        yield start


@pytest.fixture
async def serve_app_client(socket_enabled: None) -> AsyncGenerator[ServeAppClient]:
    """``await serve_app_client(app)``: an aiohttp test client of ``app`` served on 127.0.0.1.

    The test client's cookie jar accepts cookies from 127.0.0.1.
    """
    async with AsyncExitStack() as clients:

        async def start(app: web.Application) -> AppClient:
            client = TestClient(TestServer(app, host="127.0.0.1"))
            return await clients.enter_async_context(client)

        yield start
