"""What a real EcoleDirecte server does on a bad day never empties a list or asks for a password.

A maintenance notice served with status 200, an answer cut short and a session lost right
after login each raise a typed, retryable error; the next call once the fault is gone reads
the same data as before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import aiohttp
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    ServerUnavailableError,
    SessionExpiredError,
)
from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import logged_in, make_client

STUDENT = "2400"
Read = Callable[[EcoleDirecteClient, EcoleDirecteSimulator], Awaitable[object]]
READS: dict[str, Read] = {
    "timetable": lambda client, sim: client.timetable(
        STUDENT, sim.today - timedelta(days=7), sim.today + timedelta(days=7)
    ),
    "homework": lambda client, sim: client.homework(
        STUDENT, sim.today, sim.today + timedelta(days=21)
    ),
    "grades": lambda client, sim: client.grades(STUDENT),
    "school life": lambda client, sim: client.school_life(STUDENT),
    "mailbox": lambda client, sim: client.mailbox(STUDENT),
    "wallets": lambda client, sim: client.wallets(),
}


async def _client(
    http_session: aiohttp.ClientSession, sim_url: str, sim: EcoleDirecteSimulator
) -> EcoleDirecteClient:
    return await logged_in(http_session, sim_url, sim, "simple.eleve")


@pytest.mark.parametrize("read", list(READS))
async def test_maintenance_page_with_status_200_is_server_unavailable(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, read: str
) -> None:
    client = await _client(http_session, sim_url, sim)
    whole = await READS[read](client, sim)
    sim.faults.maintenance_next = 1
    with pytest.raises(ServerUnavailableError, match="HTML page"):
        await READS[read](client, sim)
    assert await READS[read](client, sim) == whole


@pytest.mark.parametrize("read", list(READS))
async def test_truncated_answer_is_server_unavailable_and_the_next_read_is_whole(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, read: str
) -> None:
    client = await _client(http_session, sim_url, sim)
    whole = await READS[read](client, sim)
    sim.faults.malformed_next = 1
    with pytest.raises(ServerUnavailableError, match="cut short"):
        await READS[read](client, sim)
    assert await READS[read](client, sim) == whole


async def test_maintenance_page_on_login_is_not_a_wrong_password(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    sim.faults.maintenance_next = 2  # the GTK pre-call, then the login itself
    client = make_client(http_session, sim_url, "simple.eleve")
    with pytest.raises(ServerUnavailableError):
        await client.login()
    sim.faults.maintenance_next = 0
    assert (await client.login()).id == STUDENT


@pytest.mark.parametrize("read", list(READS))
async def test_session_gone_again_after_the_new_login_is_session_expired(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, read: str
) -> None:
    """EcoleDirecte answers code 520 for a session it lost; the password is not in doubt."""
    client = await _client(http_session, sim_url, sim)
    whole = await READS[read](client, sim)
    sim.faults.lose_sessions = 2  # the session of the call, then the one of the new login
    with pytest.raises(SessionExpiredError):
        await READS[read](client, sim)
    assert await READS[read](client, sim) == whole


async def test_session_lost_right_after_login_is_not_a_wrong_password(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "simple.eleve")
    await client.login()
    sim.faults.lose_sessions = 2
    with pytest.raises(SessionExpiredError):
        await client.grades(STUDENT)
    assert (await client.grades(STUDENT)).grades


async def test_a_wrong_password_is_still_invalid_credentials(
    http_session: aiohttp.ClientSession, sim_url: str
) -> None:
    with pytest.raises(InvalidCredentialsError):
        await make_client(http_session, sim_url, "simple.eleve", password="wrong").login()
