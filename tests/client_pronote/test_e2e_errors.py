"""Error mapping against the simulated server (and a few hand-made answers)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    IpSuspendedError,
    NotSupportedError,
    ProtocolChangedError,
    RateLimitedError,
    ServerUnavailableError,
    SessionExpiredError,
)
from simulator.app import build_app
from simulator.pronote import PronoteSimulator

from .helpers import PASSWORD, assert_no_secret, functions, make_client


async def test_ip_suspended_page(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.ip_suspended = True
    client = make_client(http_session, root)
    with pytest.raises(IpSuspendedError) as err:
        await client.login()
    assert isinstance(err.value, RateLimitedError)
    assert err.value.retry_after is not None
    assert err.value.retry_after >= 3600


async def test_ip_suspended_during_a_call(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    sim.faults.next_errors.append("ip_suspended:PageEmploiDuTemps")
    with pytest.raises(IpSuspendedError):
        await client.timetable(account.students[0].id, sim.today, sim.today)


@pytest.mark.parametrize("fault", ["site_closed", "site_busy", "http_500", "http_503"])
async def test_unavailable(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, fault: str
) -> None:
    sim.faults.next_errors.append(fault)
    with pytest.raises(ServerUnavailableError):
        await make_client(http_session, root).login()


async def test_server_error_during_a_call_then_recovery(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    sim.faults.next_errors.append("http_500:DernieresNotes")
    with pytest.raises(ServerUnavailableError):
        await client.grades(account.students[0].id)
    # The order number may be out of step now: the next call logs in again.
    start = len(sim.requests)
    assert (await client.grades(account.students[0].id)).grades
    assert functions(sim, start)[0] == "page"


async def test_too_many_attempts(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.next_errors.append("too_many_attempts:Identification")
    with pytest.raises(RateLimitedError) as err:
        await make_client(http_session, root).login()
    assert not isinstance(err.value, IpSuspendedError)
    assert err.value.retry_after == sim.lockout_seconds


async def test_lockout_after_repeated_failures(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    for _ in range(sim.max_failed_logins):
        with pytest.raises(InvalidCredentialsError):
            await make_client(http_session, root, password="nope").login()
    with pytest.raises(RateLimitedError) as err:
        await make_client(http_session, root).login()
    assert err.value.retry_after is not None
    assert 0 < err.value.retry_after <= sim.lockout_seconds + 1


async def test_unsolvable_challenge(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.next_errors.append("bad_challenge")
    with pytest.raises(InvalidCredentialsError) as err:
        await make_client(http_session, root).login()
    assert_no_secret(err.value, PASSWORD)


@pytest.mark.parametrize(
    ("fault", "error"),
    [("access_denied", NotSupportedError), ("unavailable", ProtocolChangedError)],
)
async def test_call_errors(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    fault: str,
    error: type[Exception],
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    sim.faults.next_errors.append(f"{fault}:PagePresence")
    with pytest.raises(error):
        await client.school_life(account.students[0].id)


async def test_session_lost_twice(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    sim.faults.next_errors.extend(["session_expired", "session_expired"])
    with pytest.raises(SessionExpiredError):
        await client.mailbox(account.students[0].id)


async def test_unreachable_server(
    http_session: aiohttp.ClientSession, socket_enabled: None
) -> None:
    server = TestServer(web.Application(), host="127.0.0.1")
    await server.start_server()
    url = f"http://127.0.0.1:{server.port}/pronote"
    await server.close()
    with pytest.raises(ServerUnavailableError):
        await make_client(http_session, url).login()


async def test_timeout(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.latency = 0.5
    with pytest.raises(ServerUnavailableError, match="in time"):
        await make_client(http_session, root, timeout=0.05).login()


async def test_not_a_pronote_page(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, origin: str
) -> None:
    with pytest.raises(ProtocolChangedError, match="404"):
        await make_client(http_session, f"{origin}/pronote/sub").login()


# -- hand-made servers --------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Serve = Callable[[dict[str, Handler]], Awaitable[str]]


@pytest.fixture
async def serve(socket_enabled: None) -> AsyncGenerator[Serve]:
    """Serve hand-made handlers by path; return the instance root (``…/pronote``)."""
    servers: list[TestServer] = []

    async def start(routes: dict[str, Handler]) -> str:
        app = web.Application()
        for path, handler in routes.items():
            app.router.add_route("*", path, handler)
        server = TestServer(app, host="127.0.0.1")
        servers.append(server)
        await server.start_server()
        return f"http://127.0.0.1:{server.port}/pronote"

    yield start
    for server in servers:
        await server.close()


PAGE = "<script>Start ({h:'1234567',a:3,d:false})</script> PRONOTE 2026.2.5.7"


async def _page(request: web.Request) -> web.Response:
    return web.Response(text=PAGE, content_type="text/html")


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (web.json_response({"Erreur": {"G": 99, "Titre": "Bizarre"}}), ProtocolChangedError),
        (web.json_response({"session": 1}), ProtocolChangedError),
        (web.json_response({"dataSec": {"data": [1]}}), ProtocolChangedError),
        (web.Response(text="<html>La page a expiré</html>"), SessionExpiredError),
        # An HTML page where JSON is awaited is a notice (a proxy, maintenance): retry later.
        (web.Response(text="<html>?</html>"), ServerUnavailableError),
        (web.Response(status=429, headers={"Retry-After": "120"}), RateLimitedError),
        (web.Response(status=418), ProtocolChangedError),
    ],
)
async def test_odd_answers(
    http_session: aiohttp.ClientSession,
    serve: Serve,
    answer: web.Response,
    error: type[Exception],
) -> None:
    async def call(request: web.Request) -> web.Response:
        return answer

    root = await serve({"/pronote/eleve.html": _page, "/pronote/appelfonction/{tail:.*}": call})
    with pytest.raises(error) as err:
        await make_client(http_session, root).login()
    if isinstance(err.value, RateLimitedError):
        assert err.value.retry_after == 120


async def test_unsupported_ent(http_session: aiohttp.ClientSession, serve: Serve) -> None:
    async def page(request: web.Request) -> web.Response:
        raise web.HTTPFound("/idp/sso")

    async def sso(request: web.Request) -> web.Response:
        body = '<form method="post" action="/saml"><input type="hidden" name="SAMLRequest"></form>'
        return web.Response(text=body, content_type="text/html")

    root = await serve({"/pronote/eleve.html": page, "/idp/sso": sso})
    client = make_client(http_session, root, login_mode="cas")
    with pytest.raises(NotSupportedError, match=r"this ENT is not supported yet: 127\.0\.0\.1"):
        await client.login()


async def test_ent_with_extra_steps(http_session: aiohttp.ClientSession, serve: Serve) -> None:
    async def page(request: web.Request) -> web.Response:
        raise web.HTTPFound("/cas/login")

    async def login(request: web.Request) -> web.Response:
        if request.method == "POST":
            form = await request.post()
            assert form["username"] == "demonstration"
            assert form["password"] == PASSWORD
            assert form["execution"] == "e1"
            return web.Response(text="<p>Choose a profile</p>", content_type="text/html")
        body = (
            '<form action="/cas/login" method="post"><input name="username">'
            '<input type="password" name="password"><input type="hidden" name="execution" '
            'value="e1"><input type="submit" name="go" value="ok"></form>'
        )
        return web.Response(text=body, content_type="text/html")

    root = await serve({"/pronote/eleve.html": page, "/cas/login": login})
    with pytest.raises(NotSupportedError, match="not supported yet"):
        await make_client(http_session, root, login_mode="cas").login()


async def test_redirect_loop(http_session: aiohttp.ClientSession, serve: Serve) -> None:
    async def page(request: web.Request) -> web.Response:
        raise web.HTTPFound("/pronote/eleve.html")

    root = await serve({"/pronote/eleve.html": page})
    with pytest.raises(ProtocolChangedError, match="redirects"):
        await make_client(http_session, root).login()


async def test_cookies_are_kept_for_ip_hosts(
    http_session: aiohttp.ClientSession, serve: Serve
) -> None:
    seen: list[str | None] = []

    async def page(request: web.Request) -> web.Response:
        seen.append(request.cookies.get("SESSIONID"))
        response = web.Response(text=PAGE, content_type="text/html")
        response.set_cookie("SESSIONID", "abc")
        return response

    async def call(request: web.Request) -> web.Response:
        seen.append(request.cookies.get("SESSIONID"))
        return web.json_response({"Erreur": {"G": 21, "Titre": "x"}})

    root = await serve({"/pronote/eleve.html": page, "/pronote/appelfonction/{tail:.*}": call})
    with pytest.raises(ProtocolChangedError):
        await make_client(http_session, root).login()
    assert seen == [None, "abc"]


async def test_application_refusal(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    await client.login()
    assert client._session is not None
    channel = client._session.channel
    with pytest.raises(NotSupportedError, match="4 chiffres"):
        await channel.call("JetonAppliMobile", {"code": "12"}, tab=7)


async def test_server_gone_during_a_session(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, socket_enabled: None
) -> None:
    server = TestServer(build_app(pronote=sim), host="127.0.0.1")
    await server.start_server()
    client = make_client(http_session, f"http://127.0.0.1:{server.port}/pronote")
    account = await client.login()
    await server.close()
    with pytest.raises(ServerUnavailableError, match="cannot reach"):
        await client.mailbox(account.students[0].id)
    assert client._session is not None
    assert client._session.channel.dead
