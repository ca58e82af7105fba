"""Pronote HTTP edge cases: kept methods on 307/308, unknown charsets, broken bodies."""

from __future__ import annotations

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.errors import ServerUnavailableError
from custom_components.schoolbag.client.pronote.http_client import Http

from ..servers import ServeApp


@pytest.fixture
async def origin(serve_app: ServeApp) -> str:
    """A small server with one route per edge case; ``/p/hits`` counts the requests."""
    hits: dict[str, int] = {}
    redirects = {
        "303": web.HTTPSeeOther,
        "307": web.HTTPTemporaryRedirect,
        "308": web.HTTPPermanentRedirect,
    }

    async def route(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        hits[name] = hits.get(name, 0) + 1
        if name in redirects:
            raise redirects[name]("/p/echo")
        if name == "echo":
            return web.Response(text=f"{request.method} {await request.text()}")
        if name == "latin":
            return web.Response(
                body="Élève".encode(), headers={"Content-Type": "text/html; charset=x-pronote"}
            )
        if name == "gzip":
            return web.Response(
                body=b"this is not gzip",
                headers={"Content-Encoding": "gzip", "Content-Type": "text/html"},
            )
        if name == "hits":
            return web.json_response(hits)
        return web.Response(status=404)

    app = web.Application()
    app.router.add_route("*", "/p/{name}", route)
    return await serve_app(app)


@pytest.mark.parametrize("status", ["307", "308"])
async def test_307_and_308_keep_the_post_and_its_form(origin: str, status: str) -> None:
    """A method-keeping redirect posts the same form again at the new address."""
    async with aiohttp.ClientSession() as session:
        http = Http(session, timeout=5)
        page = await http.post_form(f"{origin}/p/{status}", {"login": "x", "pw": "y"})
    assert page.url == f"{origin}/p/echo"
    assert page.text == "POST login=x&pw=y"


async def test_303_turns_the_post_into_a_get(origin: str) -> None:
    """Other redirects are followed with a body-less GET."""
    async with aiohttp.ClientSession() as session:
        page = await Http(session, timeout=5).post_form(f"{origin}/p/303", {"a": "1"})
    assert page.text == "GET "


async def test_unknown_charset_is_read_as_utf8(origin: str) -> None:
    """A charset Python does not know does not break the page: it is decoded as UTF-8."""
    async with aiohttp.ClientSession() as session:
        page = await Http(session, timeout=5).get(f"{origin}/p/latin")
    assert page.text == "Élève"


async def test_broken_body_is_server_unavailable_and_not_retried(origin: str) -> None:
    """A body that cannot be decoded is a server fault, raised at once (only drops retry)."""
    async with aiohttp.ClientSession() as session:
        http = Http(session, timeout=5)
        with pytest.raises(ServerUnavailableError, match="cannot reach Pronote"):
            await http.post_json(f"{origin}/p/gzip", {})
        assert http.request_count == 1
        hits = await (await session.get(f"{origin}/p/hits")).json()
    assert hits["gzip"] == 1
