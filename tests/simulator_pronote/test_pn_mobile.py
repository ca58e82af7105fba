"""QR-code login, mobile tokens and their rotation (Pronote protocol §4.2, 4.3)."""

from __future__ import annotations

import pytest

from simulator.pronote import PronoteSimulator
from simulator.pronote.crypto import CryptoError, qr_cipher

from .helpers import USERNAME, Wire

DEVICE = "6c1f2a4e-0000-4000-8000-home-assistant"


def decode_qr(payload: dict[str, str], pin: str) -> tuple[str, str]:
    cipher = qr_cipher(pin)
    return cipher.decrypt_hex(payload["login"]), cipher.decrypt_hex(payload["jeton"])


async def qr_login(wire: Wire, payload: dict[str, str], pin: str, page: str) -> str:
    login, jeton = decode_qr(payload, pin)
    await wire.load(page, fd="1", bydlg="A6ABB224-12DD-4E31-AD3E-8A39A1C2C335", login="true")
    auth = await wire.login(login, jeton, qr=True, device=DEVICE, load=False)
    assert "cle" in auth.data, auth.data
    token: str = auth.data["jetonConnexionAppliMobile"]
    return token


async def token_login(wire: Wire, token: str, page: str = "mobile.eleve.html") -> dict[str, object]:
    await wire.load(page, login="true")
    return (await wire.login(USERNAME, token, token=True, device=DEVICE, load=False)).data


async def test_qr_then_rotating_tokens(wire: Wire, sim: PronoteSimulator) -> None:
    payload, pin = sim.qr_login("eleve")
    assert payload["avecPageConnexion"] is False
    assert payload["url"].endswith("/pronote/mobile.eleve.html")
    assert len(pin) == 4
    assert pin.isdigit()
    with pytest.raises(CryptoError):
        decode_qr(payload, "0000" if pin != "0000" else "1111")
    token = await qr_login(wire, payload, pin, "mobile.eleve.html")
    assert wire.a == 6
    assert sim.mobile_token(USERNAME, "eleve") == token
    assert await wire.call("ParametresUtilisateur", data={})

    second = await token_login(Wire(wire.client, sim), token)
    new_token = second["jetonConnexionAppliMobile"]
    assert isinstance(new_token, str)
    assert new_token != token
    assert (await token_login(Wire(wire.client, sim), token)) == {"Acces": 1}
    third = await token_login(Wire(wire.client, sim), new_token)
    assert "cle" in third


async def test_qr_codes_are_single_use_and_expire(wire: Wire, sim: PronoteSimulator) -> None:
    payload, pin = sim.qr_login("parent")
    await qr_login(wire, payload, pin, "mobile.parent.html")
    login, jeton = decode_qr(payload, pin)
    again = Wire(wire.client, sim)
    await again.load("mobile.parent.html")
    assert (await again.login(login, jeton, qr=True, device=DEVICE, load=False)).data == {
        "Acces": 1
    }

    sim.qr_ttl = -1
    payload, pin = sim.qr_login("parent")
    login, jeton = decode_qr(payload, pin)
    late = Wire(wire.client, sim)
    await late.load("mobile.parent.html")
    assert (await late.login(login, jeton, qr=True, device=DEVICE, load=False)).data == {"Acces": 1}


async def test_token_is_bound_to_the_device_uuid(wire: Wire, sim: PronoteSimulator) -> None:
    payload, pin = sim.qr_login()
    token = await qr_login(wire, payload, pin, "mobile.eleve.html")
    other = Wire(wire.client, sim)
    await other.load("mobile.eleve.html")
    auth = await other.login(USERNAME, token, token=True, device="another-device", load=False)
    assert auth.data == {"Acces": 1}
    sim.revoke_tokens(USERNAME)
    assert sim.mobile_token(USERNAME) is None
    assert (await token_login(Wire(wire.client, sim), token)) == {"Acces": 1}


async def test_qr_code_generated_in_session(wire: Wire, sim: PronoteSimulator) -> None:
    await wire.ready()
    bad = await wire.post("JetonAppliMobile", {"code": "12"}, onglet=7)
    assert bad.signature["Erreur"] is True
    data = await wire.call("JetonAppliMobile", 7, {"code": "4321"})
    assert set(data) == {"jeton", "login"}
    login, jeton = decode_qr(data, "4321")
    assert login == USERNAME
    mobile = Wire(wire.client, sim)
    await mobile.load("mobile.eleve.html")
    auth = await mobile.login(login, jeton, qr=True, device=DEVICE, load=False)
    assert auth.data["jetonConnexionAppliMobile"]


async def test_password_login_can_ask_for_a_token(wire: Wire, sim: PronoteSimulator) -> None:
    auth = await wire.login(want_token=True, device=DEVICE)
    token = auth.data["jetonConnexionAppliMobile"]
    assert "cle" in await token_login(Wire(wire.client, sim), token)


async def test_token_login_with_2fa_registers_the_device(wire: Wire, sim: PronoteSimulator) -> None:
    sim.set_2fa_required(USERNAME, True)
    payload, pin = sim.qr_login()
    token = await qr_login(wire, payload, pin, "mobile.eleve.html")  # QR logins skip 2FA
    mobile = Wire(wire.client, sim)
    data = await token_login(mobile, token)
    assert data["actionsDoubleAuth"] == {"_T": 26, "V": "[3]"}
    rotated = data["jetonConnexionAppliMobile"]
    saved = await mobile.call(
        "SecurisationCompteDoubleAuth",
        data={
            "action": 3,
            "avecIdentification": True,
            "strIdentification": "HA mobile",
            "codePin": mobile.cipher.encrypt_hex("1357"),
        },
    )
    assert saved == {"jetonConnexionAppliMobile": rotated}  # the same token, not rotated again
    assert sim.registered_devices(USERNAME) == ["HA mobile"]
    later = await token_login(Wire(wire.client, sim), str(rotated))
    assert "actionsDoubleAuth" not in later
