"""HTTP edge cases: status mapping, redirects off the site or in loops, odd charsets."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
import pytest

from custom_components.schoolbag.client.errors import (
    ProtocolChangedError,
    RateLimitedError,
    ServerUnavailableError,
)
from custom_components.schoolbag.client.http import Pacer
from custom_components.schoolbag.client.lectio import search_schools
from custom_components.schoolbag.client.lectio.transport import Http


async def _routes(request: web.Request) -> web.StreamResponse:
    name = request.match_info.get("name", "")
    if name == "busy":
        return web.Response(status=429, headers={"Retry-After": "7"})
    if name == "busy-date":
        return web.Response(status=429, headers={"Retry-After": "soon"})
    if name == "missing":
        return web.Response(status=404)
    if name == "loop":
        raise web.HTTPFound("/p/loop")
    if name == "away":
        raise web.HTTPFound("https://broker.example/login")
    if name == "login":
        raise web.HTTPFound("/lectio/1/login.aspx?prevurl=x")
    if name == "keep":
        raise web.HTTPTemporaryRedirect("/p/echo")
    if name == "echo":
        return web.Response(text=request.method + (await request.text()))
    if name == "odd":
        return web.Response(body="Æ".encode(), headers={"Content-Type": "text/html; charset=x-odd"})
    return web.Response(status=500)


@pytest.fixture
async def base(socket_enabled: None) -> AsyncGenerator[str]:
    app = web.Application()
    app.router.add_route("*", "/p/{name}", _routes)
    app.router.add_get("/lectio/login_list.aspx", _routes)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield f"http://127.0.0.1:{server.port}"
    await server.close()


async def test_status_mapping_and_redirects(base: str) -> None:
    async with aiohttp.ClientSession() as session:
        http = Http(session, base_url=base, timeout=5, pacer=Pacer(0))
        with pytest.raises(RateLimitedError) as caught:
            await http.get(f"{base}/p/busy")
        assert caught.value.retry_after == 7
        with pytest.raises(RateLimitedError) as caught:
            await http.get(f"{base}/p/busy-date")
        assert caught.value.retry_after == 60
        with pytest.raises(ProtocolChangedError):
            await http.get(f"{base}/p/missing")
        with pytest.raises(ServerUnavailableError):
            await http.get(f"{base}/p/boom")
        with pytest.raises(ProtocolChangedError, match="redirects"):
            await http.get(f"{base}/p/loop")
        away = await http.get(f"{base}/p/away")
        assert away.left_site
        assert not away.text
        login = await http.get(f"{base}/p/login")
        assert login.to_login
        kept = await http.post_form(f"{base}/p/keep", {"a": "1"}, referer=base)
        assert kept.text == "POSTa=1"
        odd = await http.get(f"{base}/p/odd")
        assert odd.text == "Æ"
        # The loop is given up after ten hops; the 307 keeps the POST.
        assert http.request_count == 19


async def test_school_list_errors(base: str) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(ServerUnavailableError):
            await search_schools(session, "x", base_url=base)
        with pytest.raises(ServerUnavailableError):
            await search_schools(session, "x", base_url="http://127.0.0.1:9")
