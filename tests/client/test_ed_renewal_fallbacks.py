"""Token renewal that goes wrong: a garbled answer, or the school in maintenance."""

from __future__ import annotations

from collections.abc import Callable

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import ServerUnavailableError
from custom_components.schoolbag.client.protocol import Credentials
from simulator.ecoledirecte import EcoleDirecteSimulator

from .fake_server import TOKEN, FakeServer, Recorded, empty_data, envelope
from .helpers import logged_in, paths

ACCESS = "access-" + "s" * 30
SCHOOL_LIFE = "eleves/2345/viescolaire.awp"


def _renewals(sim: EcoleDirecteSimulator, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the access token of every renewal the simulator checks."""
    seen: list[str] = []
    check = sim.access_tokens.check

    def recording(username: str, device: str, token: str) -> bool:
        seen.append(token)
        return check(username, device, token)

    monkeypatch.setattr(sim.access_tokens, "check", recording)
    return seen


@pytest.mark.parametrize(
    "garbled",
    [
        lambda: web.Response(text="Bad request"),
        lambda: web.json_response({"message": "no code"}),
    ],
    ids=["text", "no-code"],
)
async def test_garbled_renewal_answer_falls_back_to_the_password(
    http_session: aiohttp.ClientSession,
    fake: FakeServer,
    fake_url: str,
    garbled: Callable[[], web.Response],
) -> None:
    """A renewal answer that cannot be read is a refusal: log in with the password instead."""
    fake.accounts[0]["accessToken"] = ACCESS
    data_codes = [525]

    def login(request: Recorded) -> web.StreamResponse:
        if request.query.get("gtk"):
            return fake._default(request)
        if request.payload["isReLogin"]:
            return garbled()
        return envelope(data={"changementMDP": False, "accounts": fake.accounts})

    def school_life(_: Recorded) -> web.StreamResponse:
        return (
            envelope(data_codes.pop(0), None, token="")
            if data_codes
            else envelope(data=empty_data(SCHOOL_LIFE))
        )

    fake.handlers["login.awp"] = login
    fake.handlers[SCHOOL_LIFE] = school_life
    client = EcoleDirecteClient(http_session, Credentials("jdupont", "secret"), base_url=fake_url)
    await client.login()
    assert await client.school_life("2345") is not None
    logins = [r for r in fake.requests if r.path == "login.awp" and not r.query.get("gtk")]
    assert [login.payload["isReLogin"] for login in logins] == [False, True, False]
    assert logins[-1].payload["motdepasse"] == "secret"
    assert fake.paths()[-1] == SCHOOL_LIFE
    assert fake.requests[-1].headers["X-Token"] == TOKEN


async def test_maintenance_during_renewal_keeps_the_access_token(
    http_session: aiohttp.ClientSession,
    sim: EcoleDirecteSimulator,
    sim_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 535 on the renewal is reported, and the next call renews again (no password login)."""
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    renewals = _renewals(sim, monkeypatch)
    sim.faults.next_codes = [525, 535]  # the data call, then the renewal
    with pytest.raises(ServerUnavailableError):
        await client.grades("2345")
    assert renewals == []  # the forced 535 answered before any token check
    before = len(sim.requests)
    assert (await client.grades("2345")).grades
    assert paths(sim, before) == [
        "login.awp",
        "login.awp",
        "eleves/2345/notes.awp",
    ]
    assert len(renewals) == 1
