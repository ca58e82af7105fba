"""Open ENT NG, CAS + EduConnect, WAYF discovery, Keycloak and the anti-robot page.

See Pronote protocol §8.2.
"""

from __future__ import annotations

import hashlib
from html import unescape
import itertools
import re

from simulator.pronote import PronoteSimulator
from simulator.pronote.ent import keycloak

from .ent_helpers import Client, forms, relative, submit
from .helpers import PASSWORD, USERNAME, parse_start

EDUCONNECT = {"j_username": USERNAME, "j_password": PASSWORD, "_eventId_proceed": ""}


async def _through_educonnect(client: Client, auto_post_page: str) -> str:
    """From the page posting a SAMLRequest to the page the ENT lands on afterwards."""
    login = await submit(client, auto_post_page)
    answer = await submit(client, await login.text(), EDUCONNECT)
    landed = await submit(client, await answer.text())
    return await landed.text()


# -- Open ENT NG ------------------------------------------------------------------------------


async def test_open_ent_ng_login_then_space_page(client: Client, sim: PronoteSimulator) -> None:
    sim.ent_family = "open_ent_ng"
    login = await client.get("/pronote/eleve.html")
    assert "/pronote/ent/open-ent-ng/auth/login?callBack=" in str(login.url)
    page = await login.text()
    attrs, fields = forms(page)[0]
    assert attrs["action"] == "/pronote/ent/open-ent-ng/auth/login"
    assert {"email", "password", "callBack"} <= set(fields)
    assert fields["callBack"] == ""  # filled by the page's script in a browser

    portal = await submit(client, page, {"email": USERNAME, "password": PASSWORD})
    assert str(portal.url).endswith("/pronote/ent/open-ent-ng/timeline/timeline")
    assert "Fil de nouveautés" in await portal.text()
    space = await client.get("/pronote/eleve.html")
    assert parse_start(await space.text())["e"] == USERNAME


async def test_open_ent_ng_follows_a_callback_and_refuses_bad_passwords(
    client: Client, sim: PronoteSimulator
) -> None:
    sim.ent_family = "open_ent_ng"
    login = await client.get("/pronote/eleve.html")
    target = login.url.query["callBack"]
    refused = await submit(
        client, await login.text(), {"email": USERNAME, "password": "x", "callBack": target}
    )
    assert "/auth/login?error=auth.error.authenticationFailed" in str(refused.url)
    assert "incorrect" in await refused.text()
    done = await submit(
        client, await login.text(), {"email": USERNAME, "password": PASSWORD, "callBack": target}
    )
    assert parse_start(await done.text())["e"] == USERNAME
    assert (await client.get("/pronote/ent/open-ent-ng/timeline/timeline")).status == 200


# -- CAS + EduConnect -------------------------------------------------------------------------


async def test_cas_offering_educonnect(client: Client, sim: PronoteSimulator) -> None:
    sim.ent_family = "cas_educonnect"
    cas = await client.get("/pronote/eleve.html")
    page = await cas.text()
    _, fields = forms(page)[0]
    assert {"username", "password", "execution", "_eventId"} <= set(fields)
    button = re.search(r'<a class="btn btn-educonnect" href="([^"]+)"', page)
    assert button is not None
    assert 'alt="ÉduConnect"' in page
    start = await client.get(relative(unescape(button[1])))
    landed = await _through_educonnect(client, await start.text())
    assert parse_start(landed)["e"] == USERNAME


async def test_cas_own_form_knows_only_local_accounts(
    client: Client, sim: PronoteSimulator
) -> None:
    sim.ent_family = "cas_educonnect"
    cas = await client.get("/pronote/eleve.html")
    credentials = {"username": USERNAME, "password": PASSWORD}
    refused = await submit(client, await cas.text(), credentials)
    assert refused.status == 401
    sim.ent.local_accounts = True
    accepted = await submit(client, await refused.text(), credentials)
    assert parse_start(await accepted.text())["e"] == USERNAME
    stale = await submit(client, await cas.text(), credentials)  # execution used
    assert stale.status == 401


# -- WAYF / Shibboleth discovery --------------------------------------------------------------


async def test_wayf_discovery_then_educonnect(client: Client, sim: PronoteSimulator) -> None:
    sim.ent_family = "wayf"
    wayf = await client.get("/pronote/eleve.html")
    assert "/pronote/ent/wayf/discovery/WAYF?entityID=" in str(wayf.url)
    page = await wayf.text()
    attrs, fields = forms(page)[0]
    assert attrs["method"] == "get"
    assert {"entityID", "returnX", "returnIDParam", "action"} <= set(fields)
    options = re.findall(r'<option value="([^"]+)">([^<]+)</option>', page)
    assert "ÉduConnect" in options[1][1]
    chosen = await client.get(
        relative(attrs["action"]), params={**fields, "origin": unescape(options[1][0])}
    )
    landed = await _through_educonnect(client, await chosen.text())
    assert parse_start(landed)["e"] == USERNAME


async def test_wayf_refuses_other_choices(client: Client, sim: PronoteSimulator) -> None:
    sim.ent_family = "wayf"
    page = await (await client.get("/pronote/eleve.html")).text()
    attrs, fields = forms(page)[0]
    academic = re.findall(r'<option value="([^"]+)"', page)[0]
    other = await client.get(relative(attrs["action"]), params={**fields, "origin": academic})
    assert other.status == 400
    stranger = await client.get(relative(attrs["action"]), params={"entityID": "x"})
    assert stranger.status == 400


# -- Keycloak ---------------------------------------------------------------------------------


async def _keycloak_form(client: Client, sim: PronoteSimulator) -> str:
    sim.ent_family = "keycloak"
    login = await client.get("/pronote/eleve.html")
    assert "/protocol/openid-connect/auth?client_id=" in str(login.url)
    page = await login.text()
    attrs, fields = forms(page)[0]
    assert attrs["id"] == "kc-form-login"
    assert "login-actions/authenticate?session_code=" in attrs["action"]
    assert {"username", "password", "credentialId"} <= set(fields)
    return page


async def test_keycloak_login_then_space_page(client: Client, sim: PronoteSimulator) -> None:
    page = await _keycloak_form(client, sim)
    refused = await submit(client, page, {"username": USERNAME, "password": "x"})
    again = await refused.text()
    assert 'id="input-error"' in again
    stale = await submit(client, page, {"username": USERNAME, "password": PASSWORD})
    assert stale.status == 400  # the first form's session code is spent
    portal = await submit(client, again, {"username": USERNAME, "password": PASSWORD})
    assert str(portal.url).endswith(keycloak.PORTAL)
    space = await client.get("/pronote/eleve.html")
    assert parse_start(await space.text())["e"] == USERNAME


async def test_keycloak_one_time_code(client: Client, sim: PronoteSimulator) -> None:
    sim.ent.keycloak_otp = True
    page = await _keycloak_form(client, sim)
    otp = await submit(client, page, {"username": USERNAME, "password": PASSWORD})
    otp_page = await otp.text()
    assert 'id="kc-otp-login-form"' in otp_page
    wrong = await submit(client, otp_page, {"otp": "000000"})
    assert 'id="kc-otp-login-form"' in await wrong.text()
    right = await submit(client, await wrong.text(), {"otp": keycloak.OTP_CODE})
    assert str(right.url).endswith(keycloak.PORTAL)


async def test_keycloak_checks_client_and_codes(client: Client) -> None:
    bad_client = await client.get(keycloak.AUTH, params={"client_id": "x", "redirect_uri": "y"})
    assert bad_client.status == 400
    forged = await client.get(keycloak.CALLBACK, params={"code": "c", "state": "s"})
    assert forged.status == 403
    assert (await client.get(keycloak.PORTAL)).status == 401


# -- Anti-robot page --------------------------------------------------------------------------


async def test_antibot_page_then_cas(client: Client, sim: PronoteSimulator) -> None:
    sim.ent_family = "antibot"
    gate = await (await client.get("/pronote/eleve.html")).text()
    assert '<body onload="go()">' in gate
    challenge = re.search(r'var challenge = "([0-9a-f]+)"', gate)
    assert challenge is not None
    assert "Start (" not in gate

    def solves(nonce: int) -> bool:
        return hashlib.sha256(f"{challenge[1]}{nonce}".encode()).hexdigest().startswith("000")

    wrong = next(n for n in itertools.count() if not solves(n))
    client.session.cookie_jar.update_cookies({"KEY": f"{challenge[1]}:{wrong}"})
    still = await (await client.get("/pronote/eleve.html")).text()
    assert 'onload="go()"' in still
    nonce = next(n for n in itertools.count() if solves(n))
    client.session.cookie_jar.update_cookies({"KEY": f"{challenge[1]}:{nonce}"})
    cas = await client.get("/pronote/eleve.html")
    assert "/pronote/cas/login?service=" in str(cas.url)
    assert 'class="cas__login-form"' in await cas.text()


# -- Control surface and instance info -----------------------------------------------------------


async def test_control_surface_sets_the_family(client: Client, sim: PronoteSimulator) -> None:
    reply = await client.post(
        "/_sim/pronote/mode", json={"ent_family": "wayf", "ent_keycloak_otp": "true"}
    )
    settings = await reply.json()
    assert (settings["ent_family"], settings["ent_keycloak_otp"]) == ("wayf", True)
    assert (sim.ent_family, sim.ent.keycloak_otp) == ("wayf", True)
    info = await (await client.get("/pronote/infoMobileApp.json")).json()
    assert info["CAS"]["actif"] is True
    assert info["CAS"]["casURL"].endswith("/pronote/ent/wayf/cas/login")
    bad = await client.post("/_sim/pronote/mode", json={"ent_family": "magic"})
    assert bad.status == 400
    await client.post("/_sim/pronote/mode", json={"ent_family": "none"})
    assert sim.ent_family == ""
    await client.post("/_sim/pronote/reset")
    assert not sim.ent.keycloak_otp


async def test_ent_pages_answer_404_and_405(client: Client) -> None:
    assert (await client.get("/pronote/ent/nowhere")).status == 404
    assert (await client.get("/pronote/ent/saml-ent/saml/acs")).status == 405
