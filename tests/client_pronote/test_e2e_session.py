"""Session reuse, keep-alive, expiry and transparent re-login."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import DoubleAuthRequiredError, NotSupportedError
from custom_components.schoolbag.client.pronote import PronoteClient
from custom_components.schoolbag.client.protocol import Credentials
from simulator.pronote import PronoteSimulator

from ..fake_time import FakeClock
from .helpers import USERNAME, functions, make_client

LOGIN = [
    "page",
    "FonctionParametres",
    "Identification",
    "Authentification",
    "ParametresUtilisateur",
]


async def test_session_is_reused_between_calls(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    student = account.students[0]
    await client.homework(student.id, sim.today, sim.today + timedelta(days=7))
    await client.login()
    await client.mailbox(student.id)
    assert functions(sim) == [*LOGIN, "PageCahierDeTexte", "ListeMessagerie"]
    assert client.request_count == 7


async def test_data_call_logs_in_first(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root, "parent")
    with pytest.raises(NotSupportedError, match="not part"):
        await client.mailbox("unknown")
    assert functions(sim) == LOGIN
    assert client.account is not None


@pytest.mark.parametrize(
    ("scheme", "version", "ping"),
    [
        ("2025", "", "Navigation"),
        ("legacy", "", "Navigation"),
        ("legacy", "2024.1.1.1", "Presence"),
    ],
)
async def test_keep_alive(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    scheme: str,
    version: str,
    ping: str,
) -> None:
    sim.envelope_scheme, sim.version_override = scheme, version
    clock = FakeClock()
    client = make_client(http_session, root, "parent", clock=clock)
    assert not await client.keep_alive()  # nothing to keep before a login
    assert sim.requests == []
    await client.login()
    start = len(sim.requests)
    clock.now += 60
    assert await client.keep_alive()
    assert sim.requests[start:] == []  # recent activity is enough
    clock.now += 60
    assert await client.keep_alive()
    assert functions(sim, start) == [ping]
    clock.now += 30
    assert await client.keep_alive()
    assert functions(sim, start) == [ping]


async def test_keep_alive_on_an_expired_session_does_not_log_in(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    account = await client.login()
    sim.expire_sessions()
    clock.now += 300
    start = len(sim.requests)
    assert not await client.keep_alive()
    assert functions(sim, start) == ["Navigation"]
    assert not await client.keep_alive()
    assert functions(sim, start) == ["Navigation"]
    # The next data call logs in again.
    await client.mailbox(account.students[0].id)
    assert functions(sim, start) == ["Navigation", *LOGIN, "ListeMessagerie"]


async def test_a_session_idle_as_long_as_one_that_died_is_not_tried(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0].id

    # Twenty idle minutes, and the server had ended the session: one call is lost.
    clock.now += 1200
    sim.expire_sessions()
    start = len(sim.requests)
    await client.mailbox(student)
    assert functions(sim, start) == ["ListeMessagerie", *LOGIN, "ListeMessagerie"]

    # After twenty idle minutes again, the client logs in first.
    clock.now += 1200
    start = len(sim.requests)
    await client.mailbox(student)
    assert functions(sim, start) == [*LOGIN, "ListeMessagerie"]

    # Shorter pauses keep the session.
    clock.now += 600
    start = len(sim.requests)
    await client.mailbox(student)
    assert functions(sim, start) == ["ListeMessagerie"]


async def test_a_session_lost_after_a_short_pause_teaches_nothing(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    student = (await client.login()).students[0].id
    # A server restart two minutes after the login.
    clock.now += 120
    sim.expire_sessions()
    await client.mailbox(student)

    clock.now += 1200
    start = len(sim.requests)
    await client.mailbox(student)
    assert functions(sim, start) == ["ListeMessagerie"]


async def test_keep_alive_swallows_errors(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    clock = FakeClock()
    client = make_client(http_session, root, clock=clock)
    await client.login()
    clock.now += 300
    sim.faults.next_errors.append("http_503")
    assert not await client.keep_alive()
    assert not await client.keep_alive()  # the session is given up


@pytest.mark.parametrize("fault", ["session_expired", "page_expired", "expired_object"])
async def test_transparent_relogin(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, fault: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    start = len(sim.requests)
    sim.faults.next_errors.append(f"{fault}:PageEmploiDuTemps")
    today = sim.today - timedelta(days=sim.today.weekday())
    lessons = await client.timetable(account.students[0].id, today, today + timedelta(days=4))
    assert lessons
    assert functions(sim, start) == ["PageEmploiDuTemps", *LOGIN, "PageEmploiDuTemps"]
    assert client.account == account


async def test_expiry_relogin_by_token_rotates_and_reports_the_token(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    qr, pin = sim.qr_login("eleve")
    saved: list[dict[str, str]] = []
    client = PronoteClient(
        http_session,
        Credentials("", pin),
        url=qr["url"],
        login_mode="qr",
        qr_code=qr,
        on_trust_change=saved.append,
    )
    account = await client.login()
    before = client.trust["token"]
    sim.expire_sessions()
    await client.mailbox(account.students[0].id)
    assert client.trust["token"] != before
    assert saved[-1]["token"] == client.trust["token"] == sim.mobile_token(USERNAME, "eleve")


async def test_relogin_that_needs_the_pin_is_reported(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    sim.set_2fa_required(USERNAME, True)
    sim.forget_devices(USERNAME)
    sim.expire_sessions()
    with pytest.raises(DoubleAuthRequiredError):
        await client.mailbox(account.students[0].id)
    assert await client.answer_challenge(sim.pin(USERNAME)) == account
    assert (await client.mailbox(account.students[0].id)).unread


async def test_listener_failure_does_not_break_the_login(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    def broken(trust: dict[str, str]) -> None:
        raise OSError("disk full")

    client = make_client(http_session, root, on_trust_change=broken)
    await client.login()
    assert "nav" in client.trust


async def test_concurrent_calls_are_serialised(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.faults.latency = 0.01
    client = make_client(http_session, root)
    student = (await client.login()).students[0]
    week = sim.today + timedelta(days=7)
    results = await asyncio.gather(
        client.timetable(student.id, sim.today, week),
        client.homework(student.id, sim.today, week),
        client.grades(student.id),
        client.school_life(student.id),
    )
    assert all(results)
    assert functions(sim).count("page") == 1
