"""Statuses every platform reads alike: 429 and 503 with Retry-After, other server faults."""

from __future__ import annotations

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.errors import RateLimitedError, ServerUnavailableError
from custom_components.schoolbag.client.http import Sender, raise_for_server_status

from ..servers import ServeApp


@pytest.fixture
async def origin(serve_app: ServeApp) -> str:
    """``/<status>?retry=<seconds>`` answers that status, with a Retry-After when asked."""

    async def answer(request: web.Request) -> web.Response:
        retry = request.query.get("retry")
        headers = {"Retry-After": retry} if retry else None
        return web.Response(status=int(request.match_info["status"]), headers=headers)

    app = web.Application()
    app.router.add_get("/{status}", answer)
    return await serve_app(app)


async def _check(origin: str, path: str, default: float | None = 60) -> None:
    async with aiohttp.ClientSession() as session:
        answer = await Sender(session, server="Demo", timeout=5).send("GET", f"{origin}/{path}")
    raise_for_server_status(
        answer.status, answer.headers, server="Demo", default_retry_after=default
    )


@pytest.mark.parametrize(
    ("path", "default", "seconds"),
    [
        ("429?retry=7", 60, 7),
        ("429", 60, 60),
        ("429?retry=soon", 3600, 3600),
        ("429", None, None),
        ("503?retry=120", 60, 120),
    ],
)
async def test_rate_limits_carry_the_wait(
    origin: str, path: str, default: float | None, seconds: float | None
) -> None:
    with pytest.raises(RateLimitedError) as caught:
        await _check(origin, path, default)
    assert caught.value.retry_after == seconds
    assert "Demo" in str(caught.value)


@pytest.mark.parametrize("path", ["500", "502?retry=5", "503", "503?retry=soon"])
async def test_other_server_faults_are_unavailable(origin: str, path: str) -> None:
    with pytest.raises(ServerUnavailableError, match=r"Demo server error \(HTTP 50"):
        await _check(origin, path)


@pytest.mark.parametrize("path", ["200", "302", "404"])
async def test_other_statuses_are_left_to_the_platform(origin: str, path: str) -> None:
    await _check(origin, path)
