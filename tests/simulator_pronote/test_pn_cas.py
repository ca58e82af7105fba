"""Generic CAS in front of the space pages and the ENT login that follows.

See Pronote protocol §8.1.
"""

from __future__ import annotations

import re

from aiohttp import web
from aiohttp.test_utils import TestClient

from simulator.pronote import PronoteSimulator
from simulator.pronote.crypto import ent_challenge_key

from .helpers import PASSWORD, USERNAME, Wire, parse_start

Client = TestClient[web.Request, web.Application]
INPUT = re.compile(r'<input type="\w+" name="(\w+)" value="([^"]*)">')


async def cas_login(client: Client, password: str = PASSWORD) -> tuple[int, str]:
    form_page = await client.get("/pronote/eleve.html")
    text = await form_page.text()
    assert 'class="cas__login-form"' in text
    assert "/pronote/cas/login?service=" in str(form_page.url)
    fields = dict(INPUT.findall(text))
    assert set(fields) == {"username", "password", "execution", "_eventId", "lt"}
    fields.update(username=USERNAME, password=password)
    response = await client.post(form_page.url.relative(), data=fields)
    return response.status, await response.text()


async def test_ent_login_through_cas(wire: Wire, client: Client, sim: PronoteSimulator) -> None:
    sim.cas_enabled = True
    status, text = await cas_login(client)
    assert status == 200
    attributes = parse_start(text)  # redirected back to the page with a ticket
    assert attributes["e"] == USERNAME
    assert len(attributes["f"]) == 32
    wire.attributes = attributes
    await wire.parametres()
    ident = await wire.identify(attributes["e"], ent=True)
    auth = await wire.authenticate(ent_challenge_key(attributes["f"]), ident.data, "direct")
    assert "cle" in auth.data
    assert (await wire.call("ParametresUtilisateur", data={}))["ressource"]["L"] == "MARTIN Léa"

    again = await client.get("/pronote/eleve.html")  # CASTGC cookie: straight back with a ticket
    second = parse_start(await again.text())
    assert second["f"] != attributes["f"]


async def test_cas_rejects_bad_credentials_and_reused_tickets(
    client: Client, sim: PronoteSimulator
) -> None:
    sim.cas_enabled = True
    status, text = await cas_login(client, "nope")
    assert status == 401
    assert "incorrect" in text
    ticket_page = await client.get("/pronote/eleve.html", params={"ticket": "ST-forged"})
    assert "cas__login-form" in await ticket_page.text()
    direct = await client.get("/pronote/eleve.html", params={"login": "true"})
    assert "e" not in parse_start(await direct.text())
    await client.get("/pronote/cas/logout")


async def test_cas_without_service_shows_success(client: Client, sim: PronoteSimulator) -> None:
    page = await client.get("/pronote/cas/login")
    fields = dict(INPUT.findall(await page.text()))
    fields.update(username=USERNAME, password=PASSWORD)
    done = await client.post("/pronote/cas/login", data=fields)
    assert "Connexion réussie" in await done.text()
    stale = await client.post("/pronote/cas/login", data=fields)  # execution already used
    assert stale.status == 401


async def test_ent_login_needs_the_page_secret(
    wire: Wire, client: Client, sim: PronoteSimulator
) -> None:
    sim.cas_enabled = True
    _, text = await cas_login(client)
    wire.attributes = parse_start(text)
    await wire.parametres()
    ident = await wire.identify(USERNAME, ent=True)
    auth = await wire.authenticate(ent_challenge_key("not-the-secret"), ident.data, "direct")
    assert auth.data == {"Acces": 1}
