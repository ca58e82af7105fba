"""Password-less token renewal against the simulated server (EcoleDirecte protocol §3.5 B)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
import logging
import uuid

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import (
    DoubleAuthRequiredError,
    InvalidCredentialsError,
)
from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import PASSWORDS, logged_in, make_client, paths, right_option

RENEWED = ["eleves/2345/notes.awp", "login.awp", "login.awp", "eleves/2345/notes.awp"]


def _record_renewals(
    sim: EcoleDirecteSimulator, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, str, str]]:
    """Record ``(user, uuid, accesstoken)`` of every ``isReLogin: true`` login."""
    seen: list[tuple[str, str, str]] = []
    check = sim.access_tokens.check

    def recording(username: str, device: str, token: str) -> bool:
        seen.append((username, device, token))
        return check(username, device, token)

    monkeypatch.setattr(sim.access_tokens, "check", recording)
    return seen


@contextmanager
def _client_logs() -> Iterator[list[str]]:
    """Every message the client logs, at any level."""
    messages: list[str] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("custom_components.schoolbag.client")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def test_expired_session_renews_without_password(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    trust = client.trust
    assert set(trust) == {"cn", "cv", "uuid"}
    assert uuid.UUID(trust["uuid"]).version == 4
    renewals = _record_renewals(sim, monkeypatch)
    # Only a renewal can succeed now: the password no longer works.
    sim.world.users["demo.eleve"].password = "changed"
    sim.expire_tokens()
    before = len(sim.requests)
    assert (await client.grades("2345")).grades
    assert paths(sim, before) == RENEWED
    access = sim.access_tokens.issue("demo.eleve", trust["uuid"])
    assert renewals == [("demo.eleve", trust["uuid"], access)]
    assert client.trust == trust
    # The renewed session gave a new access token: a second expiry renews again.
    sim.expire_tokens()
    before = len(sim.requests)
    assert (await client.grades("2345")).grades
    assert paths(sim, before) == RENEWED


async def test_trust_with_uuid_restores_the_device(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = await logged_in(http_session, sim_url, sim, "demo.eleve")
    before = len(sim.requests)
    second = make_client(http_session, sim_url, "demo.eleve", trust=first.trust)
    assert (await second.login()).id == "2345"
    assert paths(sim, before) == ["login.awp", "login.awp"]
    assert second.trust == first.trust
    renewals = _record_renewals(sim, monkeypatch)
    sim.expire_tokens()
    assert (await second.grades("2345")).grades
    assert [device for _, device, _ in renewals] == [first.trust["uuid"]]


async def test_trust_without_uuid_keeps_the_uuid_of_its_proof(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A proof saved before uuids were sent was issued for uuid "".
    cn, cv = sim.trust.grant("demo.eleve", "")
    client = make_client(http_session, sim_url, "demo.eleve", trust={"cn": cn, "cv": cv})
    assert (await client.login()).id == "2345"
    assert client.trust == {"cn": cn, "cv": cv}
    renewals = _record_renewals(sim, monkeypatch)
    sim.expire_tokens()
    before = len(sim.requests)
    assert (await client.grades("2345")).grades
    assert paths(sim, before) == RENEWED
    assert [device for _, device, _ in renewals] == [""]


async def test_refused_renewal_falls_back_to_password(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    trust = client.trust
    renewals = _record_renewals(sim, monkeypatch)
    sim.faults.next_codes = [525, 505]  # the data call, then the renewal
    before = len(sim.requests)
    assert (await client.grades("2345")).grades
    assert paths(sim, before) == [
        "eleves/2345/notes.awp",
        "login.awp",
        "login.awp",
        "login.awp",
        "login.awp",
        "eleves/2345/notes.awp",
    ]
    assert renewals == []  # the forced 505 answered before any token check
    assert client.trust == trust
    # The password login gave a fresh access token: renewal works again.
    sim.expire_tokens()
    before = len(sim.requests)
    assert (await client.grades("2345")).grades
    assert paths(sim, before) == RENEWED
    assert len(renewals) == 1


async def test_failed_renewal_and_password_keep_secrets(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    with _client_logs() as logs:
        client = await logged_in(http_session, sim_url, sim, "demo.eleve")
        access = sim.access_tokens.issue("demo.eleve", client.trust["uuid"])
        sim.world.users["demo.eleve"].password = "changed"
        sim.faults.next_codes = [525, 505]
        with pytest.raises(InvalidCredentialsError) as err:
            await client.grades("2345")
    secrets = [access, PASSWORDS["demo.eleve"], client.trust["cv"], client.trust["uuid"]]
    text = f"{err.value!s} {err.value!r} {client!r} {client._auth!r} {logs}"
    assert all(secret not in text for secret in secrets)
    assert any("renewal" in message for message in logs)  # logged, without values
    # The refused password is never retried automatically, not even via renewal.
    before = len(sim.requests)
    with pytest.raises(InvalidCredentialsError):
        await client.grades("2345")
    assert len(sim.requests) == before


async def test_renewal_asks_the_question_only_when_the_server_does(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    device = client.trust["uuid"]
    sim.expire_tokens()
    sim.revoke_trust("demo.eleve")
    before = len(sim.requests)
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.grades("2345")
    # The renewal itself got the question: no password login before asking it.
    assert paths(sim, before) == [
        "eleves/2345/notes.awp",
        "login.awp",
        "login.awp",
        "connexion/doubleauth.awp",
    ]
    await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert client.trust["uuid"] == device
    again = make_client(http_session, sim_url, "demo.eleve", trust=client.trust)
    assert (await again.login()).id == "2345"
