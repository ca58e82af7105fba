"""The ENT step walk against hand-made ENT pages: bounds, refusals and odd endings."""

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
)
from custom_components.schoolbag.client.pronote.ent import MAX_STEPS, open_through_ent
from custom_components.schoolbag.client.pronote.ent.engine import EntLogin
from custom_components.schoolbag.client.pronote.http_client import Http

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Serve = Callable[[dict[str, Handler]], Awaitable[str]]
SPACE = "<script>Start ({h:'1234567',a:3,e:'jdupont',f:'0A1B2C'})</script>"
CAS_FORM = (
    '<form method="post" action="/cas/login"><input name="username"><input type="password" '
    'name="password"><input type="hidden" name="execution" value="e1"></form>'
)


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html")


@pytest.fixture
async def serve(socket_enabled: None) -> AsyncGenerator[Serve]:
    """Serve hand-made handlers by path; return the origin."""
    servers: list[TestServer] = []

    async def start(routes: dict[str, Handler]) -> str:
        app = web.Application()
        for path, handler in routes.items():
            app.router.add_route("*", path, handler)
        server = TestServer(app, host="127.0.0.1")
        servers.append(server)
        await server.start_server()
        return f"http://127.0.0.1:{server.port}"

    yield start
    for server in servers:
        await server.close()


@pytest.fixture
async def http(http_session: aiohttp.ClientSession) -> Http:
    return Http(http_session, timeout=10)


async def test_endless_auto_posts_stop(http: Http, serve: Serve) -> None:
    hits: list[str] = []

    async def loop(request: web.Request) -> web.Response:
        hits.append(request.method)
        return _html(
            '<form method="post" action="/loop"><input type="hidden" name="SAMLRequest" '
            'value="x"></form>'
        )

    origin = await serve({"/loop": loop})
    with pytest.raises(NotSupportedError, match="too many steps"):
        await open_through_ent(http, f"{origin}/loop", "u", "p")
    assert len(hits) == MAX_STEPS + 1


async def test_login_that_does_not_stick(http: Http, serve: Serve) -> None:
    async def space(request: web.Request) -> web.Response:
        raise web.HTTPFound("/cas/login")

    async def cas(request: web.Request) -> web.Response:
        if request.method == "POST":
            return _html("<p>Bienvenue sur votre portail</p>")
        return _html(CAS_FORM)

    origin = await serve({"/pronote/eleve.html": space, "/cas/login": cas})
    with pytest.raises(NotSupportedError, match="does not lead back to Pronote"):
        await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")


async def test_portal_then_ticket(http: Http, serve: Serve) -> None:
    logged_in: list[bool] = []

    async def space(request: web.Request) -> web.Response:
        if "ticket" in request.query:
            return _html(SPACE)
        raise web.HTTPFound("/cas/login")

    async def cas(request: web.Request) -> web.Response:
        if request.method == "POST":
            form = await request.post()
            assert (form["username"], form["password"], form["execution"]) == ("u", "p", "e1")
            logged_in.append(True)
            return _html("<p>Portail</p>")
        if logged_in:
            raise web.HTTPFound("/pronote/eleve.html?ticket=ST-1")
        return _html(CAS_FORM)

    origin = await serve({"/pronote/eleve.html": space, "/cas/login": cas})
    page = await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")
    assert page.url.endswith("ticket=ST-1")


async def test_unknown_page_names_the_host(http: Http, serve: Serve) -> None:
    async def space(request: web.Request) -> web.Response:
        return _html("<p>Choisissez votre établissement</p>")

    origin = await serve({"/pronote/eleve.html": space})
    with pytest.raises(NotSupportedError, match=r"^this ENT is not supported yet: 127\.0\.0\.1$"):
        await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")


async def test_suspended_address_page_on_the_way(http: Http, serve: Serve) -> None:
    async def space(request: web.Request) -> web.Response:
        return _html("<p>Votre adresse IP est provisoirement suspendue</p>")

    origin = await serve({"/pronote/eleve.html": space})
    with pytest.raises(IpSuspendedError):
        await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")


EDUCONNECT_LINK = '<a class="btn" href="{href}">Connexion <b>ÉduConnect</b></a>'


async def test_unknown_page_after_a_known_step_is_a_changed_protocol(
    http: Http, serve: Serve
) -> None:
    async def space(request: web.Request) -> web.Response:
        return _html(EDUCONNECT_LINK.format(href="/idp/sso"))

    async def idp(request: web.Request) -> web.Response:
        return _html("<html><head><title>EduConnect - Nouvelle étape</title></head><p>?</p>")

    origin = await serve({"/pronote/eleve.html": space, "/idp/sso": idp})
    with pytest.raises(
        ProtocolChangedError, match=r"does not know: 'EduConnect - Nouvelle étape' \(127\.0\.0\.1\)"
    ):
        await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")


async def test_a_suspension_notice_on_an_ent_is_not_a_ban(http: Http, serve: Serve) -> None:
    async def notice(request: web.Request) -> web.Response:
        return _html("<title>Accès</title><p>Adresse IP suspendue</p>")

    ent = await serve({"/idp/sso": notice})

    async def space(request: web.Request) -> web.Response:
        return _html(EDUCONNECT_LINK.format(href=f"{ent}/idp/sso"))

    origin = await serve({"/pronote/eleve.html": space})
    with pytest.raises(ProtocolChangedError, match="'Accès'") as caught:
        await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")
    assert not isinstance(caught.value, IpSuspendedError)


async def test_rate_limited_ent(http: Http, serve: Serve) -> None:
    async def space(request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "30"})

    origin = await serve({"/pronote/eleve.html": space})
    with pytest.raises(RateLimitedError):
        await open_through_ent(http, f"{origin}/pronote/eleve.html", "u", "p")


async def test_open_ent_ng_sent_back_to_its_login_url(http: Http, serve: Serve) -> None:
    async def login(request: web.Request) -> web.Response:
        if request.method == "POST":
            raise web.HTTPFound("/auth/login?error=auth.error.authenticationFailed")
        # Rendered by a script after a refusal: nothing to recognise.
        if "error" in request.query:
            return _html('<div id="app"></div>')
        return _html(
            '<form method="post" action="/auth/login"><input name="email">'
            '<input type="password" name="password"></form>'
        )

    origin = await serve({"/auth/login": login})
    with pytest.raises(InvalidCredentialsError, match="ENT"):
        await open_through_ent(http, f"{origin}/auth/login", "u", "p")


async def test_repr_shows_no_credentials(http: Http) -> None:
    login = EntLogin(http, "https://ent.example.fr/pronote/eleve.html", "jdupont", "s3cret!")
    shown = repr(login)
    assert "ent.example.fr" in shown
    assert "jdupont" not in shown
    assert "s3cret!" not in shown
