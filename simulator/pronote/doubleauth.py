"""``SecurisationCompteDoubleAuth``: PIN check, device registration, custom password.

See Pronote protocol §4.1.

Secrets (``codePin``, ``nouveauMDP``) are hex of AES(session key, session IV) of the text.
A session with pending actions is ``Phase.SECURING``; it becomes ``AUTHENTICATED`` once the
user's choice is recorded (action 3) after a verified PIN (action 0, or ``codePin`` in
action 3) and, when required, a custom password was set (action 8 or ``nouveauMDP``).
"""

from __future__ import annotations

from simulator.pronote.crypto import CryptoError
from simulator.pronote.errors import Refusal
from simulator.pronote.fixtures.models import Device
from simulator.pronote.protocol import Call, Json
from simulator.pronote.session import LoginMode, Phase

VERIFY_PIN = 0
VERIFY_CUSTOM_PASSWORD = 1
KNOWN_SOURCE_NAMES = 2
SAVE_USER_CHOICE = 3
SET_CUSTOM_PASSWORD = 8
DEVICE_NAME_MAX = 30


def _decrypt(call: Call, field: str) -> str | None:
    value = call.data.get(field)
    if not isinstance(value, str) or not value:
        return None
    try:
        return call.session.cipher.decrypt_hex(value)
    except CryptoError as err:
        raise Refusal("Donnée chiffrée invalide.") from err


def _check_pin(call: Call) -> bool | None:
    """``None`` when no ``codePin`` was sent, else whether it matches."""
    pin = _decrypt(call, "codePin")
    if pin is None:
        return None
    ok = pin == call.sim.security(call.account.username).pin
    if ok:
        call.session.pin_verified = True
    return ok


def _set_password(call: Call) -> bool:
    password = _decrypt(call, "nouveauMDP")
    if password is None:
        return False
    if len(password) < 8:
        raise Refusal("Le mot de passe doit contenir au moins 8 caractères.")
    for account in call.world.accounts_of(call.account.username):
        account.password = password
    call.sim.security(call.account.username).password_change_required = False
    call.session.pending_actions.discard(0)
    return True


def _finish(call: Call) -> None:
    session = call.session
    if not session.pending_actions and session.phase is Phase.SECURING:
        session.phase = Phase.AUTHENTICATED


def securisation(call: Call) -> Json:
    """Dispatch on ``data.action``."""
    session, data = call.session, call.data
    security = call.sim.security(call.account.username)
    action = data.get("action")
    if action == VERIFY_PIN:
        return {"result": bool(_check_pin(call))}
    if action == VERIFY_CUSTOM_PASSWORD:
        return {"result": True}
    if action == KNOWN_SOURCE_NAMES:
        name = str(data.get("libelle") or "")
        return {"dejaConnu": any(d.name == name for d in security.devices)}
    if action == SET_CUSTOM_PASSWORD:
        if not _set_password(call):
            raise Refusal("Nouveau mot de passe manquant.")
        _finish(call)
        return {}
    if action == SAVE_USER_CHOICE:
        if _check_pin(call) is False:
            raise Refusal("Le code PIN saisi est incorrect.")
        if 3 in session.pending_actions and not session.pin_verified:
            raise Refusal("Le code PIN doit être vérifié.")
        _set_password(call)
        name = str(data.get("strIdentification") or "")[:DEVICE_NAME_MAX]
        if data.get("avecIdentification") and name:
            security.devices.append(
                Device(name=name, navigator=session.navigator, uuid=session.device_uuid)
            )
        session.pending_actions -= {1, 2, 3, 4, 5}
        _finish(call)
        account = call.account
        if session.mode in (LoginMode.QR_CODE, LoginMode.TOKEN) and account.token is not None:
            return {"jetonConnexionAppliMobile": account.token.value}
        return {}
    return {}
