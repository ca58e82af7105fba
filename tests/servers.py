"""Types of the fixtures that serve aiohttp apps on 127.0.0.1 (``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.test_utils import TestClient

AppClient = TestClient[web.Request, web.Application]
ServeApp = Callable[[web.Application], Awaitable[str]]
"""``await serve_app(app)`` serves ``app`` until the test ends and returns its origin."""
ServeAppClient = Callable[[web.Application], Awaitable[AppClient]]
"""``await serve_app_client(app)`` serves ``app`` until the test ends and returns a test client."""
