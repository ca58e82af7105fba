"""The EcoleDirecte QCM (double authentication): odd questions and answers that go wrong."""

from __future__ import annotations

import base64
from typing import Any

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    ProtocolChangedError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.protocol import Credentials
from simulator.ecoledirecte import EcoleDirecteSimulator

from .fake_server import FakeServer, Recorded, envelope
from .helpers import make_client, paths, right_option


def _b64(value: str) -> str:
    return base64.b64encode(value.encode()).decode()


def _qcm_server(fake: FakeServer, question: Any, options: Any, proof: Any = None) -> None:
    """Logins ask the QCM; ``doubleauth`` shows ``question``/``options``, answers ``proof``."""

    def login(request: Recorded) -> web.StreamResponse:
        if request.query.get("gtk"):
            return fake._default(request)
        if request.payload.get("fa"):
            return envelope(data={"accounts": fake.accounts})
        return envelope(250, None, token="temp-token")

    def double_auth(request: Recorded) -> web.StreamResponse:
        if request.query["verbe"] == "get":
            return envelope(data={"question": question, "propositions": options}, token="temp-2")
        return envelope(data=proof, token="temp-3")

    fake.handlers["login.awp"] = login
    fake.handlers["connexion/doubleauth.awp"] = double_auth


def _client(session: aiohttp.ClientSession, url: str) -> EcoleDirecteClient:
    return EcoleDirecteClient(session, Credentials("jdupont", "secret"), base_url=url)


async def test_percent_encoded_question_and_options_are_decoded(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    """Some servers percent-encode the QCM texts inside the base64: labels come out clean."""
    options = [_b64("Saint%20%C3%89tienne"), _b64("Nantes"), _b64(" 100% ")]
    _qcm_server(fake, _b64("Dans%20quelle%20ville%20es-tu%20n%C3%A9%20%3F"), options)
    with pytest.raises(DoubleAuthRequiredError) as err:
        await _client(http_session, fake_url).login()
    challenge = err.value.challenge
    assert challenge.question == "Dans quelle ville es-tu né ?"
    assert [option.label for option in challenge.options] == ["Saint Étienne", "Nantes", "100%"]
    # The value sent back stays the base64 text exactly as received.
    assert [option.value for option in challenge.options] == options


@pytest.mark.parametrize(
    ("question", "options"),
    [
        ("", [_b64("2011")]),
        (_b64("   "), [_b64("2011")]),
        (_b64("Ton année de naissance ?"), []),
        (_b64("Ton année de naissance ?"), None),
        (_b64("Ton année de naissance ?"), _b64("2011")),
    ],
    ids=["no-question", "blank-question", "no-options", "null-options", "options-not-a-list"],
)
async def test_incomplete_question_is_protocol_changed(
    http_session: aiohttp.ClientSession,
    fake: FakeServer,
    fake_url: str,
    question: str,
    options: Any,
) -> None:
    """A QCM without a question or options cannot be answered: a changed protocol, not a prompt."""
    _qcm_server(fake, question, options)
    with pytest.raises(ProtocolChangedError):
        await _client(http_session, fake_url).login()


@pytest.mark.parametrize("proof", [{}, {"cn": "Y24="}, {"cn": "", "cv": "Y3Y="}])
async def test_accepted_answer_without_device_proof_is_protocol_changed(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str, proof: dict[str, str]
) -> None:
    """An accepted answer must bring ``cn``/``cv``; without them no login is attempted."""
    _qcm_server(fake, _b64("Ton année de naissance ?"), [_b64("2010"), _b64("2011")], proof)
    client = _client(http_session, fake_url)
    with pytest.raises(DoubleAuthRequiredError):
        await client.login()
    with pytest.raises(ProtocolChangedError):
        await client.answer_challenge("2011")
    assert fake.paths()[-1] == "connexion/doubleauth.awp"
    assert set(client.trust) <= {"uuid"}
    assert client.account is None


async def test_question_that_expired_before_the_answer_is_session_expired(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """A 525 on the answer means the question expired; a new login asks a fresh one."""
    client = make_client(http_session, sim_url, "demo.eleve")
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    sim.expire_tokens()
    with pytest.raises(SessionExpiredError):
        await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert set(client.trust) == {"uuid"}
    # Nothing is pending any more: the same answer is not sent again.
    before = len(sim.requests)
    with pytest.raises(ChallengeFailedError):
        await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert len(sim.requests) == before
    with pytest.raises(DoubleAuthRequiredError) as again:
        await client.login()
    account = await client.answer_challenge(right_option(again.value.challenge, sim, "demo.eleve"))
    assert account.id == "2345"


async def test_maintenance_while_answering_is_server_unavailable(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """A 535 on the answer is the school's maintenance, not a wrong answer."""
    client = make_client(http_session, sim_url, "demo.eleve")
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    sim.faults.next_codes = [535]
    with pytest.raises(ServerUnavailableError):
        await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert paths(sim)[-1] == "connexion/doubleauth.awp"
    assert set(client.trust) == {"uuid"}
    assert client.account is None


async def test_refused_client_version_while_answering_is_protocol_changed(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """A 517 on the answer says the client is outdated, not that the answer was wrong."""
    client = make_client(http_session, sim_url, "demo.eleve")
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    sim.faults.next_codes = [517]
    with pytest.raises(ProtocolChangedError):
        await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert client.account is None
