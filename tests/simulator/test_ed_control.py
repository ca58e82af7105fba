"""The HTTP control surface under /_sim/ecoledirecte (never under /v3)."""

from __future__ import annotations

from datetime import timedelta

from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import SIMPLE, STUDENT, EdClient


async def test_status_and_requests(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    index = await (await ed.client.get("/_sim")).json()
    assert index["platforms"]["ecoledirecte"]["api"] == "/v3"
    status = await (await ed.client.get("/_sim/ecoledirecte")).json()
    assert status["today"] == sim.today.isoformat()
    assert {a["username"] for a in status["accounts"]} == {
        "demo.eleve",
        "demo.parent",
        "simple.eleve",
    }
    await ed.login(*SIMPLE[:2])
    listed = await (await ed.client.get("/_sim/ecoledirecte/requests")).json()
    assert listed["count"] == 2
    assert listed["requests"][0] == {"path": "/v3/login.awp", "verbe": ""}
    await ed.client.post("/_sim/ecoledirecte/requests/clear")
    assert sim.requests == []


async def test_fault_controls(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    post = ed.client.post
    assert (await (await post("/_sim/ecoledirecte/latency?ms=50")).json())["latency"] == 0.05
    await post("/_sim/ecoledirecte/next_code?code=525")
    await post("/_sim/ecoledirecte/next_code", json={"code": 535, "count": 2})
    assert sim.faults.next_codes == [525, 535, 535]
    await post("/_sim/ecoledirecte/next_http_status?status=503")
    assert sim.faults.next_http_status == [503]
    await post("/_sim/ecoledirecte/malformed?count=3")
    assert sim.faults.malformed_next == 3
    await post("/_sim/ecoledirecte/ip_flagged?on=1")
    assert sim.faults.ip_flagged
    mode = await (await post("/_sim/ecoledirecte/mode?strict_2fa=1&rotate_tokens=1")).json()
    assert mode["strict_2fa_token"] is True
    assert sim.rotate_tokens
    await post("/_sim/ecoledirecte/reset")
    status = await (await ed.client.get("/_sim/ecoledirecte")).json()
    assert status["faults"] == {
        "latency": 0.0,
        "next_codes": [],
        "next_http_status": [],
        "malformed_next": 0,
        "ip_flagged": False,
        "strict_2fa_token": False,
    }
    assert status["settings"]["rotate_tokens"] is False
    bad = await post("/_sim/ecoledirecte/next_code?code=abc")
    assert bad.status == 400


async def test_expire_and_qcm_controls(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    await ed.login(*SIMPLE[:2])
    await ed.client.post("/_sim/ecoledirecte/expire")
    assert (await ed.call("eleves/2400/notes.awp", {})).code == 525
    await ed.client.post("/_sim/ecoledirecte/qcm?username=simple.eleve&required=1")
    assert (await ed.login(*SIMPLE[:2])).code == 250
    unknown = await ed.client.post("/_sim/ecoledirecte/qcm?username=ghost")
    assert unknown.status == 400

    _, fa = await ed.full_login(*STUDENT[:2])
    await ed.client.post("/_sim/ecoledirecte/revoke_trust?username=demo.eleve")
    assert (await ed.login(*STUDENT[:2], fa=fa)).code == 250


async def test_data_controls(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    grade = await ed.client.post("/_sim/ecoledirecte/grade?student=2400&subject=MATHS&value=18")
    grade_id = (await grade.json())["id"]
    due = (sim.today + timedelta(days=2)).isoformat()
    homework = await ed.client.post(
        "/_sim/ecoledirecte/homework",
        json={"student": 2400, "due": due, "subject": "FRANCAIS", "html": "<p>Lire</p>"},
    )
    homework_id = (await homework.json())["id"]
    await ed.login(*SIMPLE[:2])
    notes = (await ed.call("eleves/2400/notes.awp", {})).data["notes"]
    assert grade_id in [n["id"] for n in notes]
    upcoming = (await ed.call("eleves/2400/cahierdetexte.awp", {})).data
    assert homework_id in [h["idDevoir"] for h in upcoming[due]]
    assert (await ed.client.post("/_sim/ecoledirecte/grade?student=1&subject=X")).status == 400
    assert (await ed.client.post("/_sim/ecoledirecte/homework?student=2400&due=x")).status == 400
    assert sim.requests[0] == ("/v3/login.awp", "")  # control calls are not recorded
