"""The shared sender against a local server: answers, cookies, typed failures, retries."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
import logging

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.errors import ServerUnavailableError
from custom_components.schoolbag.client.http import CookieStore, Sender

from ..servers import ServeApp
from .dropping_server import dropping_server


@pytest.fixture
async def origin(serve_app: ServeApp) -> str:
    """One route per case; ``/echo`` answers the method, the body and the Cookie header."""

    async def echo(request: web.Request) -> web.Response:
        body = await request.text()
        cookie = request.headers.get("Cookie", "")
        return web.Response(text=f"{request.method} {body} [{cookie}] {request.query_string}")

    async def latin(_: web.Request) -> web.Response:
        return web.Response(
            body="Élève".encode("latin-1"), headers={"Content-Type": "text/html; charset=latin-1"}
        )

    async def odd(_: web.Request) -> web.Response:
        return web.Response(body="Æ".encode(), headers={"Content-Type": "text/html; charset=x-odd"})

    async def set_cookie(_: web.Request) -> web.Response:
        response = web.Response(text="set")
        response.set_cookie("session", "s/1=")
        response.set_cookie("gone", "", max_age=0)
        return response

    async def moved(_: web.Request) -> web.Response:
        raise web.HTTPFound("/echo")

    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.Response(text="late")

    app = web.Application()
    app.router.add_route("*", "/echo", echo)
    app.router.add_get("/latin", latin)
    app.router.add_get("/odd", odd)
    app.router.add_get("/set-cookie", set_cookie)
    app.router.add_get("/moved", moved)
    app.router.add_get("/slow", slow)
    return await serve_app(app)


@pytest.fixture
async def session() -> AsyncGenerator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


async def test_answer_is_read_in_full(origin: str, session: aiohttp.ClientSession) -> None:
    sender = Sender(session, server="Demo", timeout=5)
    answer = await sender.send(
        "POST", f"{origin}/echo", params=[("v", "1")], data=b"body", headers={"X": "y"}
    )
    assert (answer.status, answer.url, answer.content_type) == (200, f"{origin}/echo", "text/plain")
    assert answer.text == "POST body [] v=1"
    assert answer.body == b"POST body [] v=1"
    assert answer.redirect_target is None
    assert (await sender.send("GET", f"{origin}/latin")).text == "Élève"
    # A charset Python does not know is read as UTF-8.
    assert (await sender.send("GET", f"{origin}/odd")).text == "Æ"
    assert sender.request_count == 3


async def test_redirects_are_left_to_the_caller_unless_asked(
    origin: str, session: aiohttp.ClientSession
) -> None:
    manual = await Sender(session, server="Demo", timeout=5).send("GET", f"{origin}/moved")
    assert manual.status == 302
    assert manual.redirect_target == f"{origin}/echo"
    followed = Sender(session, server="Demo", timeout=5, auto_redirect=True)
    answer = await followed.send("GET", f"{origin}/moved")
    assert (answer.status, answer.text) == (200, "GET  [] ")
    assert followed.request_count == 1


async def test_cookies_go_back_verbatim_to_their_host(
    origin: str, session: aiohttp.ClientSession
) -> None:
    cookies = CookieStore()
    sender = Sender(session, server="Demo", timeout=5, cookies=cookies)
    cookies.site("elsewhere.example").set("other", "x")
    await sender.send("GET", f"{origin}/set-cookie")
    host = origin.removeprefix("http://")
    assert cookies.site(host).as_dict() == {"session": "s/1="}
    answer = await sender.send("GET", f"{origin}/echo")
    assert answer.text == "GET  [session=s/1=] "


async def test_cookies_may_win_over_the_session_jar(
    origin: str, session: aiohttp.ClientSession
) -> None:
    cookies = CookieStore()
    sender = Sender(session, server="Demo", timeout=5, cookies=cookies, cookies_win_over_jar=True)
    cookies.site(origin.removeprefix("http://")).set("key", "k1")
    answer = await sender.send("GET", f"{origin}/echo")
    assert answer.text == "GET  [key=k1] "


async def test_timeout_is_server_unavailable(origin: str, session: aiohttp.ClientSession) -> None:
    sender = Sender(session, server="Demo", timeout=0.1)
    with pytest.raises(ServerUnavailableError, match="Demo did not answer in time"):
        await sender.send("GET", f"{origin}/slow")


async def test_unreachable_server_is_server_unavailable(
    socket_enabled: None, session: aiohttp.ClientSession
) -> None:
    # Even with retries of dropped connections: a refused connection is not one.
    sender = Sender(session, server="Demo", timeout=5, retry_dropped_connection=True)
    with pytest.raises(ServerUnavailableError, match=r"cannot reach Demo \(ClientConnectorError"):
        await sender.send("POST", "http://127.0.0.1:9/x", data=b"secret")
    assert sender.request_count == 1


async def test_path_stays_out_of_the_log_when_asked(
    origin: str, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    sender = Sender(session, server="Demo", timeout=5)
    with caplog.at_level(logging.DEBUG, logger="custom_components.schoolbag.client.http"):
        await sender.send("GET", f"{origin}/echo?h=123")
        await sender.send("GET", f"{origin}/latin", log=False)
    logged = [r.getMessage() for r in caplog.records if r.name.startswith(Sender.__module__)]
    assert logged == ["Demo GET /echo"]


async def _post_twice(drop: set[int], *, retry: bool) -> list[int]:
    async with dropping_server(drop) as server, aiohttp.ClientSession() as session:
        sender = Sender(session, server="Demo", timeout=5, retry_dropped_connection=retry)
        statuses = [(await sender.send("POST", f"{server}/x", data=b"{}")).status for _ in range(2)]
        assert sender.request_count == 2
        return statuses


async def test_dropped_kept_alive_connection_is_retried_once(socket_enabled: None) -> None:
    assert await _post_twice({1}, retry=True) == [200, 200]
    with pytest.raises(ServerUnavailableError, match="cannot reach Demo"):
        await _post_twice({1, 2}, retry=True)


async def test_dropped_connection_is_reported_without_retries(socket_enabled: None) -> None:
    with pytest.raises(ServerUnavailableError, match="cannot reach Demo"):
        await _post_twice({1}, retry=False)
