"""Password login against a simulated Lectio whose pages changed in ways the client must notice.

A middleware in front of the simulator rewrites chosen answers (a renamed field, a redirect
to another site, a page that no longer names the student).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import re

from aiohttp import web
import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from simulator.app import build_app
from simulator.lectio import LectioSimulator

from ..servers import ServeApp
from .conftest import DEMO_ELEVID, DEMO_SCHOOL, MakeClient

Tamper = Callable[[web.Request, web.Response], None]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
def tampers() -> list[Tamper]:
    """Rewrites applied, in order, to every answer of the simulator."""
    return []


@pytest.fixture
async def origin(serve_app: ServeApp, sim: LectioSimulator, tampers: list[Tamper]) -> str:
    """The simulator behind a middleware that applies ``tampers``."""

    @web.middleware
    async def tamper(request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        if isinstance(response, web.Response):
            for change in tampers:
                change(request, response)
        return response

    app = build_app(lectio=sim)
    app.middlewares.append(tamper)
    return await serve_app(app)


def _is(request: web.Request, method: str, page: str) -> bool:
    return request.method == method and request.path.lower().endswith(f"/{page}")


def _without_student(response: web.Response) -> None:
    """Remove every trace of the student id from a page."""
    assert response.text is not None
    page = re.sub(r"elevid=\d+", "elevid=", response.text)
    response.text = re.sub(r'data-lectiocontextcard="S\d+"', "", page)


def _posts(sim: LectioSimulator) -> list[str]:
    return [path for method, path in sim.requests if method == "POST"]


async def test_login_page_without_username_field_is_protocol_changed(
    make_client: MakeClient, sim: LectioSimulator, tampers: list[Tamper]
) -> None:
    """A login form whose fields were renamed (and no MitID offer) is a changed site."""

    def rename(request: web.Request, response: web.Response) -> None:
        if _is(request, "GET", "login.aspx") and response.text:
            response.text = response.text.replace("m$Content$username", "m$Content$bruger")

    tampers.append(rename)
    with pytest.raises(ProtocolChangedError, match="username field"):
        await make_client().login()
    assert _posts(sim) == []  # the password was never sent
    assert sim.logins == 0


async def test_login_sent_to_another_site_is_protocol_changed(
    make_client: MakeClient, sim: LectioSimulator, tampers: list[Tamper]
) -> None:
    """A login answer redirecting off Lectio is not followed (no cookie leaves the site)."""

    def away(request: web.Request, response: web.Response) -> None:
        if _is(request, "POST", "login.aspx") and response.status == 302:
            response.headers["Location"] = "https://idp.invalid/saml/login"

    tampers.append(away)
    client = make_client()
    with pytest.raises(ProtocolChangedError, match="another site"):
        await client.login()
    assert client.account is None
    assert sim.requests[-1] == ("POST", f"/lectio/{DEMO_SCHOOL}/login.aspx")


async def test_login_landing_without_the_student_reads_the_front_page(
    make_client: MakeClient, sim: LectioSimulator, tampers: list[Tamper]
) -> None:
    """When the page after login names no student, the front page is read for it."""
    landed: list[str] = []

    def hide_once(request: web.Request, response: web.Response) -> None:
        if _is(request, "GET", "forside.aspx") and not landed:
            landed.append(request.path)
            _without_student(response)

    tampers.append(hide_once)
    account = await make_client().login()
    assert account.students[0].id == DEMO_ELEVID
    assert account.students[0].full_name == "Freja Eksempel Hansen"
    front = f"/lectio/{DEMO_SCHOOL}/forside.aspx"
    assert sim.requests[-3:] == [
        ("POST", f"/lectio/{DEMO_SCHOOL}/login.aspx"),
        ("GET", front),
        ("GET", front),
    ]


async def test_front_page_without_student_id_is_protocol_changed(
    make_client: MakeClient, sim: LectioSimulator, tampers: list[Tamper]
) -> None:
    """A logged-in front page that no longer shows the student id cannot identify the account."""

    def hide(request: web.Request, response: web.Response) -> None:
        if _is(request, "GET", "forside.aspx"):
            _without_student(response)

    tampers.append(hide)
    client = make_client()
    with pytest.raises(ProtocolChangedError, match="elevid"):
        await client.login()
    assert client.account is None
    assert sim.logins == 1  # the password was accepted: this is not a credentials problem
