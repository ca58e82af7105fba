"""What a real ScoDoc server does on a bad day never empties a list or asks for a password.

A maintenance notice served with status 200, an answer cut short, the web login form a lost
session is redirected to, and a token dead right after it was issued each raise a typed,
retryable error; the next call once the fault is gone reads the same data as before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.scodoc import ScoDocClient
from simulator.scodoc import ScoDocSimulator

from .conftest import ALICE, MakeClient

TODAY = date(2026, 3, 25)
READS: dict[str, Callable[[ScoDocClient], Awaitable[object]]] = {
    "grades": lambda client: client.grades(ALICE),
    "school life": lambda client: client.school_life(ALICE),
    "semesters": lambda client: client.semesters(ALICE),
}
# Requests a read sends at once (the attendance and its justifications).
AT_ONCE = {"school life": 2}


@pytest.fixture
def sim() -> ScoDocSimulator:
    """The simulator on a pinned day, so that the current semester never depends on the clock."""
    return ScoDocSimulator(today=TODAY)


async def _client(make_client: MakeClient) -> ScoDocClient:
    client = make_client(today=lambda: TODAY)
    await client.login()
    return client


@pytest.mark.parametrize("read", list(READS))
async def test_maintenance_page_with_status_200_is_server_unavailable(
    make_client: MakeClient, sim: ScoDocSimulator, read: str
) -> None:
    client = await _client(make_client)
    whole = await READS[read](client)
    sim.faults.next_errors.append("bad_json")
    with pytest.raises(ServerUnavailableError, match="HTML page"):
        await READS[read](client)
    assert await READS[read](client) == whole


@pytest.mark.parametrize("read", list(READS))
async def test_truncated_answer_is_server_unavailable_and_the_next_read_is_whole(
    make_client: MakeClient, sim: ScoDocSimulator, read: str
) -> None:
    client = await _client(make_client)
    whole = await READS[read](client)
    sim.faults.next_errors.append("truncated")
    with pytest.raises(ServerUnavailableError, match="cut short"):
        await READS[read](client)
    assert await READS[read](client) == whole


@pytest.mark.parametrize("read", list(READS))
async def test_login_form_shown_again_is_session_expired_not_a_wrong_password(
    make_client: MakeClient, sim: ScoDocSimulator, read: str
) -> None:
    client = await _client(make_client)
    whole = await READS[read](client)
    # Each request in flight meets the form, and again after its token was renewed.
    sim.faults.next_errors.extend(["login_page", "login_page"] * AT_ONCE.get(read, 1))
    with pytest.raises(SessionExpiredError):
        await READS[read](client)
    assert await READS[read](client) == whole


async def test_login_form_once_is_answered_by_a_new_token(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = await _client(make_client)
    whole = await client.grades(ALICE)
    sim.faults.next_errors.append("login_page")
    assert await client.grades(ALICE) == whole


async def test_session_dead_right_after_login_is_session_expired(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    sim.faults.lose_sessions = 2  # the token of the login, then the one fetched again
    client = make_client(today=lambda: TODAY)
    with pytest.raises(SessionExpiredError):
        await client.login()
    assert (await client.login()).students


async def test_a_wrong_password_is_still_invalid_credentials(make_client: MakeClient) -> None:
    with pytest.raises(InvalidCredentialsError):
        await make_client(password="wrong").login()
