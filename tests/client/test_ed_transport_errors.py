"""EcoleDirecte answers the transport maps to typed errors: odd codes, statuses and bodies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    ProtocolChangedError,
    RateLimitedError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.protocol import Credentials
from simulator.ecoledirecte import EcoleDirecteSimulator

from .fake_server import GTK_VALUE, FakeServer, Recorded, envelope
from .helpers import make_client, paths


def _client(session: aiohttp.ClientSession, url: str) -> EcoleDirecteClient:
    return EcoleDirecteClient(session, Credentials("jdupont", "secret"), base_url=url)


@pytest.mark.parametrize("status", [401, 404, 405])
async def test_unexpected_http_status_is_protocol_changed(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, status: int
) -> None:
    """A 4xx other than 403/429 means the API moved: ProtocolChangedError, not a retryable fault."""
    client = make_client(http_session, sim_url, "simple.eleve")
    await client.login()
    sim.faults.next_http_status = [status]
    with pytest.raises(ProtocolChangedError, match=str(status)):
        await client.school_life("2400")
    assert paths(sim)[-1] == "eleves/2400/viescolaire.awp"
    assert await client.school_life("2400") is not None  # the session was kept


async def test_blocked_account_is_invalid_credentials(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """Code 516 on the login is a blocked account."""
    sim.faults.next_codes = [516]
    client = make_client(http_session, sim_url, "simple.eleve")
    with pytest.raises(InvalidCredentialsError, match="516"):
        await client.login()
    assert client.account is None


@pytest.mark.parametrize("code", [201, 300, 999])
async def test_unknown_answer_code_is_protocol_changed(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, code: int
) -> None:
    """A logical code the client does not know is never taken for success."""
    client = make_client(http_session, sim_url, "simple.eleve")
    await client.login()
    sim.faults.next_codes = [code]
    with pytest.raises(ProtocolChangedError, match=str(code)):
        await client.grades("2400")


async def test_gtk_answer_that_is_not_json_still_gives_the_cookie(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    """Only an envelope with an error code stops the login; any other GTK body is ignored."""

    def login(request: Recorded) -> web.StreamResponse:
        if request.query.get("gtk"):
            response = web.Response(body=b"\xff\xfe<html>", content_type="text/html")
            response.set_cookie("GTK", GTK_VALUE)
            return response
        return fake._default(request)

    fake.handlers["login.awp"] = login
    account = await _client(http_session, fake_url).login()
    assert account.id == "2345"
    assert fake.requests[-1].headers["X-Gtk"] == GTK_VALUE


async def test_gtk_envelope_with_an_error_code_stops_the_login(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    """A GTK answer carrying code 517 (outdated client) raises before any password is sent."""

    def login(request: Recorded) -> web.StreamResponse:
        response = envelope(517, None, token="")
        response.set_cookie("GTK", GTK_VALUE)
        return response

    fake.handlers["login.awp"] = login
    with pytest.raises(ProtocolChangedError, match="517"):
        await _client(http_session, fake_url).login()
    assert len(fake.requests) == 1


@pytest.mark.parametrize("code", [True, None, "x200", 2.5])
async def test_answer_without_a_numeric_code_is_protocol_changed(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str, code: object
) -> None:
    """``code: true`` (or any non-number) is no status code, never success."""
    client = _client(http_session, fake_url)
    await client.login()
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.json_response(
        {"code": code, "token": "", "message": "", "data": {}}
    )
    with pytest.raises(ProtocolChangedError, match="no status code"):
        await client.school_life("2345")


async def test_string_code_is_read_as_a_number(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    """``code: " 525 "`` is the expired session it says: the client logs in again once."""
    client = _client(http_session, fake_url)
    await client.login()
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.json_response(
        {"code": " 525 ", "token": "", "message": "", "data": None}
    )
    with pytest.raises(SessionExpiredError):
        await client.school_life("2345")
    assert fake.paths()[-3:] == ["login.awp", "login.awp", "eleves/2345/viescolaire.awp"]


async def test_retry_after_date_without_zone_is_read_as_utc(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    """An HTTP date marked ``-0000`` (no zone) is taken as UTC, whatever the local zone."""
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=600)
    header = format_datetime(later)
    assert header.endswith("-0000")
    fake.handlers["login.awp"] = lambda _: web.Response(
        status=429, text="slow down", headers={"Retry-After": header}
    )
    with pytest.raises(RateLimitedError) as err:
        await _client(http_session, fake_url).login()
    assert err.value.retry_after is not None
    assert 540 <= err.value.retry_after <= 600
