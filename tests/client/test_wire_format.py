"""The client's requests on the wire, checked against a scriptable fake server."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.ecoledirecte.const import DEFAULT_USER_AGENT
from custom_components.schoolbag.client.ecoledirecte.transport import encode_uri_component
from custom_components.schoolbag.client.errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    ProtocolChangedError,
    RateLimitedError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.models import AccountKind
from custom_components.schoolbag.client.protocol import Credentials, SchoolClient

from .fake_server import GTK_VALUE, TOKEN, FakeServer, Recorded, empty_data, envelope

PASSWORD = "a+b&c%#é d"


def _client(session: aiohttp.ClientSession, url: str, **kwargs: Any) -> EcoleDirecteClient:
    return EcoleDirecteClient(session, Credentials("jdupont", PASSWORD), base_url=url, **kwargs)


def test_encode_uri_component() -> None:
    assert encode_uri_component("a+b&c%#é d") == "a%2Bb%26c%25%23%C3%A9%20d"
    assert encode_uri_component("A-z_0.9!~*'()") == "A-z_0.9!~*'()"
    assert encode_uri_component("x/y?=") == "x%2Fy%3F%3D"


async def test_satisfies_protocol(http_session: aiohttp.ClientSession) -> None:
    client: SchoolClient = EcoleDirecteClient(http_session, Credentials("u", "p"))
    assert client.platform == "ecoledirecte"
    assert len(client.capabilities) == 8
    assert client.account is None
    assert client.trust == {}


async def test_login_wire_format(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = _client(http_session, fake_url)
    account = await client.login()
    assert account.kind is AccountKind.STUDENT
    assert account.students[0].id == "2345"
    gtk, login = fake.requests
    assert gtk.method == "GET"
    assert gtk.path == "login.awp"
    assert gtk.query == {"gtk": "1", "v": "4.75.0"}
    assert "X-Token" not in gtk.headers
    assert login.method == "POST"
    assert login.query == {"v": "4.75.0"}
    assert login.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert login.headers["User-Agent"] == DEFAULT_USER_AGENT
    assert login.headers["X-Gtk"] == GTK_VALUE
    cookies = {
        part.split("=")[0]: part.split("=")[1] for part in login.headers["Cookie"].split("; ")
    }
    assert cookies["GTK"] == GTK_VALUE
    assert cookies["OTHER"] == "1"
    assert "X-Token" not in login.headers
    # Raw JSON after data=, password percent-encoded inside the JSON string.
    assert login.body.startswith(
        'data={"identifiant":"jdupont","motdepasse":"a%2Bb%26c%25%23%C3%A9%20d"'
    )
    assert login.payload["isReLogin"] is False
    assert "fa" not in login.payload
    assert client.request_count == 2


async def test_data_call_wire_format(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = _client(http_session, fake_url)
    await client.login()
    await client.school_life("2345")
    call = fake.requests[-1]
    assert call.path == "eleves/2345/viescolaire.awp"
    assert list(call.query) == ["verbe", "v"]
    assert call.query["verbe"] == "get"
    assert call.headers["X-Token"] == TOKEN
    assert "X-Gtk" not in call.headers
    assert call.body == "data={}"
    assert call.headers["User-Agent"] == DEFAULT_USER_AGENT


async def test_token_adoption_from_body_and_header(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = _client(http_session, fake_url)
    await client.login()
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.json_response(
        {"code": 200, "token": "body-token", "data": empty_data("viescolaire.awp")}
    )
    await client.school_life("2345")
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: envelope(
        data=empty_data("viescolaire.awp"), token="", headers={"X-Token": "header-token"}
    )
    await client.school_life("2345")
    assert fake.requests[-1].headers["X-Token"] == "body-token"
    # An empty token in an answer never erases the current one.
    await client.school_life("2345")
    assert fake.requests[-1].headers["X-Token"] == "header-token"


async def test_session_reuse_makes_no_request(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = _client(http_session, fake_url)
    first = await client.login()
    count = client.request_count
    assert await client.login() == first
    assert client.request_count == count
    assert client.account == first


async def test_invalid_credentials_are_not_retried(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    fake.handlers["login.awp"] = lambda request: (
        fake._default(request)
        if request.query.get("gtk")
        else envelope(505, {"changementMDP": False, "accounts": []}, token="")
    )
    client = _client(http_session, fake_url)
    with pytest.raises(InvalidCredentialsError) as err:
        await client.login()
    assert PASSWORD not in str(err.value)
    count = client.request_count
    with pytest.raises(InvalidCredentialsError):
        await client.login()
    assert client.request_count == count  # lockout protection: no second attempt


def _qcm_server(fake: FakeServer, *, two_fa: str | None = None) -> None:
    question = base64.b64encode("Quel est ton année de naissance ?".encode()).decode()
    options = [base64.b64encode(year.encode()).decode() for year in ("2009", "2010", "2011")]
    extra = {"2FA-Token": two_fa} if two_fa else {}

    def login(request: Recorded) -> web.StreamResponse:
        if request.query.get("gtk"):
            return fake._default(request)
        if request.payload.get("fa"):
            return envelope(data={"accounts": fake.accounts})
        return envelope(250, None, token="temp-token", headers=extra)

    def double_auth(request: Recorded) -> web.StreamResponse:
        if request.query["verbe"] == "get":
            return envelope(data={"question": question, "propositions": options}, token="temp-2")
        if request.payload["choix"] == options[2]:
            return envelope(data={"cn": "Y24=", "cv": "Y3Y="}, token="temp-3")
        return envelope(505, None, token="")

    fake.handlers["login.awp"] = login
    fake.handlers["connexion/doubleauth.awp"] = double_auth


async def test_qcm_flow_with_2fa_token(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    _qcm_server(fake, two_fa="2fa-value")
    client = _client(http_session, fake_url)
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    challenge = err.value.challenge
    assert challenge.question == "Quel est ton année de naissance ?"
    assert [option.label for option in challenge.options] == ["2009", "2010", "2011"]
    get = fake.requests[-1]
    assert get.query["verbe"] == "get"
    assert get.body == "data={}"
    assert get.headers["X-Token"] == "temp-token"
    assert get.headers["2fa-token"] == "2fa-value"
    # Answering with the label works as well as with the value.
    account = await client.answer_challenge("2011")
    assert account.id == "2345"
    post, gtk, login = fake.requests[-3:]
    assert post.payload == {"choix": challenge.options[2].value}
    assert post.headers["X-Token"] == "temp-2"
    assert post.headers["2fa-token"] == "2fa-value"
    assert gtk.headers["2fa-token"] == "2fa-value"
    assert login.headers["X-Token"] == "temp-3"
    assert login.headers["2fa-token"] == "2fa-value"
    assert login.headers["X-Gtk"] == GTK_VALUE
    assert login.payload["fa"] == [{"cn": "Y24=", "cv": "Y3Y=", "uniq": False}]
    assert client.trust == {"cn": "Y24=", "cv": "Y3Y=", "uuid": login.payload["uuid"]}
    # After login the double-auth header is no longer sent.
    await client.school_life("2345")
    assert "2fa-token" not in fake.requests[-1].headers


async def test_qcm_wrong_answer(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    _qcm_server(fake)
    client = _client(http_session, fake_url)
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    assert "2fa-token" not in fake.requests[-1].headers
    wrong = err.value.challenge.options[0].value
    with pytest.raises(ChallengeFailedError) as failed:
        await client.answer_challenge(wrong)
    assert wrong not in str(failed.value)
    assert set(client.trust) == {"uuid"}
    with pytest.raises(ChallengeFailedError):
        await client.answer_challenge(wrong)  # nothing pending any more


async def test_trust_is_sent_up_front(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    _qcm_server(fake)
    client = EcoleDirecteClient(
        http_session,
        Credentials("jdupont", PASSWORD, trust={"cn": "Y24=", "cv": "Y3Y="}),
        base_url=fake_url,
    )
    await client.login()
    assert client.trust == {"cn": "Y24=", "cv": "Y3Y="}
    assert fake.paths() == ["login.awp", "login.awp"]


async def test_parent_switches_account_for_children_of_another_school(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    def family(login_id: int, family_id: int, child_id: int, main: bool) -> dict[str, Any]:
        return {
            "idLogin": login_id,
            "id": family_id,
            "typeCompte": "1",
            "main": main,
            "prenom": "Marc",
            "nom": "MARTIN",
            "anneeScolaireCourante": "2025-2026",
            "profile": {"eleves": [{"id": child_id, "prenom": "C", "nom": "M"}]},
        }

    fake.accounts = [family(5001, 601, 3456, True), family(5002, 602, 3457, False)]
    client = _client(http_session, fake_url)
    account = await client.login()
    assert account.kind is AccountKind.PARENT
    await client.school_life("3456")
    assert fake.paths()[-1] == "eleves/3456/viescolaire.awp"
    await client.school_life("3457")
    switch, call = fake.requests[-2:]
    assert switch.path == "renewtoken.awp"
    assert switch.query["verbe"] == "post"
    assert switch.payload == {"idUser": 5002, "uuid": ""}
    assert call.path == "eleves/3457/viescolaire.awp"
    await client.school_life("3457")
    assert fake.paths()[-2:] == ["eleves/3457/viescolaire.awp", "eleves/3457/viescolaire.awp"]
    await client.mailbox("3456")
    switch, call = fake.requests[-2:]
    assert switch.payload["idUser"] == 5001
    assert call.path == "familles/601/messages.awp"
    assert call.payload == {"anneeMessages": "2025-2026"}
    assert call.query["typeRecuperation"] == "received"
    await client.wallets()
    assert [request.path for request in fake.requests[-3:]] == [
        "comptes/sansdetails.awp",
        "renewtoken.awp",
        "comptes/sansdetails.awp",
    ]


async def test_relogin_after_expiry_then_session_expired(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = _client(http_session, fake_url)
    await client.login()
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: envelope(525, None, token="")
    with pytest.raises(SessionExpiredError) as err:
        await client.school_life("2345")
    assert TOKEN not in str(err.value)
    # call, GTK, login, call again: one re-login only.
    assert fake.paths()[-4:] == [
        "eleves/2345/viescolaire.awp",
        "login.awp",
        "login.awp",
        "eleves/2345/viescolaire.awp",
    ]


async def test_too_many_requests_uses_retry_after(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    fake.handlers["login.awp"] = lambda _: web.Response(
        status=429, text="slow down", headers={"Retry-After": "120"}
    )
    with pytest.raises(RateLimitedError) as err:
        await _client(http_session, fake_url).login()
    assert err.value.retry_after == 120


async def test_non_json_with_x_code(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = _client(http_session, fake_url)
    await client.login()
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.Response(
        body=b"%PDF", headers={"X-Code": "535"}
    )
    with pytest.raises(ServerUnavailableError):
        await client.school_life("2345")
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.Response(text="<html>")
    with pytest.raises(ServerUnavailableError, match="HTML page"):
        await client.school_life("2345")
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.json_response({"no": "code"})
    with pytest.raises(ProtocolChangedError):
        await client.school_life("2345")
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: envelope(data=[1, 2])
    with pytest.raises(ProtocolChangedError):
        await client.school_life("2345")


async def test_missing_gtk_cookie_is_protocol_changed(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    fake.handlers["login.awp"] = lambda _: envelope(data=None, token="")
    with pytest.raises(ProtocolChangedError):
        await _client(http_session, fake_url).login()


async def test_timeout_is_server_unavailable(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    async def slow(_: Recorded) -> web.StreamResponse:
        await asyncio.sleep(2)
        return envelope()

    fake.handlers["login.awp"] = slow
    with pytest.raises(ServerUnavailableError):
        await _client(http_session, fake_url, timeout=0.2).login()


async def test_connection_refused_is_server_unavailable(
    socket_enabled: None, http_session: aiohttp.ClientSession
) -> None:
    client = _client(http_session, "http://127.0.0.1:9/v3")
    with pytest.raises(ServerUnavailableError) as err:
        await client.login()
    assert PASSWORD not in str(err.value)
    assert client.request_count == 1
    assert not http_session.closed
