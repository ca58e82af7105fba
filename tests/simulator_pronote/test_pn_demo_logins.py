"""Each demo login mode logs in as a pupil of its own, so all of them can be added together."""

from __future__ import annotations

import json
import re

from aiohttp import web
from aiohttp.test_utils import TestClient

from simulator.__main__ import startup_lines
from simulator.pronote import PronoteSimulator
from simulator.pronote.crypto import ent_challenge_key, qr_cipher

from .helpers import Wire, parse_start

Client = TestClient[web.Request, web.Application]
INPUT = re.compile(r'<input type="\w+" name="(\w+)" value="([^"]*)">')
DEVICE = "home-assistant-demo"


async def qr_code_text(client: Client, space: str = "eleve") -> tuple[str, str]:
    """The QR code's text and PIN as the demo's curl command prints them."""
    response = await client.post("/_sim/pronote/qr", params={"format": "text", "space": space})
    assert response.status == 200
    assert response.content_type == "text/plain"
    text, pin = (await response.text()).splitlines()
    return text, pin


async def user_after_qr_login(wire: Wire, text: str, pin: str, page: str) -> dict[str, object]:
    code = json.loads(text)
    cipher = qr_cipher(pin)
    login, jeton = cipher.decrypt_hex(code["login"]), cipher.decrypt_hex(code["jeton"])
    await wire.load(page, login="true")
    auth = await wire.login(login, jeton, qr=True, device=DEVICE, load=False)
    assert "cle" in auth.data, auth.data
    return await wire.call("ParametresUtilisateur", data={})


async def user_after_ent_login(wire: Wire, client: Client, username: str) -> dict[str, object]:
    """Through the generic CAS in front of the space page, as a script-less browser."""
    form_page = await client.get("/pronote/eleve.html")
    fields = dict(INPUT.findall(await form_page.text()))
    fields.update(username=username, password="pronotevs")
    back = await client.post(form_page.url.relative(), data=fields)
    wire.attributes = parse_start(await back.text())
    await wire.parametres()
    ident = await wire.identify(wire.attributes["e"], ent=True)
    key = ent_challenge_key(wire.attributes["f"])
    assert "cle" in (await wire.authenticate(key, ident.data, "direct")).data
    return await wire.call("ParametresUtilisateur", data={})


def shown_name(user: dict[str, object]) -> object:
    resource = user["ressource"]
    assert isinstance(resource, dict)
    return resource["L"]


async def test_password_qr_and_ent_demos_show_three_pupils(
    wire: Wire, client: Client, sim: PronoteSimulator
) -> None:
    password_user = await wire.ready()
    text, pin = await qr_code_text(client)
    qr_user = await user_after_qr_login(Wire(client, sim), text, pin, "mobile.eleve.html")
    sim.ent_family = "cas"
    ent_user = await user_after_ent_login(Wire(client, sim), client, "demo.ent")
    names = [shown_name(user) for user in (password_user, qr_user, ent_user)]
    assert names == ["MARTIN Léa", "BONNET Chloé", "ROBIN Nathan"]
    assert sim.mobile_token("demo.qr") is not None
    assert sim.mobile_token("demonstration") is None


async def test_qr_and_ent_demos_have_parents_of_their_own(
    client: Client, sim: PronoteSimulator
) -> None:
    text, pin = await qr_code_text(client, "parent")
    assert json.loads(text)["url"].endswith("/pronote/mobile.parent.html")
    parent = await user_after_qr_login(Wire(client, sim), text, pin, "mobile.parent.html")
    resource = parent["ressource"]
    assert isinstance(resource, dict)
    assert resource["L"] == "Mme BONNET Claire"
    assert [child["L"] for child in resource["listeRessources"]] == ["BONNET Chloé"]
    ent_parent = Wire(client, sim)
    auth = await ent_parent.login("demo.ent", "pronotevs", page="parent.html")
    assert "cle" in auth.data
    assert auth.data["libelleUtil"] == "M. ROBIN Karim"


async def test_qr_control_keeps_its_json_answer(client: Client) -> None:
    answer = await (await client.post("/_sim/pronote/qr")).json()
    assert set(answer) == {"qr", "pin"}
    assert set(answer["qr"]) == {"avecPageConnexion", "jeton", "login", "url"}
    cipher = qr_cipher(answer["pin"])
    assert cipher.decrypt_hex(answer["qr"]["login"]) == "demo.qr"
    password_demo = await client.post("/_sim/pronote/qr", json={"username": "demonstration"})
    chosen = await password_demo.json()
    assert qr_cipher(chosen["pin"]).decrypt_hex(chosen["qr"]["login"]) == "demonstration"
    unknown = await client.post("/_sim/pronote/qr", params={"format": "text", "username": "x"})
    assert unknown.status == 400


async def test_status_lists_the_login_modes(client: Client) -> None:
    status = await (await client.get("/_sim/pronote")).json()
    modes = {mode["mode"]: mode["username"] for mode in status["login_modes"]}
    assert modes == {"qr_code": "demo.qr", "ent": "demo.ent"}


def test_startup_message_tells_how_to_log_in_each_way() -> None:
    lines = startup_lines("http://127.0.0.1:8800", PronoteSimulator())
    pronote = [line for line in lines if line.startswith("Pronote")]
    assert len(pronote) == 3
    assert "demonstration / pronotevs" in pronote[0]
    assert "curl -X POST 'http://127.0.0.1:8800/_sim/pronote/qr?format=text'" in pronote[1]
    assert "BONNET Chloé" in pronote[1]
    assert "ent_family=educonnect" in pronote[2]
    assert "demo.ent / pronotevs" in pronote[2]
