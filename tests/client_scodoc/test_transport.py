"""Transport answers the simulator does not give: odd token answers, 429, 418, bad JSON."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
import pytest

from custom_components.schoolbag.client.errors import (
    ProtocolChangedError,
    RateLimitedError,
    ServerUnavailableError,
)
from custom_components.schoolbag.client.protocol import Credentials
from custom_components.schoolbag.client.scodoc import ScoDocClient
from custom_components.schoolbag.client.scodoc.transport import Transport
from simulator.scodoc import ScoDocSimulator

from .conftest import ALICE, MakeClient

Answer = Callable[[], web.Response]


@dataclass
class OddServer:
    """A server whose token and data answers each test sets."""

    url: str
    answers: dict[str, Answer]


@pytest.fixture
async def odd_server(socket_enabled: None) -> AsyncGenerator[OddServer]:
    """Serve ``/ScoDoc/api/tokens`` and ``/ScoDoc/api/departements`` with settable answers."""
    answers: dict[str, Answer] = {
        "token": lambda: web.json_response({"token": "t" * 32}),
        "data": lambda: web.json_response([]),
    }

    async def token(request: web.Request) -> web.Response:
        return answers["token"]()

    async def data(request: web.Request) -> web.Response:
        assert request.headers["Authorization"] == "Bearer " + "t" * 32
        return answers["data"]()

    app = web.Application()
    app.router.add_post("/ScoDoc/api/tokens", token)
    app.router.add_get("/ScoDoc/api/departements", data)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield OddServer(f"http://127.0.0.1:{server.port}/ScoDoc", answers)
    await server.close()


def _client(session: aiohttp.ClientSession, server: OddServer) -> ScoDocClient:
    return ScoDocClient(session, Credentials("demo", "demo"), base_url=server.url, department=None)


async def test_token_answer_without_token_is_refused(
    odd_server: OddServer, http_session: aiohttp.ClientSession
) -> None:
    odd_server.answers["token"] = lambda: web.json_response({"error": "nope"})
    # Only a 401 says the password is wrong: an answer without a token is not understood.
    with pytest.raises(ProtocolChangedError, match="no token"):
        await _client(http_session, odd_server).departments()


@pytest.mark.parametrize(
    ("answer", "error", "match"),
    [
        (lambda: web.json_response({}, status=429), RateLimitedError, "429"),
        (lambda: web.json_response({}, status=418), ProtocolChangedError, "418"),
        (lambda: web.json_response({}, status=503), ServerUnavailableError, "503"),
        (
            lambda: web.Response(text="{broken", content_type="application/json"),
            ServerUnavailableError,
            "cut short",
        ),
        (
            lambda: web.Response(text="[]", content_type="text/plain"),
            ProtocolChangedError,
            "text/plain",
        ),
        (
            lambda: web.Response(body=b"\xff[]", content_type="application/json"),
            ProtocolChangedError,
            "invalid JSON",
        ),
        (
            lambda: web.Response(text="nope", content_type="application/json"),
            ProtocolChangedError,
            "invalid JSON",
        ),
    ],
)
async def test_data_answers_are_mapped_to_typed_errors(
    odd_server: OddServer,
    http_session: aiohttp.ClientSession,
    answer: Answer,
    error: type[Exception],
    match: str,
) -> None:
    odd_server.answers["data"] = answer
    with pytest.raises(error, match=match):
        await _client(http_session, odd_server).departments()


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_is_honoured(
    odd_server: OddServer, http_session: aiohttp.ClientSession, status: int
) -> None:
    """A 429, or a 503 that says when to come back, is a rate limit with the header's wait."""
    odd_server.answers["data"] = lambda: web.json_response(
        {}, status=status, headers={"Retry-After": "120"}
    )
    with pytest.raises(RateLimitedError, match=str(status)) as caught:
        await _client(http_session, odd_server).departments()
    assert caught.value.retry_after == 120


async def test_429_without_retry_after_leaves_the_wait_open(
    odd_server: OddServer, http_session: aiohttp.ClientSession
) -> None:
    odd_server.answers["token"] = lambda: web.json_response({}, status=429)
    with pytest.raises(RateLimitedError) as caught:
        await _client(http_session, odd_server).departments()
    assert caught.value.retry_after is None


async def test_slow_server_is_unavailable(make_client: MakeClient, sim: ScoDocSimulator) -> None:
    sim.faults.latency = 0.3
    with pytest.raises(ServerUnavailableError, match="in time"):
        await make_client(timeout=0.05).login()


async def test_global_root_without_department(make_client: MakeClient) -> None:
    client = make_client(department=None)
    account = await client.login()
    assert account.school_name is None
    assert account.id.endswith("/ScoDoc")
    # On the global root the NIP's most recent record (INFO) is followed.
    assert (await client.grades(ALICE)).averages


async def test_student_without_semester_has_an_empty_book(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    for semester in sim.world.semesters:
        semester["_inscriptions"].pop("90417", None)
    book = await make_client().grades(ALICE)
    assert (book.periods, book.grades, book.averages) == ((), (), ())


async def test_nip_search_route_missing(make_client: MakeClient, sim: ScoDocSimulator) -> None:
    sim.faults.next_errors.extend(["not_found:etudiants/nip", "not_found:etudiants/nip"])
    assert await make_client().find_students(ALICE) == []


async def test_token_is_renewed_before_the_server_expires_it(
    http_session: aiohttp.ClientSession, base_url: str, sim: ScoDocSimulator
) -> None:
    now = [0.0]
    transport = Transport(
        http_session,
        Credentials("demo", "demo"),
        base_url=base_url,
        department="INFO",
        timeout=5,
        clock=lambda: now[0],
    )
    first = await transport.token()
    now[0] += 54 * 60
    assert await transport.token() == first
    assert transport.token_count == 1
    now[0] += 2 * 60  # 56 minutes: ask again before the hour is up
    await transport.token()
    assert transport.token_count == 2
    assert sim.tokens.issued == 1  # the server still had >60 s left: same token back
