"""The HTTP control surface under /_sim/pronote (never under /pronote)."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient

from simulator.pronote import PronoteSimulator

from .helpers import USERNAME, Wire

Client = TestClient[web.Request, web.Application]


async def test_status_and_requests(wire: Wire, client: Client, sim: PronoteSimulator) -> None:
    await wire.ready()
    status = await (await client.get("/_sim/pronote")).json()
    assert status["settings"]["envelope_scheme"] == "2025"
    assert status["settings"]["challenge_variant"] == "no_alea"
    assert status["pin"] == "1357"
    assert status["sessions"] == 1
    assert status["accounts"][0]["username"] == USERNAME
    listed = await (await client.get("/_sim/pronote/requests")).json()
    functions = [entry["function"] for entry in listed["requests"]]
    assert functions == [
        "page",
        "FonctionParametres",
        "Identification",
        "Authentification",
        "ParametresUtilisateur",
    ]
    assert sim.requests[1] == ("/pronote/eleve.html", "FonctionParametres")
    await client.post("/_sim/pronote/requests/clear")
    assert sim.requests == []


async def test_switches(client: Client, sim: PronoteSimulator) -> None:
    response = await client.post(
        "/_sim/pronote/mode",
        json={
            "envelope_scheme": "legacy",
            "challenge_variant": "alea",
            "page_layout": "onload",
            "hide_averages": True,
            "cas": True,
            "session_ttl": 60,
            "version": "2025.1.1.1",
        },
    )
    settings = await response.json()
    assert settings["envelope_scheme"] == "legacy"
    assert (sim.challenge_variant, sim.page_layout, sim.hide_averages) == ("alea", "onload", True)
    assert sim.cas_enabled
    assert sim.session_ttl == 60
    assert sim.version == "2025.1.1.1"
    bad = await client.post("/_sim/pronote/mode", params={"envelope_scheme": "2030"})
    assert bad.status == 400
    await client.post("/_sim/pronote/latency", params={"ms": "250"})
    assert sim.faults.latency == 0.25
    await client.post("/_sim/pronote/next_error", json={"name": "page_expired", "count": 2})
    assert sim.faults.next_errors == ["page_expired", "page_expired"]
    assert (await client.post("/_sim/pronote/next_error", params={"name": "boom"})).status == 400
    await client.post("/_sim/pronote/reset")
    assert sim.envelope_scheme == "2025"
    assert sim.faults.latency == 0


async def test_security_endpoints(client: Client, sim: PronoteSimulator) -> None:
    answer = await (
        await client.post("/_sim/pronote/twofa", json={"username": USERNAME, "required": True})
    ).json()
    assert answer == {"username": USERNAME, "mode": "pin", "pin": "1357"}
    assert sim.security(USERNAME).twofa_mode == "pin"
    await client.post("/_sim/pronote/twofa", json={"username": USERNAME, "mode": "notification"})
    assert sim.security(USERNAME).twofa_mode == "notification"
    assert (await client.post("/_sim/pronote/twofa", json={"username": "x"})).status == 400
    devices = await (await client.get("/_sim/pronote/devices")).json()
    assert devices == {"username": USERNAME, "devices": []}
    assert (
        await client.post("/_sim/pronote/revoke_tokens", json={"username": USERNAME})
    ).status == 200
    assert (await client.post("/_sim/pronote/revoke_tokens", json={"username": "x"})).status == 400


async def test_qr_and_data_endpoints(client: Client, sim: PronoteSimulator) -> None:
    qr = await (await client.post("/_sim/pronote/qr", json={"space": "parent"})).json()
    assert qr["qr"]["url"] == f"http://127.0.0.1:{client.port}/pronote/mobile.parent.html"
    assert len(qr["pin"]) == 4
    assert (await client.post("/_sim/pronote/qr", json={"space": "prof"})).status == 400
    students = await (await client.get("/_sim/pronote/students", params={"space": "parent"})).json()
    assert [s["name"] for s in students["students"]] == ["MARTIN Léa", "MARTIN Hugo"]
    lea = students["students"][0]["id"]
    work = sim.student(lea).homework[0]
    done = await (
        await client.get("/_sim/pronote/homework", params={"student": lea, "homework": work.id})
    ).json()
    assert done["done"] is work.done
    missing = await client.get("/_sim/pronote/homework", params={"student": lea, "homework": "x"})
    assert missing.status == 400
    await client.post("/_sim/pronote/expire")
    assert sim.sessions.count() == 0


async def test_student_ids_api(sim: PronoteSimulator) -> None:
    assert len(sim.student_ids("eleve")) == 1
    assert sim.student_ids("mobile.parent.html") == sim.student_ids("parent")
    assert sim.student_ids("eleve")[0] == sim.student_ids("parent")[0]
