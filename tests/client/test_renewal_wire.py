"""The password-less renewal on the wire, checked against the scriptable fake server."""

from __future__ import annotations

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import ServerUnavailableError
from custom_components.schoolbag.client.protocol import Credentials

from .fake_server import GTK_VALUE, TOKEN, FakeServer, Recorded, empty_data, envelope

PASSWORD = "a+b&c%#é d"
ACCESS = "access-" + "s" * 30
DEVICE = "0b6f8f1e-3c0a-4d55-9a43-5f7e2f7c9d11"
TRUST = {"cn": "Y24=", "cv": "Y3Y=", "uuid": DEVICE}
SCHOOL_LIFE = "eleves/2345/viescolaire.awp"


def _server(fake: FakeServer, data_codes: list[int], login_status: list[int]) -> None:
    """Data calls answer ``data_codes`` then 200; renewals answer HTTP ``login_status`` then 200."""
    fake.accounts[0]["accessToken"] = ACCESS

    def login(request: Recorded) -> web.StreamResponse:
        if request.query.get("gtk"):
            return fake._default(request)
        if login_status and request.payload["isReLogin"]:
            return web.Response(status=login_status.pop(0), text="<html>busy</html>")
        token = "renewed-token" if request.payload["isReLogin"] else TOKEN
        return envelope(data={"changementMDP": False, "accounts": fake.accounts}, token=token)

    def school_life(_: Recorded) -> web.StreamResponse:
        if data_codes:
            return envelope(data_codes.pop(0), None, token="")
        return envelope(data=empty_data(SCHOOL_LIFE))

    fake.handlers["login.awp"] = login
    fake.handlers[SCHOOL_LIFE] = school_life


def _logins(fake: FakeServer) -> list[Recorded]:
    return [r for r in fake.requests if r.path == "login.awp" and not r.query.get("gtk")]


def _client(session: aiohttp.ClientSession, url: str) -> EcoleDirecteClient:
    return EcoleDirecteClient(session, Credentials("jdupont", PASSWORD, TRUST), base_url=url)


async def test_renewal_wire_format(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    _server(fake, [525], [])
    client = _client(http_session, fake_url)
    await client.login()
    first = _logins(fake)[0].payload
    assert first["uuid"] == DEVICE
    assert first["sesouvenirdemoi"] is True
    assert first["isReLogin"] is False
    await client.school_life("2345")
    assert fake.paths()[-4:] == [SCHOOL_LIFE, "login.awp", "login.awp", SCHOOL_LIFE]
    renewal = _logins(fake)[-1]
    assert renewal.payload == {
        "identifiant": "jdupont",
        "motdepasse": "???",
        "isReLogin": True,
        "uuid": DEVICE,
        "typeCompte": "E",
        "accesstoken": ACCESS,
        "fa": [{"cn": "Y24=", "cv": "Y3Y=", "uniq": False}],
    }
    assert "a%2Bb" not in renewal.body
    # The last token travels with the renewal, as the apps send it.
    assert renewal.headers["X-Token"] == TOKEN
    assert renewal.headers["X-Gtk"] == GTK_VALUE
    assert fake.requests[-1].headers["X-Token"] == "renewed-token"
    assert client.trust == TRUST
    assert client.request_count == 6
    assert ACCESS not in f"{client!r} {client._auth!r}"


async def test_renewal_network_fault_keeps_the_access_token(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    _server(fake, [520], [503])
    client = _client(http_session, fake_url)
    await client.login()
    with pytest.raises(ServerUnavailableError) as err:
        await client.school_life("2345")
    assert ACCESS not in f"{err.value!s} {err.value!r}"
    # No password login after a server fault, and the next call renews again.
    await client.school_life("2345")
    assert [login.payload["isReLogin"] for login in _logins(fake)] == [False, True, True]
    assert fake.requests[-1].headers["X-Token"] == "renewed-token"
