"""GTK handshake, login, QCM double authentication and renewal.

See EcoleDirecte protocol §3 and 6.3.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import PARENT, SIMPLE, STUDENT, EdClient, b64, unb64


async def test_gtk_cookie_has_no_domain_and_get_is_accepted(ed: EdClient) -> None:
    response = await ed.client.get("/v3/login.awp", params={"gtk": "1", "v": "4.75.0"})
    assert response.status == 200
    cookies = response.headers.getall("Set-Cookie")
    gtk_cookie = next(c for c in cookies if c.startswith("GTK="))
    assert "domain" not in gtk_cookie.lower()
    assert "Path=/" in gtk_cookie
    body = await response.json()
    assert body["code"] == 200
    assert body["data"] is None


async def test_login_without_gtk_looks_like_bad_credentials(ed: EdClient) -> None:
    body = json.dumps({"identifiant": "simple.eleve", "motdepasse": quote(SIMPLE[1], safe="")})
    response = await ed.raw("login.awp", "data=" + body, verbe=None)
    answer = await response.json()
    assert answer["code"] == 505
    assert answer["token"] == ""
    assert answer["data"] == {"changementMDP": False, "accounts": []}


async def test_gtk_is_single_use_and_cookie_must_match(ed: EdClient) -> None:
    gtk = await ed.gtk()
    body = "data=" + json.dumps(
        {"identifiant": "simple.eleve", "motdepasse": quote(SIMPLE[1], safe="")}
    )
    first = await ed.raw("login.awp", body, verbe=None, headers={"X-Gtk": gtk})
    assert (await first.json())["code"] == 200
    again = await ed.raw("login.awp", body, verbe=None, headers={"X-Gtk": gtk})
    assert (await again.json())["code"] == 505

    gtk = await ed.gtk()
    ed.client.session.cookie_jar.clear()
    no_cookie = await ed.raw("login.awp", body, verbe=None, headers={"x-gtk": gtk})
    assert (await no_cookie.json())["code"] == 505


async def test_gtk_requirement_can_be_disabled(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.require_gtk = False
    body = "data=" + json.dumps(
        {"identifiant": "simple.eleve", "motdepasse": quote(SIMPLE[1], safe="")}
    )
    response = await ed.raw("login.awp", body, verbe=None)
    assert (await response.json())["code"] == 200


async def test_bad_credentials(ed: EdClient) -> None:
    unknown = await ed.login("nobody", "demo")
    assert unknown.code == 505
    assert unknown.body["message"] == "Identifiant et/ou mot de passe invalide !"
    wrong = await ed.login("demo.eleve", "wrong")
    assert wrong.code == 505
    assert wrong.body["message"] == "Mot de passe invalide !"
    assert wrong.data == {"changementMDP": False, "accounts": []}
    assert wrong.token == ""


async def test_special_character_password_must_be_percent_encoded(ed: EdClient) -> None:
    answer = await ed.login(*SIMPLE[:2])
    assert answer.code == 200
    assert len(answer.token) >= 200
    assert answer.headers["X-Token"] == answer.token
    account = answer.data["accounts"][0]
    assert account["typeCompte"] == "E"
    assert account["id"] == 2400
    assert account["accessToken"]

    raw = await ed.login("simple.eleve", "x", extra={"motdepasse": SIMPLE[1]})
    assert raw.code == 505  # "+" is a space after URL-decoding, as on the real server


async def test_body_variants_accepted(ed: EdClient) -> None:
    for encode in (
        lambda text: quote(text, safe=""),
        lambda text: text.replace('"', "'"),
    ):
        gtk = await ed.gtk()
        body = json.dumps({"identifiant": "simple.eleve", "motdepasse": quote(SIMPLE[1], safe="")})
        response = await ed.raw(
            "login.awp", "data=" + encode(body), verbe=None, headers={"X-Gtk": gtk}
        )
        assert (await response.json())["code"] == 200


async def test_student_qcm_flow_and_trust_reuse(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    first = await ed.login(*STUDENT[:2])
    assert first.code == 250
    assert first.data is None
    assert len(first.token) >= 200
    assert "2FA-Token" not in first.headers

    blocked = await ed.call("eleves/2345/notes.awp", {"anneeScolaire": ""})
    assert blocked.code == 520  # a double-auth token opens no data

    ed.token = first.token
    empty = await ed.raw("connexion/doubleauth.awp", "", verbe="get")
    assert (await empty.json())["code"] == 225

    question = await ed.call("connexion/doubleauth.awp", {}, verbe="get")
    assert question.code == 200
    assert unb64(question.data["question"]) == "Quelle est ton année de naissance ?"
    assert [unb64(p) for p in question.data["propositions"]] == ["2010", "2011", "2012", "2013"]
    assert question.token
    assert question.token != first.token

    wrong = await ed.call("connexion/doubleauth.awp", {"choix": b64("2013")}, verbe="post")
    assert wrong.code == 505
    assert wrong.data is None

    proof = await ed.call("connexion/doubleauth.awp", {"choix": b64("2011")}, verbe="post")
    assert proof.code == 200
    fa = [{"cn": proof.data["cn"], "cv": proof.data["cv"], "uniq": False}]
    logged = await ed.login(*STUDENT[:2], fa=[None, *fa])
    assert logged.code == 200
    assert logged.data["accounts"][0]["id"] == 2345

    ed.token = ""
    again = await ed.login(*STUDENT[:2], extra={"cn": fa[0]["cn"], "cv": fa[0]["cv"]})
    assert again.code == 200  # stored proof skips the QCM

    sim.revoke_trust("demo.eleve")
    revoked = await ed.login(*STUDENT[:2], fa=fa)
    assert revoked.code == 250


async def test_forced_qcm_and_qcm_toggle(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.set_qcm_required("simple.eleve", True)
    assert (await ed.login(*SIMPLE[:2])).code == 250
    assert sim.qcm_answer("simple.eleve") == "Nantes"
    sim.set_qcm_required("simple.eleve", False)
    assert (await ed.login(*SIMPLE[:2])).code == 200
    sim.faults.next_codes.append(250)
    forced = await ed.login(*SIMPLE[:2])
    assert forced.code == 250
    assert len(forced.token) >= 200


async def test_strict_2fa_token_mode(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    sim.faults.strict_2fa_token = True
    first = await ed.login(*STUDENT[:2])
    assert first.code == 250
    two_fa = first.headers["2FA-Token"]

    missing = await ed.call("connexion/doubleauth.awp", {}, verbe="get")
    assert missing.code == 225

    echo = {"2fa-token": two_fa}
    question = await ed.call("connexion/doubleauth.awp", {}, verbe="get", headers=echo)
    assert question.code == 200
    assert question.headers["2FA-Token"] == two_fa
    proof = await ed.call(
        "connexion/doubleauth.awp", {"choix": b64("2011")}, verbe="post", headers=echo
    )
    assert proof.code == 200
    fa = [{"cn": proof.data["cn"], "cv": proof.data["cv"], "uniq": False}]

    without_echo = await ed.login(*STUDENT[:2], fa=fa)
    assert without_echo.code == 225
    with_echo = await ed.login(*STUDENT[:2], fa=fa, headers={"2FA-Token": two_fa})
    assert with_echo.code == 200
    later = await ed.login(*STUDENT[:2], fa=fa)
    assert later.code == 200  # once confirmed, the proof works without the header


async def test_parent_login_lists_children_with_modules(ed: EdClient) -> None:
    first = await ed.login(*PARENT[:2])
    assert first.code == 250
    question = await ed.call("connexion/doubleauth.awp", {}, verbe="get")
    assert "mois de naissance" in unb64(question.data["question"])
    assert "mars" in [unb64(p) for p in question.data["propositions"]]
    proof = await ed.call("connexion/doubleauth.awp", {"choix": b64("mars")}, verbe="post")
    answer = await ed.login(*PARENT[:2], fa=[proof.data])
    assert answer.code == 200
    account = answer.data["accounts"][0]
    assert account["typeCompte"] == "1"
    assert (account["id"], account["idLogin"]) == (9001, 9101)
    children = account["profile"]["eleves"]
    assert [(c["id"], c["prenom"], c["classe"]["code"]) for c in children] == [
        (3456, "Emma", "6A"),
        (3457, "Hugo", "3C"),
    ]
    for child in children:
        codes = {m["code"] for m in child["modules"]}
        assert {"NOTES", "CAHIER_DE_TEXTES", "EDT", "RESERVATIONS", "CANTINE_BARCODE"} <= codes


async def test_renewal_with_access_token(ed: EdClient) -> None:
    uuid = "6f1c2a47-3a55-4a0a-9d56-0f4f3f1b9b11"
    logged, fa = await ed.full_login(*STUDENT[:2])
    assert logged.code == 200
    # full_login used uuid ""; log in again with a device uuid to get a renewable accessToken
    again = await ed.login(*STUDENT[:2], fa=fa, extra={"uuid": uuid})
    access = again.data["accounts"][0]["accessToken"]
    renewal = {
        "uuid": uuid,
        "isRelogin": True,
        "motdepasse": "???",
        "typeCompte": "E",
        "accesstoken": access,
    }
    renewed = await ed.login("demo.eleve", "", fa=fa, extra=renewal)
    assert renewed.code == 200
    assert renewed.token != again.token
    bad = await ed.login("demo.eleve", "", fa=fa, extra=renewal | {"accesstoken": "nope"})
    assert bad.code == 505


async def test_renewtoken_switches_account(ed: EdClient) -> None:
    logged, _ = await ed.full_login(*PARENT[:2])
    old = logged.token
    switched = await ed.call("renewtoken.awp", {"idUser": 9101, "uuid": ""}, verbe="post")
    assert switched.code == 200
    assert switched.headers["X-Token"] == switched.token != old
    notes = await ed.call("eleves/3456/notes.awp", {"anneeScolaire": ""})
    assert notes.code == 200
    unknown = await ed.call("renewtoken.awp", {"idUser": 1, "uuid": ""}, verbe="post")
    assert unknown.code == 210


async def test_version_too_old_answers_517(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    response = await ed.client.post(
        "/v3/login.awp", params={"v": "3.9.9"}, data="data={}", headers={"Content-Type": "x"}
    )
    assert (await response.json())["code"] == 517
    for version in ("4.75.0", "4.99.3", "7.0.1"):
        ok = await ed.client.post("/v3/login.awp", params={"gtk": "1", "v": version})
        assert (await ok.json())["code"] == 200
    sim.min_version = "8.0.0"
    assert (await ed.login(*SIMPLE[:2])).code == 517  # the GTK pre-call still succeeds
    data = await ed.call("eleves/2400/notes.awp", {})
    assert data.code == 517
