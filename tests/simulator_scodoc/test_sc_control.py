"""The ``/_sim/scodoc`` control surface and fault injection."""

from __future__ import annotations

from datetime import date, timedelta

from aiohttp import web
from aiohttp.test_utils import TestClient

from simulator.scodoc import ScoDocSimulator
from simulator.scodoc.fixtures.dates import resolve, school_year

from .helpers import Api

Client = TestClient[web.Request, web.Application]


async def test_status_and_index(client: Client, sim: ScoDocSimulator) -> None:
    status = await (await client.get("/_sim/scodoc")).json()
    assert status["today"] == sim.today.isoformat()
    assert {a["username"] for a in status["accounts"]} == {"demo", "noperm", "infoonly"}
    index = await (await client.get("/_sim")).json()
    assert index["platforms"]["scodoc"]["control"] == "/_sim/scodoc"


async def test_expire_tokens_control(api: Api) -> None:
    token = await api.token()
    assert await api.control("expire_tokens") == (200, {"expired": 1})
    assert (await api.get("/ScoDoc/api/departements", token=token)).status == 401
    assert (await api.control("expire_tokens", username="nobody"))[0] == 400


async def test_rotate_token_control(api: Api) -> None:
    token = await api.token()
    assert (await api.control("rotate_token", username="demo"))[0] == 200
    assert (await api.get("/ScoDoc/api/departements", token=token)).status == 401


async def test_next_error_is_html_500_once_and_targeted(api: Api) -> None:
    assert (await api.control("next_error", name="http_500:bulletin"))[0] == 200
    other = await api.get("/ScoDoc/api/departements")
    assert other.status == 200
    failed = await api.get("/ScoDoc/api/etudiant/nip/31024587/formsemestre/4102/bulletin")
    assert (failed.status, failed.content_type) == (500, "text/html")
    again = await api.get("/ScoDoc/api/etudiant/nip/31024587/formsemestre/4102/bulletin")
    assert again.status == 200
    assert (await api.control("next_error", name="meteor"))[0] == 400


async def test_latency_mode_publish_and_reset(api: Api, sim: ScoDocSimulator) -> None:
    assert await api.control("latency", ms=5) == (200, {"latency": 0.005})
    status, settings = await api.control("mode", version="9.5", token_ttl=120)
    assert (status, settings["version"], settings["token_ttl"]) == (200, "9.5", 120.0)
    assert (await api.control("mode", version="8.0"))[0] == 400
    assert (await api.control("publish", formsemestre_id=4102, published=False))[1][
        "unpublished"
    ] == [4102]
    assert (await api.control("reset"))[0] == 200
    assert (sim.version, sim.unpublished, sim.faults.latency) == ("9.6", set(), 0.0)


async def test_grade_control_enters_a_grade(api: Api) -> None:
    status, _ = await api.control("grade", etudid=90417, evaluation_id=51022, value="15.50")
    assert status == 200
    bulletin = await api.get("/ScoDoc/api/etudiant/etudid/90417/formsemestre/4102/bulletin")
    evaluations = bulletin.body["ressources"]["R3.01"]["evaluations"]
    assert [e["note"]["value"] for e in evaluations if e["id"] == 51022] == ["15.50"]
    await api.control("grade", etudid=90533, evaluation_id=61012, value="11.00")
    classic = await api.get("/ScoDoc/api/etudiant/etudid/90533/formsemestre/4150/bulletin")
    module = classic.body["ue"][0]["module"][1]
    assert module["evaluation"][2]["note"] == "11.00"
    assert "incomplete" not in module["evaluation"][2]
    assert (await api.control("grade", etudid=1, evaluation_id=2, value="1"))[0] == 400


async def test_requests_are_recorded(api: Api) -> None:
    await api.get("/ScoDoc/api/departements")
    listed = await (await api.client.get("/_sim/scodoc/requests")).json()
    assert {"method": "GET", "path": "/ScoDoc/api/departements"} in listed["requests"]
    await api.control("requests/clear")
    assert (await (await api.client.get("/_sim/scodoc/requests")).json())["count"] == 0


def test_date_placeholders_follow_today_and_daylight_saving() -> None:
    winter, summer = date(2026, 1, 10), date(2026, 7, 10)
    assert resolve("@dt+0T10:15", winter) == "2026-01-10T10:15:00+01:00"
    assert resolve("@dt+0T10:15", summer) == "2026-07-10T10:15:00+02:00"
    assert resolve("@dtc+0T10:15", winter) == "2026-01-10T10:15:00+0100"
    assert resolve({"a": ["@d-1", "@dmy+1"]}, winter) == {"a": ["2026-01-09", "11/01/2026"]}
    assert resolve("@year+0", winter) == 2025 == school_year(winter)
    assert resolve("@years+0", summer - timedelta(days=0)) == "2025 - 2026"
    assert resolve("@now", winter).endswith("Z")
    assert resolve("@other", winter) == "@other"
