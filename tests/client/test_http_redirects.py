"""Redirects followed by hand: methods kept or turned into GET, stops, loops, cookies per hop."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.http import CookieStore, Sender, follow_redirects

from ..servers import ServeApp

_REDIRECTS = {
    "303": web.HTTPSeeOther,
    "307": web.HTTPTemporaryRedirect,
    "308": web.HTTPPermanentRedirect,
}


@pytest.fixture
async def origin(serve_app: ServeApp) -> str:
    """``/r/<status>`` redirects to ``/echo``; ``/hop`` sets a cookie on the way."""

    async def redirect(request: web.Request) -> web.Response:
        raise _REDIRECTS[request.match_info["status"]]("/echo")

    async def echo(request: web.Request) -> web.Response:
        seen = [request.method, await request.text(), request.headers.get("Referer", "-")]
        seen.append(request.headers.get("Cookie", "-"))
        return web.Response(text=" ".join(seen))

    async def hop(_: web.Request) -> web.Response:
        response = web.HTTPFound("/echo")
        response.set_cookie("rotated", "r1")
        raise response

    async def loop(_: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def away(_: web.Request) -> web.Response:
        raise web.HTTPFound("https://broker.example/login")

    app = web.Application()
    app.router.add_route("*", "/r/{status}", redirect)
    app.router.add_route("*", "/echo", echo)
    app.router.add_get("/hop", hop)
    app.router.add_get("/loop", loop)
    app.router.add_get("/away", away)
    return await serve_app(app)


@pytest.fixture
async def sender() -> AsyncGenerator[Sender]:
    async with aiohttp.ClientSession() as session:
        yield Sender(session, server="Demo", timeout=5, cookies=CookieStore())


@pytest.mark.parametrize("status", ["307", "308"])
async def test_307_and_308_keep_the_method_and_body(
    origin: str, sender: Sender, status: str
) -> None:
    answer = await follow_redirects(
        sender, "POST", f"{origin}/r/{status}", data={"a": "1"}, headers={}, referer="http://r/"
    )
    # The referer goes with the first request only.
    assert answer.text == "POST a=1 - -"
    assert (answer.url, answer.redirects) == (f"{origin}/echo", 1)


async def test_other_redirects_turn_into_a_get(origin: str, sender: Sender) -> None:
    answer = await follow_redirects(sender, "POST", f"{origin}/r/303", data={"a": "1"}, headers={})
    assert answer.text == "GET  - -"


async def test_referer_is_sent_when_there_is_no_redirect(origin: str, sender: Sender) -> None:
    answer = await follow_redirects(
        sender, "GET", f"{origin}/echo", headers={"X": "1"}, referer="http://r/"
    )
    assert answer.text == "GET  http://r/ -"
    assert answer.redirects == 0


async def test_cookies_set_on_a_hop_are_kept(origin: str, sender: Sender) -> None:
    answer = await follow_redirects(sender, "GET", f"{origin}/hop", headers={})
    assert answer.text == "GET  - rotated=r1"


async def test_a_stopped_redirect_is_returned_unfollowed(origin: str, sender: Sender) -> None:
    answer = await follow_redirects(
        sender, "GET", f"{origin}/away", headers={}, stop=lambda target: "broker" in target
    )
    assert answer.status == 302
    assert answer.redirect_target == "https://broker.example/login"
    assert sender.request_count == 1


async def test_a_redirect_loop_is_given_up(origin: str, sender: Sender) -> None:
    with pytest.raises(ProtocolChangedError, match="too many redirects while opening a Demo page"):
        await follow_redirects(sender, "GET", f"{origin}/loop", headers={})
    assert sender.request_count == 10
