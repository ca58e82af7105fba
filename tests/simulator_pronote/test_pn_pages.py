"""Space pages, their bootstrap in both layouts, error pages and instance info.

See Pronote protocol §1.
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient
import pytest

from simulator.pronote import PronoteSimulator

from .helpers import Wire, parse_start, parse_start_pawnote

Client = TestClient[web.Request, web.Application]


@pytest.mark.parametrize(
    ("page", "espace"),
    [("eleve.html", 3), ("parent.html", 2), ("mobile.eleve.html", 6), ("mobile.parent.html", 7)],
)
@pytest.mark.parametrize("layout", ["script", "onload"])
async def test_space_pages_parse_both_ways(
    client: Client, sim: PronoteSimulator, page: str, espace: int, layout: str
) -> None:
    sim.page_layout = layout
    response = await client.get(
        f"/pronote/{page}", params={"fd": "1", "bydlg": "x", "login": "true"}
    )
    assert response.status == 200
    assert response.content_type == "text/html"
    text = await response.text()
    assert "IP" not in text
    assert ">PRONOTE 2026.2.5.7" in text
    attributes = parse_start(text)
    assert attributes["a"] == str(espace)
    assert len(attributes["h"]) == 7
    assert attributes["CrA"] == attributes["CoA"] == "true"
    assert not {"http", "MR", "ER", "sCrA", "sCoA"} & set(attributes)
    pawnote = parse_start_pawnote(text)
    assert pawnote["a"] == espace
    assert pawnote["CrA"] is True
    assert ('onload="try { Start' in text) is (layout == "onload")
    assert sim.requests[-1] == (f"/pronote/{page}", "page")


async def test_each_load_opens_a_new_session(client: Client, sim: PronoteSimulator) -> None:
    first = parse_start(await (await client.get("/pronote/eleve.html")).text())
    second = parse_start(await (await client.get("/pronote/eleve.html")).text())
    assert first["h"] != second["h"]
    assert sim.sessions.count() == 2


async def test_legacy_page_uses_skip_flags(client: Client, sim: PronoteSimulator) -> None:
    sim.envelope_scheme = "legacy"
    text = await (await client.get("/pronote/eleve.html")).text()
    assert "PRONOTE 2025.1.2" in text
    assert "CrA" not in parse_start(text)
    sim.encrypt = False
    sim.compress = False
    attributes = parse_start(await (await client.get("/pronote/eleve.html")).text())
    assert attributes["sCrA"] == attributes["sCoA"] == "true"
    sim.envelope_scheme = "2025"
    attributes = parse_start(await (await client.get("/pronote/eleve.html")).text())
    assert "CrA" not in attributes
    assert "CoA" not in attributes


async def test_versions_follow_settings(sim: PronoteSimulator) -> None:
    assert sim.version == "2026.2.5.7"
    sim.challenge_variant = "alea"
    assert sim.version == "2026.2.4.3"
    sim.page_layout = "onload"
    assert sim.version == "2025.2.9.4"
    sim.version_override = "2026.3.1.2"
    assert sim.version == "2026.3.1.2"


@pytest.mark.parametrize(
    ("fault", "fragment"),
    [
        ("ip_suspended", "Votre adresse IP est provisoirement suspendue"),
        ("site_closed", "Le site n'est pas disponible"),
        ("site_busy", "Le site est momentanément indisponible"),
    ],
)
async def test_error_pages(
    client: Client, sim: PronoteSimulator, fault: str, fragment: str
) -> None:
    sim.faults.next_errors.append(fault)
    text = await (await client.get("/pronote/eleve.html")).text()
    assert fragment.replace("'", "&#x27;") in text
    assert "Start" not in text
    assert sim.sessions.count() == 0
    assert "Start (" in await (await client.get("/pronote/eleve.html")).text()


async def test_persistent_suspension_and_http_errors(client: Client, sim: PronoteSimulator) -> None:
    sim.faults.ip_suspended = True
    assert "adresse IP" in await (await client.get("/pronote/parent.html")).text()
    sim.faults.ip_suspended = False
    sim.faults.next_errors.append("http_503")
    assert (await client.get("/pronote/eleve.html")).status == 503
    assert (await client.get("/pronote/eleve.html")).status == 200


async def test_unknown_pages_and_index(client: Client) -> None:
    assert (await client.get("/pronote/professeur.html")).status == 404
    assert (await client.get("/pronote/nope")).status == 404
    index = await (await client.get("/pronote/")).text()
    assert 'href="eleve.html"' in index
    assert "IP" not in index


async def test_instance_info(client: Client, sim: PronoteSimulator) -> None:
    info = await (await client.get("/pronote/infoMobileApp.json", params={"id": "0D264427"})).json()
    assert info["nomEtab"] == "COLLÈGE MARIE CURIE"
    assert info["version"] == [2026, 2, 5, 7]
    assert {space["URL"] for space in info["espaces"]} == {"eleve.html", "parent.html"}
    assert info["CAS"]["actif"] is False
    sim.cas_enabled = True
    info = await (await client.get("/pronote/InfoMobileApp.json")).json()
    assert info["CAS"]["casURL"].endswith("/pronote/cas/login")


async def test_app_index_lists_both_platforms(client: Client) -> None:
    platforms = (await (await client.get("/_sim")).json())["platforms"]
    assert platforms["pronote"]["root"] == "/pronote"
    assert platforms["ecoledirecte"]["api"] == "/v3"


async def test_wire_helper_reads_flags(wire: Wire) -> None:
    await wire.load()
    assert wire.encrypt
    assert wire.compress
