"""Token validation, expiry, scoping and token handling on data routes.

See EcoleDirecte protocol §6.4.
"""

from __future__ import annotations

import asyncio

from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import PARENT, SIMPLE, STUDENT, EdClient


async def test_missing_or_unknown_token_answers_520(ed: EdClient) -> None:
    missing = await ed.call("eleves/2400/notes.awp", {"anneeScolaire": ""}, token="")
    assert (missing.code, missing.token, missing.data) == (520, "", None)
    unknown = await ed.call("eleves/2400/notes.awp", {}, token="x" * 300)
    assert unknown.code == 520


async def test_expire_tokens_answers_525_until_relogin(
    ed: EdClient, sim: EcoleDirecteSimulator
) -> None:
    logged = await ed.login(*SIMPLE[:2])
    token = logged.token
    assert (await ed.call("eleves/2400/notes.awp", {})).code == 200
    sim.expire_tokens()
    expired = await ed.call("eleves/2400/notes.awp", {}, token=token)
    assert expired.code == 525
    assert expired.token == ""
    assert expired.data is None
    assert expired.body["message"] == "Session expirée"
    assert (await ed.call("eleves/2400/notes.awp", {}, token=token)).code == 525
    await ed.login(*SIMPLE[:2])
    assert (await ed.call("eleves/2400/notes.awp", {})).code == 200


async def test_idle_ttl_expires_tokens(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    assert sim.token_ttl == 20 * 60
    await ed.login(*SIMPLE[:2])
    sim.token_ttl = 0.05
    assert (await ed.call("eleves/2400/viescolaire.awp", {})).code == 200
    await asyncio.sleep(0.1)
    assert (await ed.call("eleves/2400/viescolaire.awp", {})).code == 525


async def test_success_returns_token_in_header_and_body(ed: EdClient) -> None:
    await ed.login(*SIMPLE[:2])
    answer = await ed.call("eleves/2400/viescolaire.awp", {})
    assert answer.token == ed.token
    assert answer.headers["X-Token"] == answer.token
    assert answer.headers["Content-Type"] == "application/json; charset=UTF-8"
    assert answer.body["host"] == "HTTPSIM"


async def test_student_scope(ed: EdClient) -> None:
    await ed.full_login(*STUDENT[:2])
    assert (await ed.call("eleves/2345/notes.awp", {})).code == 200
    for path in ("eleves/2400/notes.awp", "E/3456/emploidutemps.awp", "familles/9001/messages.awp"):
        other = await ed.call(path, {})
        assert other.code == 210, path
        assert other.data is None


async def test_family_scope(ed: EdClient) -> None:
    await ed.full_login(*PARENT[:2])
    for child in (3456, 3457):
        assert (await ed.call(f"eleves/{child}/notes.awp", {})).code == 200
    assert (await ed.call("familles/9001/messages.awp", {})).code == 200
    assert (await ed.call("eleves/2345/notes.awp", {})).code == 210


async def test_user_agent_binding(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    await ed.login(*SIMPLE[:2])
    other_ua = {"User-Agent": "Android EDMOBILE v7.0.1"}
    assert (await ed.call("eleves/2400/notes.awp", {}, headers=other_ua)).code == 200
    sim.bind_user_agent = True
    assert (await ed.call("eleves/2400/notes.awp", {}, headers=other_ua)).code == 520


async def test_token_rotation(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.rotate_tokens = True
    logged = await ed.login(*SIMPLE[:2])
    first = await ed.call("eleves/2400/notes.awp", {})
    assert first.code == 200
    assert first.token != logged.token
    stale = await ed.call("eleves/2400/notes.awp", {}, token=logged.token)
    assert stale.code == 520
    assert (await ed.call("eleves/2400/notes.awp", {})).code == 200
