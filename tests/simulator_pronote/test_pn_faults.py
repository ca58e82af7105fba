"""Fault switches: one-shot errors, expiry, latency, suspension (Pronote protocol §3.6, 10.3)."""

from __future__ import annotations

import asyncio
import time

import pytest

from simulator.pronote import PronoteSimulator
from simulator.pronote.faults import Faults, check_error

from .helpers import USERNAME, Wire


@pytest.fixture
async def student(wire: Wire) -> Wire:
    await wire.ready()
    return wire


@pytest.mark.parametrize(
    ("fault", "code", "session_survives"),
    [
        ("page_expired", 11, False),
        ("session_expired", 10, False),
        ("expired_object", 22, True),
        ("access_denied", 3, True),
        ("unavailable", 21, True),
        ("too_many_attempts", 25, True),
    ],
)
async def test_function_errors_are_answered_once(
    student: Wire, sim: PronoteSimulator, fault: str, code: int, session_survives: bool
) -> None:
    sim.faults.next_errors.append(fault)
    reply = await student.post("Navigation", {"onglet": 7}, onglet=7)
    assert reply.error == code
    assert sim.faults.next_errors == []
    after = await student.post("Navigation", {"onglet": 7}, onglet=7)
    if session_survives:
        assert after.payload == {"data": {}}
    else:
        assert after.error == code


async def test_too_many_attempts_carries_a_retry_delay(
    student: Wire, sim: PronoteSimulator
) -> None:
    sim.faults.next_errors.append("too_many_attempts")
    no = student.cipher.encrypt_hex(str(student.order))
    body = {"session": int(student.h), "no": no, "id": "Navigation", "dataSec": student.encode({})}
    response = await student.raw(body, no)
    student.order += 2
    assert response.headers["Retry-After"] == "300"
    erreur = (await response.json())["Erreur"]
    assert erreur["G"] == 25
    assert "5 minutes" in erreur["Titre"]


async def test_fault_targeting_one_function(student: Wire, sim: PronoteSimulator) -> None:
    sim.faults.next_errors.append("expired_object:DernieresNotes")
    assert (await student.post("Navigation", {}, onglet=7)).payload is not None
    assert (await student.post("DernieresNotes", {}, onglet=198)).error == 22
    assert sim.faults.next_errors == []


async def test_page_faults_inside_calls(student: Wire, sim: PronoteSimulator) -> None:
    expected = student.order
    sim.faults.next_errors.append("ip_suspended")
    reply = await student.post("Navigation", {}, onglet=7)
    assert "adresse IP" in reply.body["html"]
    sim.faults.next_errors.append("http_500")
    assert (await student.post("Navigation", {}, onglet=7)).status == 500
    sim.faults.next_errors.append("site_busy:page")
    student.order = expected  # the two calls above never reached the session
    assert (await student.post("Navigation", {}, onglet=7)).payload is not None
    assert sim.faults.next_errors == ["site_busy:page"]
    sim.faults.site_closed = True
    assert "pas disponible" in (await student.post("Navigation", {}, onglet=7)).body["html"]


async def test_bad_challenge(wire: Wire, sim: PronoteSimulator) -> None:
    sim.faults.next_errors.append("bad_challenge")
    assert (await wire.login()).data == {"Acces": 1}
    assert "cle" in (await wire.login()).data
    sim.challenge_variant = "alea"
    sim.faults.next_errors.append("bad_challenge")
    with pytest.raises(ValueError):  # noqa: PT011 - CryptoError or a non UTF-8 plaintext
        await wire.login(answer="legacy")


async def test_expire_sessions(student: Wire, sim: PronoteSimulator) -> None:
    sim.expire_sessions()
    assert (await student.post("Navigation", {}, onglet=7)).error == 10
    assert sim.sessions.count() == 0
    fresh = Wire(student.client, sim)
    assert await fresh.ready()


async def test_idle_sessions_expire(student: Wire, sim: PronoteSimulator) -> None:
    sim.session_ttl = 0.01
    await asyncio.sleep(0.02)
    assert (await student.post("Navigation", {}, onglet=7)).error == 10


async def test_latency(student: Wire, sim: PronoteSimulator) -> None:
    sim.faults.latency = 0.05
    started = time.monotonic()
    await student.call("Navigation", 7, {})
    assert time.monotonic() - started >= 0.05


def test_fault_names_are_checked() -> None:
    assert check_error("page_expired:PageMenus") == "page_expired:PageMenus"
    with pytest.raises(ValueError, match="unknown fault"):
        check_error("nope")
    faults = Faults(latency=1, next_errors=["page_expired"], ip_suspended=True)
    faults.reset()
    assert faults == Faults()


async def test_reset_restores_everything(student: Wire, sim: PronoteSimulator) -> None:
    sim.set_2fa_required(USERNAME, True)
    sim.envelope_scheme = "legacy"
    sim.faults.next_errors.append("page_expired")
    sim.reset()
    assert sim.envelope_scheme == "2025"
    assert sim.challenge_variant == "no_alea"
    assert sim.faults.next_errors == []
    assert sim.requests == []
    assert sim.security(USERNAME).twofa_mode == "off"
    assert (await student.post("Navigation", {}, onglet=7)).error == 10
