"""What a real Lectio server does on a bad day never empties a list or asks for a password.

A maintenance notice served with status 200, a page cut short and a session lost right after
login each raise a typed, retryable error, and the data read a moment before stays valid.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.lectio import LectioClient
from custom_components.schoolbag.client.lectio.page_ages import GRADE_REPORT_MAX_AGE
from simulator.lectio import LectioSimulator

from .conftest import DEMO_ELEVID, TODAY, MakeClient

_RANGE = (TODAY - timedelta(days=7), TODAY + timedelta(days=21))
READS: dict[str, Callable[[LectioClient], Awaitable[object]]] = {
    "homework": lambda client: client.homework(DEMO_ELEVID, *_RANGE),
    "grades": lambda client: client.grades(DEMO_ELEVID),
    "school life": lambda client: client.school_life(DEMO_ELEVID),
    "mailbox": lambda client: client.mailbox(DEMO_ELEVID),
}


@pytest.mark.parametrize("read", list(READS))
async def test_maintenance_page_with_status_200_is_server_unavailable(
    make_client: MakeClient, sim: LectioSimulator, read: str
) -> None:
    client = make_client()
    await client.login()
    sim.faults.next_errors.append("maintenance")
    with pytest.raises(ServerUnavailableError, match="incomplete page or a notice"):
        await READS[read](client)


@pytest.mark.parametrize("read", list(READS))
async def test_truncated_page_is_server_unavailable_and_the_next_read_is_whole(
    make_client: MakeClient, sim: LectioSimulator, read: str
) -> None:
    # Hours pass between the reads: nothing is served from the client's caches.
    clock = [0.0]
    client = make_client(clock=lambda: clock[0])
    await client.login()
    whole = await READS[read](client)
    clock[0] += GRADE_REPORT_MAX_AGE
    sim.faults.truncate_pages = 1
    with pytest.raises(ServerUnavailableError):
        await READS[read](client)
    assert await READS[read](client) == whole


async def test_session_lost_right_after_login_is_not_a_wrong_password(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    sim.faults.lose_sessions = 1
    with pytest.raises(SessionExpiredError):
        await make_client().login()
    # The password was right all along: the next attempt logs in.
    assert (await make_client().login()).students


async def test_a_wrong_password_is_still_invalid_credentials(make_client: MakeClient) -> None:
    with pytest.raises(InvalidCredentialsError):
        await make_client(password="wrong").login()
