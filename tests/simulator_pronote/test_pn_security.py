"""Double authentication: PIN, device registration, custom password (Pronote protocol §4.1)."""

from __future__ import annotations

import pytest

from simulator.pronote import PronoteSimulator

from .helpers import USERNAME, Wire


def enc(wire: Wire, text: str) -> str:
    return wire.cipher.encrypt_hex(text)


async def test_pin_and_device_registration(wire: Wire, sim: PronoteSimulator) -> None:
    sim.set_2fa_required(USERNAME, True)
    auth = await wire.login()
    assert auth.data["actionsDoubleAuth"] == {"_T": 26, "V": "[3]"}
    assert auth.data["modeSecurisationParDefaut"] == 3
    assert (await wire.post("ParametresUtilisateur", {})).error == 3
    wrong = await wire.call(
        "SecurisationCompteDoubleAuth", data={"action": 0, "codePin": enc(wire, "0000")}
    )
    assert wrong == {"result": False}
    pin = sim.pin(USERNAME)
    assert pin == "1357"
    ok = await wire.call(
        "SecurisationCompteDoubleAuth", data={"action": 0, "codePin": enc(wire, pin)}
    )
    assert ok == {"result": True}
    known = await wire.call("SecurisationCompteDoubleAuth", data={"action": 2, "libelle": "HA"})
    assert known == {"dejaConnu": False}
    saved = await wire.call(
        "SecurisationCompteDoubleAuth",
        data={
            "action": 3,
            "avecIdentification": True,
            "strIdentification": "Home Assistant",
            "codePin": enc(wire, pin),
        },
    )
    assert saved == {}
    assert sim.registered_devices(USERNAME) == ["Home Assistant"]
    assert (await wire.call("ParametresUtilisateur", data={}))["ressource"]["L"] == "MARTIN Léa"
    infos = await wire.call("PageInfosPerso", 49)
    assert infos["securisation"]["mode"] == 3

    again = Wire(wire.client, sim, navigator=wire.navigator)
    trusted = await again.login()
    assert "actionsDoubleAuth" not in trusted.data
    stranger = Wire(wire.client, sim)
    assert "actionsDoubleAuth" in (await stranger.login()).data


async def test_registration_needs_a_verified_pin(wire: Wire, sim: PronoteSimulator) -> None:
    sim.set_2fa_required(USERNAME, True)
    await wire.login()
    reply = await wire.post(
        "SecurisationCompteDoubleAuth",
        {"action": 3, "avecIdentification": True, "strIdentification": "x"},
    )
    assert reply.signature["Erreur"] is True
    reply = await wire.post(
        "SecurisationCompteDoubleAuth",
        {
            "action": 3,
            "avecIdentification": True,
            "strIdentification": "x",
            "codePin": enc(wire, "9999"),
        },
    )
    assert "incorrect" in reply.signature["MessageErreur"]
    assert sim.registered_devices(USERNAME) == []


async def test_pin_without_registering_the_device(wire: Wire, sim: PronoteSimulator) -> None:
    sim.set_2fa_required(USERNAME, True)
    await wire.login()
    await wire.call(
        "SecurisationCompteDoubleAuth",
        data={"action": 3, "avecIdentification": False, "codePin": enc(wire, "1357")},
    )
    assert sim.registered_devices(USERNAME) == []
    assert await wire.call("ParametresUtilisateur", data={})


async def test_notification_mode_only_names_the_device(wire: Wire, sim: PronoteSimulator) -> None:
    sim.set_2fa_mode(USERNAME, "notification")
    auth = await wire.login()
    assert auth.data["actionsDoubleAuth"]["V"] == "[5]"
    await wire.call(
        "SecurisationCompteDoubleAuth",
        data={
            "action": 3,
            "avecIdentification": True,
            "strIdentification": "Un nom bien trop long pour Pronote",
        },
    )
    assert sim.registered_devices(USERNAME) == ["Un nom bien trop long pour Pro"]
    with pytest.raises(ValueError, match="bad"):
        sim.set_2fa_mode(USERNAME, "bad")


async def test_custom_password_required(wire: Wire, sim: PronoteSimulator) -> None:
    sim.set_password_change_required(USERNAME, True)
    auth = await wire.login()
    assert auth.data["actionsDoubleAuth"]["V"] == "[0]"
    assert auth.data["reglesSaisieMDP"]["min"] == 8
    short = await wire.post(
        "SecurisationCompteDoubleAuth", {"action": 8, "nouveauMDP": enc(wire, "abc")}
    )
    assert short.signature["Erreur"] is True
    await wire.call(
        "SecurisationCompteDoubleAuth",
        data={"action": 8, "nouveauMDP": enc(wire, "nouveau-mdp-2026")},
    )
    assert await wire.call("ParametresUtilisateur", data={})
    assert "cle" in (await Wire(wire.client, sim).login(password="nouveau-mdp-2026")).data


async def test_settings_reach_both_spaces(sim: PronoteSimulator) -> None:
    sim.set_2fa_required(USERNAME, True)
    assert sim.security(USERNAME).twofa_mode == "pin"
    sim.set_2fa_required(USERNAME, False)
    assert sim.security(USERNAME).mode == 1
    with pytest.raises(KeyError):
        sim.pin("nobody")
    with pytest.raises(KeyError):
        sim.registered_devices("nobody")
