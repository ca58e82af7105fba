"""Helpers for the end-to-end tests against the simulated server."""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import DoubleAuthRequiredError
from custom_components.schoolbag.client.models import Challenge
from custom_components.schoolbag.client.protocol import Credentials
from simulator.ecoledirecte import EcoleDirecteSimulator

PASSWORDS = {"demo.eleve": "demo", "demo.parent": "demo", "simple.eleve": "motdepasse+&%"}


def make_client(
    session: aiohttp.ClientSession,
    url: str,
    username: str,
    *,
    password: str | None = None,
    trust: Mapping[str, str] | None = None,
    **kwargs: object,
) -> EcoleDirecteClient:
    """A client for a demo user of the simulator."""
    credentials = Credentials(
        username, PASSWORDS[username] if password is None else password, trust=trust or {}
    )
    return EcoleDirecteClient(session, credentials, base_url=url, **kwargs)  # type: ignore[arg-type]


def right_option(challenge: Challenge, sim: EcoleDirecteSimulator, username: str) -> str:
    """The option value (base64, as received) of the expected answer."""
    answer = sim.qcm_answer(username)
    return next(option.value for option in challenge.options if option.label == answer)


async def logged_in(
    session: aiohttp.ClientSession, url: str, sim: EcoleDirecteSimulator, username: str
) -> EcoleDirecteClient:
    """A client logged in as ``username``, answering the QCM if asked."""
    client = make_client(session, url, username)
    try:
        await client.login()
    except DoubleAuthRequiredError as err:
        await client.answer_challenge(right_option(err.challenge, sim, username))
    return client


def paths(sim: EcoleDirecteSimulator, since: int = 0) -> list[str]:
    """Request paths (without ``/v3/``) the simulator saw since index ``since``."""
    return [path.removeprefix("/v3/") for path, _ in sim.requests[since:]]
