"""What a real Pronote server does on a bad day never empties a list or asks for a password.

A maintenance notice served with status 200, an answer cut short, a session the server
forgot (Erreur 10, or "La page a expiré") and a session lost right after login each raise a
typed, retryable error; the next call once the fault is gone reads the same data as before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.pronote import PronoteClient
from simulator.pronote import PronoteSimulator

from .helpers import make_client

TODAY = date(2026, 3, 25)
_RANGE = (TODAY - timedelta(days=7), TODAY + timedelta(days=14))
Read = Callable[[PronoteClient, str], Awaitable[object]]
READS: dict[str, Read] = {
    "timetable": lambda client, student: client.timetable(student, *_RANGE),
    "homework": lambda client, student: client.homework(student, *_RANGE),
    "grades": lambda client, student: client.grades(student),
    "school life": lambda client, student: client.school_life(student),
    "mailbox": lambda client, student: client.mailbox(student),
    "information": lambda client, student: client.information(student),
    "evaluations": lambda client, student: client.evaluations(student),
}


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulator on a pinned day, so that nothing depends on the clock."""
    return PronoteSimulator(today=TODAY)


async def _read_whole(
    http_session: aiohttp.ClientSession, root: str, read: str
) -> tuple[PronoteClient, str, object]:
    """The data of a first client, and a second client logged in whose next call is the read.

    The second client has read nothing yet: no week of its timetable is kept, so the read
    reaches the server whatever the real date.
    """
    first = make_client(http_session, root)
    student = (await first.login()).students[0].id
    whole = await READS[read](first, student)
    client = make_client(http_session, root)
    await client.login()
    return client, student, whole


@pytest.mark.parametrize("read", list(READS))
async def test_maintenance_page_with_status_200_is_server_unavailable(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, read: str
) -> None:
    client, student, whole = await _read_whole(http_session, root, read)
    sim.faults.next_errors.append("maintenance")
    with pytest.raises(ServerUnavailableError, match="maintenance notice"):
        await READS[read](client, student)
    assert await READS[read](client, student) == whole


@pytest.mark.parametrize("read", list(READS))
async def test_truncated_answer_is_server_unavailable_and_the_next_read_is_whole(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, read: str
) -> None:
    client, student, whole = await _read_whole(http_session, root, read)
    sim.faults.next_errors.append("truncated")
    with pytest.raises(ServerUnavailableError, match="cut short"):
        await READS[read](client, student)
    assert await READS[read](client, student) == whole


@pytest.mark.parametrize("fault", ["session_expired", "page_expired"])
@pytest.mark.parametrize("read", list(READS))
async def test_session_forgotten_twice_is_session_expired_not_a_wrong_password(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, read: str, fault: str
) -> None:
    """Erreur 10/11 is what Pronote answers once it forgot the session: log in again."""
    client, student, whole = await _read_whole(http_session, root, read)
    sim.faults.next_errors.extend([fault, fault])
    with pytest.raises(SessionExpiredError):
        await READS[read](client, student)
    assert await READS[read](client, student) == whole


async def test_maintenance_page_instead_of_the_login_page_is_server_unavailable(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.next_errors.append("maintenance:page")
    client = make_client(http_session, root)
    with pytest.raises(ServerUnavailableError):
        await client.login()
    assert (await client.login()).students


async def test_session_lost_right_after_login_is_not_a_wrong_password(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.lose_sessions = 1
    client = make_client(http_session, root)
    with pytest.raises(SessionExpiredError):
        await client.login()
    account = await client.login()
    assert (await client.grades(account.students[0].id)).grades


async def test_a_wrong_password_is_still_invalid_credentials(
    http_session: aiohttp.ClientSession, root: str
) -> None:
    with pytest.raises(InvalidCredentialsError):
        await make_client(http_session, root, password="wrong").login()
