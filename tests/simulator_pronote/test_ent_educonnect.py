"""EduConnect (SAML identity provider), a SAML-only ENT and Index's hub (Pronote protocol §8.2)."""

from __future__ import annotations

import base64
from html import unescape
import re

from simulator.pronote import PronoteSimulator
from simulator.pronote.ent import educonnect

from .ent_helpers import Client, forms, relative, saml_xml, submit
from .helpers import PASSWORD, USERNAME, parse_start

SSO = educonnect.SSO_PATH


async def _to_educonnect(client: Client, sim: PronoteSimulator, family: str) -> str:
    """Open the space page through the ENT; return the EduConnect login page."""
    sim.ent_family = family
    start = await client.get("/pronote/eleve.html")
    page = await start.text()
    assert 'onload="document.forms[0].submit()"' in page
    assert "<noscript>" in page
    attrs, fields = forms(page)[0]
    assert relative(attrs["action"]) == SSO
    assert set(fields) == {"RelayState", "SAMLRequest"}
    request = saml_xml(fields["SAMLRequest"])
    assert "<samlp:AuthnRequest" in request
    assert re.search(r'AssertionConsumerServiceURL="http://127\.0\.0\.1:\d+/pronote/ent/', request)
    login = await submit(client, page)  # 302 to ?execution=e<n>s1
    assert re.search(r"execution=e\d+s1$", str(login.url))
    return await login.text()


async def test_educonnect_login_form_and_answer(client: Client, sim: PronoteSimulator) -> None:
    form_page = await _to_educonnect(client, sim, "educonnect")
    attrs, fields = forms(form_page)[0]
    assert set(fields) == {"csrf_token", "j_username", "j_password"}
    assert 'name="_eventId_proceed"' in form_page
    answer = await submit(
        client, form_page, {"j_username": USERNAME, "j_password": PASSWORD, "_eventId_proceed": ""}
    )
    page = await answer.text()
    assert 'onload="document.forms[0].submit()"' in page
    attrs, fields = forms(page)[0]
    assert relative(attrs["action"]) == "/pronote/ent/saml-ent/saml/acs"
    xml = saml_xml(fields["SAMLResponse"])
    assert f"<saml:NameID>{USERNAME}</saml:NameID>" in xml
    assert "/pronote/ent/saml-ent/saml/metadata</saml:Audience>" in xml
    assert "status:Success" in xml

    space = await submit(client, page)  # ACS -> ENT CAS -> space page with a ticket
    assert "ticket=ST-" in str(space.url)
    start = parse_start(await space.text())
    assert start["e"] == USERNAME
    assert len(start["f"]) == 32

    replay = await client.post("/pronote/ent/saml-ent/saml/acs", data=fields)
    assert replay.status == 403  # an assertion is used once


async def test_educonnect_wrong_password(client: Client, sim: PronoteSimulator) -> None:
    form_page = await _to_educonnect(client, sim, "educonnect")
    refused = await submit(
        client, form_page, {"j_username": USERNAME, "j_password": "nope", "_eventId_proceed": ""}
    )
    again = await refused.text()
    assert educonnect.BAD_CREDENTIALS in again
    assert re.search(r"execution=e\d+s2", again)
    stale = await submit(client, form_page, {"j_username": USERNAME, "j_password": PASSWORD})
    assert "expiré" in await stale.text()


async def test_educonnect_needs_the_proceed_event_and_csrf(
    client: Client, sim: PronoteSimulator
) -> None:
    form_page = await _to_educonnect(client, sim, "educonnect")
    credentials = {"j_username": USERNAME, "j_password": PASSWORD}
    no_event = await submit(client, form_page, credentials)
    assert "SAMLResponse" not in await no_event.text()
    bad_csrf = await submit(client, form_page, {**credentials, "csrf_token": "forged"})
    assert bad_csrf.status == 403
    france_connect = await submit(client, form_page, {"_eventId_FranceConnect": ""})
    assert france_connect.status == 501


async def test_educonnect_refuses_unknown_service_providers(client: Client) -> None:
    garbage = await client.post(SSO, data={"SAMLRequest": "not base64!", "RelayState": "r"})
    assert garbage.status == 400
    xml = (
        '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
        'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1" '
        'AssertionConsumerServiceURL="https://evil.example/acs">'
        "<saml:Issuer>https://evil.example/sp</saml:Issuer></samlp:AuthnRequest>"
    )
    unknown = await client.post(SSO, data={"SAMLRequest": base64.b64encode(xml.encode()).decode()})
    assert unknown.status == 400
    assert "inconnu" in await unknown.text()
    assert (await client.get(SSO)).status == 400


async def test_educonnect_session_answers_the_next_request_at_once(
    client: Client, sim: PronoteSimulator
) -> None:
    form_page = await _to_educonnect(client, sim, "educonnect")
    answer = await submit(
        client, form_page, {"j_username": USERNAME, "j_password": PASSWORD, "_eventId_proceed": ""}
    )
    await submit(client, await answer.text())
    # Another ENT asks: the identity provider's session cookie answers without a form.
    sim.ent_family = "hub_educonnect"
    start = await client.get("/pronote/parent.html")
    answered = await submit(client, await start.text())
    assert "SAMLResponse" in await answered.text()
    space = await submit(client, await answered.text())
    assert parse_start(await space.text())["e"] == USERNAME


async def test_educonnect_can_forget_the_demo_accounts(
    client: Client, sim: PronoteSimulator
) -> None:
    form_page = await _to_educonnect(client, sim, "hub_educonnect")
    sim.ent.educonnect_accounts = False
    refused = await submit(
        client, form_page, {"j_username": USERNAME, "j_password": PASSWORD, "_eventId_proceed": ""}
    )
    assert educonnect.BAD_CREDENTIALS in await refused.text()


async def test_hub_refusals(client: Client, sim: PronoteSimulator) -> None:
    empty = await client.get("/pronote/ent/hub/EduConnect/cas/login")
    assert "L'url de service est vide" in unescape(await empty.text())
    other = await client.get(
        "/pronote/ent/hub/EduConnect/cas/login", params={"service": "https://x/y.html"}
    )
    assert "n'est pas une url de confiance" in unescape(await other.text())
    sim.ent_family = "hub_educonnect"
    sim.ent.hub_trusts_service = False
    page = await client.get("/pronote/eleve.html")
    assert page.status == 400
    assert "n'est pas une url de confiance" in unescape(await page.text())
    assert "/pronote/ent/hub/EduConnect/cas/login?service=" in str(page.url)
