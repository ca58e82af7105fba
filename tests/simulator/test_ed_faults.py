"""Fault injection: forced codes, HTTP errors, malformed bodies, IP flag, latency.

See EcoleDirecte protocol §6.6.
"""

from __future__ import annotations

import json
import time

import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import SIMPLE, EdClient


@pytest.fixture
async def student(ed: EdClient) -> EdClient:
    assert (await ed.login(*SIMPLE[:2])).code == 200
    return ed


@pytest.mark.parametrize("code", [210, 517, 520, 522, 525, 535])
async def test_next_code_is_answered_once(
    student: EdClient, sim: EcoleDirecteSimulator, code: int
) -> None:
    sim.faults.next_codes.append(code)
    forced = await student.call("eleves/2400/notes.awp", {}, token=student.token)
    assert forced.code == code
    assert forced.data is None
    assert sim.faults.next_codes == []
    after = await student.call("eleves/2400/notes.awp", {})
    if code in (520, 525):
        assert after.code == code  # the presented token was really invalidated / expired
    else:
        assert after.code == 200


async def test_next_code_on_login_skips_gtk_precall(
    ed: EdClient, sim: EcoleDirecteSimulator
) -> None:
    sim.faults.next_codes.append(535)
    answer = await ed.login(*SIMPLE[:2])
    assert answer.code == 535
    sim.faults.next_codes.append(505)
    rejected = await ed.login(*SIMPLE[:2])
    assert rejected.data == {"changementMDP": False, "accounts": []}
    assert (await ed.login(*SIMPLE[:2])).code == 200


@pytest.mark.parametrize("status", [500, 503])
async def test_next_http_status_answers_html(
    student: EdClient, sim: EcoleDirecteSimulator, status: int
) -> None:
    sim.faults.next_http_status.append(status)
    response = await student.raw("eleves/2400/notes.awp", "data={}")
    assert response.status == status
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<html>" in await response.text()
    assert (await student.call("eleves/2400/notes.awp", {})).code == 200


async def test_malformed_next(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.faults.malformed_next = 2
    for _ in range(2):
        response = await student.raw("eleves/2400/notes.awp", "data={}")
        assert response.status == 200
        with pytest.raises(json.JSONDecodeError):
            json.loads(await response.text())
    assert sim.faults.malformed_next == 0
    assert (await student.call("eleves/2400/notes.awp", {})).code == 200


async def test_ip_flagged(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.faults.ip_flagged = True
    for path in ("login.awp?gtk=1", "eleves/2400/notes.awp"):
        response = await ed.client.post(f"/v3/{path}", data="data={}")
        assert response.status == 403
        assert "<html>" in await response.text()
    sim.faults.ip_flagged = False
    assert (await ed.login(*SIMPLE[:2])).code == 200


async def test_latency(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.faults.latency = 0.2
    started = time.monotonic()
    await student.call("eleves/2400/notes.awp", {})
    assert time.monotonic() - started >= 0.2


async def test_requests_are_recorded_in_order(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    await ed.login(*SIMPLE[:2])
    await ed.call("Eleves/2400/cahierdetexte.awp", {}, verbe="get")
    await ed.call("Eleves/2400/cahierdetexte.awp", {"idDevoirsEffectues": []}, verbe="put")
    assert sim.requests == [
        ("/v3/login.awp", ""),
        ("/v3/login.awp", ""),
        ("/v3/Eleves/2400/cahierdetexte.awp", "get"),
        ("/v3/Eleves/2400/cahierdetexte.awp", "put"),
    ]


async def test_only_post_except_gtk(ed: EdClient) -> None:
    response = await ed.client.get("/v3/eleves/2400/notes.awp")
    assert response.status == 405
