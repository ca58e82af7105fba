"""The ``/_sim/lectio`` control surface and the simulator index."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient

from simulator.lectio import LectioSimulator

Client = TestClient[web.Request, web.Application]


async def test_index_lists_lectio(client: Client) -> None:
    async with client.get("/_sim") as resp:
        body = await resp.json()
    assert body["platforms"]["lectio"]["control"] == "/_sim/lectio"


async def test_status_and_autologin(client: Client, sim: LectioSimulator) -> None:
    async with client.get("/_sim/lectio") as resp:
        status = await resp.json()
    assert status["today"] == "2026-03-25"
    assert status["schools"] == {"demo": "680", "mitid": "681"}
    async with client.post("/_sim/lectio/autologin") as resp:
        issued = await resp.json()
    assert issued["cookie"] == "autologinkeyV2"
    assert sim.keys.student(issued["value"]) is not None
    async with client.post("/_sim/lectio/autologin", json={"username": "ghost"}) as resp:
        assert resp.status == 400
    async with client.post("/_sim/lectio/revoke_keys") as resp:
        assert (await resp.json())["revoked"]
    assert sim.keys.student(issued["value"]) is None


async def test_mode_faults_and_reset(client: Client, sim: LectioSimulator) -> None:
    async with client.post(
        "/_sim/lectio/mode",
        json={"legacy_tooltips": "1", "rate_limit": "5", "session_ttl": "60"},
    ) as resp:
        settings = await resp.json()
    assert settings["legacy_tooltips"] is True
    assert sim.faults.rate_limit == 5
    assert sim.sessions.ttl == 60.0
    async with client.post("/_sim/lectio/next_error?name=http_500&count=2") as resp:
        assert (await resp.json())["next_errors"] == ["http_500", "http_500"]
    async with client.post("/_sim/lectio/next_error?name=boom") as resp:
        assert resp.status == 400
    async with client.post("/_sim/lectio/latency?ms=0") as resp:
        assert (await resp.json())["latency"] == 0
    sim.sessions.create("680")
    async with client.post("/_sim/lectio/expire") as resp:
        assert (await resp.json())["expired"]
    assert sim.sessions.count() == 0
    async with client.get("/lectio/login_list.aspx") as resp:
        assert resp.status == 200
    async with client.get("/_sim/lectio/requests") as resp:
        assert (await resp.json())["count"] == 1
    async with client.post("/_sim/lectio/requests/clear") as resp:
        assert (await resp.json())["count"] == 0
    async with client.post("/_sim/lectio/reset") as resp:
        assert (await resp.json())["reset"]
    assert not sim.legacy_tooltips
    assert sim.faults.next_errors == []
